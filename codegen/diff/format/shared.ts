// Small pieces every output format uses to show values and texts.

import type { Example, Finding, Level, Section } from '../findings.js';
import { sectionOf } from '../findings.js';
import type { DiffResult, Summary } from '../diff.js';

/** A value as a JSON string literal, so that "" and control characters stay visible; long values are shortened. */
export function showValue(value: string, limit = 80): string {
  const literal = JSON.stringify(value);
  if (literal.length <= limit) return literal;
  const chars = [...value];
  return `${JSON.stringify(chars.slice(0, limit - 20).join('')).slice(0, -1)}…" (${chars.length} characters)`;
}

export function exampleSentence(example: Example, result: Pick<DiffResult, 'old' | 'new'>, quote: (s: string) => string): string {
  const [accepting, rejecting] = example.acceptedBy === 'old' ? [result.old.revision, result.new.revision] : [result.new.revision, result.old.revision];
  const kind = example.kind === 'shortest' ? 'shortest such value' : 'realistic value';
  return `${quote(showValue(example.value))} is accepted by ${accepting} and rejected by ${rejecting} (${kind})`;
}

/** The sample line of a finding: a value the new revision accepts for the member, or why none exists. */
export function sampleSentence(finding: Finding, result: Pick<DiffResult, 'new'>, quote: (s: string) => string): string | undefined {
  const sample = finding.sample;
  if (!sample) return undefined;
  if ('none' in sample) return `${sample.none} in ${result.new.revision}: every request that sends it fails`;
  return `${quote(showValue(sample.value))} meets every constraint of ${quote(sample.member)} in ${result.new.revision}`;
}

/**
 * Why the summary can count breaking findings beside a bump below major: a finding is breaking when
 * callers fail against the service (a narrowed constraint), while the bump judges only the
 * generated TypeScript, which such a change leaves alone. Undefined when there is nothing to explain.
 */
export function bumpExplanation(summary: Summary): string | undefined {
  if (summary.breaking === 0 || summary.semver === 'major') return undefined;
  const n = summary.breaking;
  return `${n} breaking finding${n > 1 ? 's' : ''} but a ${summary.semver} bump: ${n > 1 ? 'they break' : 'it breaks'} callers at the service `
    + `(requests the new revision rejects), not the generated types, so no client version avoids ${n > 1 ? 'them' : 'it'}; `
    + 'the bump judges the TypeScript a consumer compiles against.';
}

export function inSection(findings: readonly Finding[], section: Section): Finding[] {
  return findings.filter((f) => sectionOf(f.level) === section);
}

export function ofLevel(findings: readonly Finding[], level: Level): Finding[] {
  return findings.filter((f) => f.level === level);
}

export type Segment = { kind: 'same' | 'removed' | 'added'; text: string };

/**
 * A word-level difference of two texts (longest common subsequence of whitespace-separated words),
 * for showing what a documentation change changed without printing both texts in full.
 */
export function wordDiff(before: string, after: string): Segment[] {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  if (a.length * b.length > 250_000) return [{ kind: 'removed', text: before }, { kind: 'added', text: after }];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const segments: Segment[] = [];
  const push = (kind: Segment['kind'], word: string) => {
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += ' ' + word;
    else segments.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  return segments;
}

/** Keeps a few words of context around each change and elides the rest. */
export function condense(segments: Segment[], context = 5): Segment[] {
  return segments.map((segment, index) => {
    if (segment.kind !== 'same') return segment;
    const words = segment.text.split(' ');
    const first = index === 0;
    const last = index === segments.length - 1;
    if (words.length <= context * 2 + 1) return segment;
    if (first) return { kind: 'same', text: '… ' + words.slice(-context).join(' ') };
    if (last) return { kind: 'same', text: words.slice(0, context).join(' ') + ' …' };
    return { kind: 'same', text: `${words.slice(0, context).join(' ')} … ${words.slice(-context).join(' ')}` };
  });
}
