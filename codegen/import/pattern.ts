// Regular-expression helpers: the conventions' anchoring, and the small amount of regex
// structure the damage checks need (how long a match can be, which atoms carry no quantifier).

import { hasTopLevelAlternation, isAnchored } from '../model/pattern-text.js';

export { hasTopLevelAlternation, isAnchored };

/** The conventions' whole-value pattern for a documented pattern. */
export function wholeValuePattern(documented: string): string {
  return isAnchored(documented) ? documented : `^(?:${documented})$`;
}

/** Smithy patterns are written `^…$`; the documented form is the text between the anchors. */
export function unanchor(p: string): { inner: string; anchored: boolean } {
  if (isAnchored(p)) return { inner: p.slice(1, -1), anchored: true };
  return { inner: p, anchored: false };
}

interface Span { min: number; max: number }

/**
 * Shortest and longest match of a regular expression (Infinity when unbounded), read with a small
 * recursive-descent parser that knows groups, alternation, classes, escapes and quantifiers.
 * Returns undefined when the text is not understood.
 */
export function matchLengths(p: string): Span | undefined {
  let i = 0;
  function alternation(): Span {
    let best = sequence();
    while (p[i] === '|') {
      i++;
      const next = sequence();
      best = { min: Math.min(best.min, next.min), max: Math.max(best.max, next.max) };
    }
    return best;
  }
  function sequence(): Span {
    const total = { min: 0, max: 0 };
    while (i < p.length && p[i] !== '|' && p[i] !== ')') {
      const a = atom();
      const q = quantifier();
      total.min += a.min * q.min;
      total.max += q.max === 0 ? 0 : a.max * q.max;
    }
    return total;
  }
  function atom(): Span {
    const c = p[i];
    if (c === '^' || c === '$') { i++; return { min: 0, max: 0 }; }
    if (c === '(') {
      i++;
      let zeroWidth = false;
      if (p[i] === '?') {
        if (p[i + 1] === ':') i += 2;
        else if (p[i + 1] === '=' || p[i + 1] === '!') { i += 2; zeroWidth = true; }
        else if (p[i + 1] === '<' && (p[i + 2] === '=' || p[i + 2] === '!')) { i += 3; zeroWidth = true; }
        else if (p[i + 1] === '<') { i = p.indexOf('>', i) + 1; }
      }
      const inner = alternation();
      if (p[i] !== ')') throw new Error('unbalanced group');
      i++;
      return zeroWidth ? { min: 0, max: 0 } : inner;
    }
    if (c === '[') {
      i++;
      if (p[i] === '^') i++;
      if (p[i] === ']') i++;
      while (i < p.length && p[i] !== ']') { if (p[i] === '\\') i++; i++; }
      if (p[i] !== ']') throw new Error('unbalanced class');
      i++;
      return { min: 1, max: 1 };
    }
    if (c === '\\') {
      const e = p[i + 1];
      i += 2;
      if (e === 'b' || e === 'B') return { min: 0, max: 0 };
      if (e === 'u' && /^[0-9a-fA-F]{4}/.test(p.slice(i))) i += 4;
      else if (e === 'x') i += 2;
      return { min: 1, max: 1 };
    }
    i++;
    return { min: 1, max: 1 };
  }
  function quantifier(): Span {
    const c = p[i];
    let q: Span = { min: 1, max: 1 };
    if (c === '*') { i++; q = { min: 0, max: Infinity }; }
    else if (c === '+') { i++; q = { min: 1, max: Infinity }; }
    else if (c === '?') { i++; q = { min: 0, max: 1 }; }
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
      if (m) {
        i += m[0].length;
        const lo = Number(m[1]);
        q = { min: lo, max: m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]) };
      }
    }
    if (p[i] === '?' && c !== undefined && '*+?{'.includes(c)) i++; // lazy
    return q;
  }
  try {
    const span = alternation();
    return i === p.length ? span : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Atoms that could have carried a quantifier a scraper stripped: character classes, `.` and
 * class escapes (`\d`, `\s`, ...) that are not followed by any quantifier. (Groups and literals
 * are left out: a group usually wraps the whole pattern, and a quantified literal is rare.)
 */
export function bareAtoms(p: string): string[] {
  const found: string[] = [];
  const SHORTHAND = /^\\[dDwWsS]/;
  const isQuantifier = (j: number) => j < p.length && ('*+?'.includes(p[j]) || /^\{\d+(,\d*)?\}/.test(p.slice(j)));
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (SHORTHAND.test(p.slice(i)) && !isQuantifier(i + 2)) found.push(p.slice(i, i + 2));
      i++;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') { if (p[j] === '\\') j++; j++; }
      if (!isQuantifier(j + 1)) found.push(p.slice(i, j + 1));
      i = j;
      continue;
    }
    if (c === '.' && !isQuantifier(i + 1)) found.push('.');
  }
  return found;
}

/** The pattern with every `+` removed, as a scraper that strips `+` leaves it. */
export function withoutPlus(p: string): string {
  return p.split('+').join('');
}
