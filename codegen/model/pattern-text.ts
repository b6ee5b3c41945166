/**
 * The little a model needs to know about a pattern's text: whether it is written anchored, and
 * whether an alternation stands outside every group (so anchoring it needs a group). Shared by the
 * reader's checks, the importer and the validator emitter.
 */

/** Starts with `^` and ends with a `$` that is not escaped. */
export function isAnchored(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return false;
  let backslashes = 0;
  for (let i = pattern.length - 2; i >= 0 && pattern[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** Whether a `|` stands outside every group and character class (`A|B`). */
export function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}
