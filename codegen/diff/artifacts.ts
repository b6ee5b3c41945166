// Text-level signs that a change is damage done by capturing the documentation rather than a change
// of the API: a scraper that drops regex quantifiers, adds Markdown escapes, or keeps backticks.

const QUANTIFIERS = new Set(['+', '*', '?']);

/**
 * If `a` and `b` differ only by unescaped quantifier characters that one of them lacks, returns
 * those characters (in the order they were lost or gained) and which side has them.
 */
export function quantifierOnlyDifference(a: string, b: string): { extra: string[]; side: 'a' | 'b' } | undefined {
  if (a === b) return undefined;
  const [longer, shorter, side] = a.length > b.length ? [a, b, 'a' as const] : [b, a, 'b' as const];
  const extra: string[] = [];
  let j = 0;
  for (let i = 0; i < longer.length; i++) {
    if (j < shorter.length && longer[i] === shorter[j]) {
      j++;
      continue;
    }
    const escaped = i > 0 && longer[i - 1] === '\\' && (i < 2 || longer[i - 2] !== '\\');
    if (!QUANTIFIERS.has(longer[i]) || escaped) return undefined;
    extra.push(longer[i]);
  }
  return j === shorter.length && extra.length > 0 ? { extra, side } : undefined;
}

/** True when the texts differ, but only by backslashes (Markdown escapes). */
export function escapeOnlyDifference(a: string, b: string): boolean {
  return a !== b && a.replace(/\\/g, '') === b.replace(/\\/g, '');
}

/** True when two documentation texts differ only by backslashes, backticks or whitespace. */
export function formattingOnlyDifference(a: string, b: string): boolean {
  const plain = (s: string) => s.replace(/[\\`]/g, '').replace(/\s+/g, ' ').trim();
  return a !== b && plain(a) === plain(b);
}
