// Compares the sets of string values two revisions accept, by language rather than by text.
//
// A value set is the intersection of its constraints: a whole-value `pattern`, `minLength` and
// `maxLength` in Unicode code points, and `enum`. Each becomes a finite automaton (refa builds
// them from JavaScript regular expressions, parsed by @eslint-community/regexpp); two sets are
// compared by the emptiness of A∖B and B∖A, and a non-empty difference yields a shortest value
// as a witness. Whatever the library cannot decide is reported as `undecidable` with the reason.

import { DFA, JS, NFA, Transformers, Words, transform } from 'refa';

export interface ValueConstraints {
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  enum?: readonly unknown[];
}

/** How the new value set relates to the old one. */
export type Relation = 'equal' | 'wider' | 'narrower' | 'incomparable' | 'undecidable';

export interface Comparison {
  relation: Relation;
  /** A shortest value the old set accepts and the new one rejects (present when there is one). */
  oldOnly?: string;
  /** A shortest value the new set accepts and the old one rejects. */
  newOnly?: string;
  /** Why the comparison could not be decided. */
  reason?: string;
}

/** Regex flags for comparing: `u` makes a character a code point, as the length bounds count them. */
export type Mode = 'unicode' | 'utf16';

/** Past this many automaton states a comparison is reported as undecidable rather than run on. */
const STATE_LIMIT = 40_000;

class UndecidableError extends Error {}

/** Whether a value meets every constraint, evaluated directly with JavaScript's RegExp. */
export function accepts(parts: readonly ValueConstraints[], value: string, mode: Mode = 'unicode'): boolean {
  const length = mode === 'unicode' ? [...value].length : value.length;
  for (const part of parts) {
    if (part.minLength !== undefined && length < part.minLength) return false;
    if (part.maxLength !== undefined && length > part.maxLength) return false;
    if (part.enum !== undefined && !part.enum.includes(value)) return false;
    if (part.pattern !== undefined && !wholeValueRegExp(part.pattern, mode).test(value)) return false;
  }
  return true;
}

const regexCache = new Map<string, RegExp>();
function wholeValueRegExp(pattern: string, mode: Mode): RegExp {
  const key = mode + '\0' + pattern;
  let regex = regexCache.get(key);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, mode === 'unicode' ? 'u' : '');
    regexCache.set(key, regex);
  }
  return regex;
}

/**
 * The regex mode both sides can be compared in: `unicode` when every pattern is valid with the `u`
 * flag, else `utf16` (JavaScript's default syntax, which allows escapes such as `\-` outside a class).
 */
export function modeFor(parts: readonly ValueConstraints[]): Mode | { invalid: string } {
  let mode: Mode = 'unicode';
  for (const { pattern } of parts) {
    if (pattern === undefined) continue;
    try {
      new RegExp(pattern, 'u');
    } catch {
      try {
        new RegExp(pattern);
        mode = 'utf16';
      } catch {
        return { invalid: pattern };
      }
    }
  }
  return mode;
}

/** Compares the value sets `old` and `new` (each the intersection of its parts). */
export function compareValueSets(oldParts: readonly ValueConstraints[], newParts: readonly ValueConstraints[]): Comparison {
  const mode = modeFor([...oldParts, ...newParts]);
  if (typeof mode !== 'string') {
    return { relation: 'undecidable', reason: `\`${mode.invalid}\` is not a valid JavaScript regular expression` };
  }
  try {
    const maxCharacter = mode === 'unicode' ? 0x10ffff : 0xffff;
    const oldSide = sideOf(oldParts, mode, maxCharacter);
    const newSide = sideOf(newParts, mode, maxCharacter);
    const oldOnly = shortestDifference(oldSide, newSide, mode);
    const newOnly = shortestDifference(newSide, oldSide, mode);
    // The automata are only trusted when JavaScript's own RegExp agrees with the witnesses.
    for (const [value, acceptedByOld] of [[oldOnly, true], [newOnly, false]] as const) {
      if (value === undefined) continue;
      if (accepts(oldParts, value, mode) !== acceptedByOld || accepts(newParts, value, mode) === acceptedByOld) {
        return { relation: 'undecidable', reason: `the automaton's witness ${JSON.stringify(value)} disagrees with the RegExp engine` };
      }
    }
    const relation: Relation =
      oldOnly === undefined && newOnly === undefined ? 'equal' : oldOnly === undefined ? 'wider' : newOnly === undefined ? 'narrower' : 'incomparable';
    return { relation, oldOnly, newOnly };
  } catch (error) {
    return { relation: 'undecidable', reason: reasonOf(error) };
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UndecidableError) return message;
  if (/backreference/i.test(message)) return 'it uses a backreference, which no finite automaton can represent in general';
  if (/assertion/i.test(message)) return 'it uses a lookaround or boundary assertion that the automaton library cannot remove';
  if (/too many nodes/i.test(message) || error?.constructor?.name === 'TooManyNodesError') {
    return `its automaton grows past ${STATE_LIMIT} states`;
  }
  return `the automaton library could not build it (${message.split('\n')[0]})`;
}

/**
 * One side of a comparison: the regular part (patterns and enums, as one minimized DFA) and the
 * length interval. Lengths are kept apart because a counter of a few hundred states multiplied
 * into every pattern automaton is what makes such comparisons slow.
 */
interface Side {
  regular: DFA;
  min: number;
  max: number;
}

function sideOf(parts: readonly ValueConstraints[], mode: Mode, maxCharacter: number): Side {
  let regular: DFA | undefined;
  let min = 0;
  let max = Infinity;
  for (const part of parts) {
    const pieces: DFA[] = [];
    if (part.pattern !== undefined) pieces.push(patternDfa(part.pattern, mode));
    if (part.enum !== undefined) pieces.push(enumDfa(part.enum, mode, maxCharacter));
    for (const piece of pieces) {
      regular = regular ? DFA.fromIntersection(regular, piece, new DFA.LimitedNodeFactory(STATE_LIMIT)) : piece;
      regular.minimize();
    }
    if (part.minLength !== undefined) min = Math.max(min, part.minLength);
    if (part.maxLength !== undefined) max = Math.min(max, part.maxLength);
  }
  return { regular: regular ?? DFA.all({ maxCharacter }), min, max };
}

const dfaCache = new Map<string, DFA>();

/** The whole-value language of a pattern: `^(?:P)$`, whose edge assertions then hold trivially. */
function patternDfa(pattern: string, mode: Mode): DFA {
  const key = mode + '\0' + pattern;
  const cached = dfaCache.get(key);
  if (cached) return cached;
  const parser = JS.Parser.fromLiteral({ source: `^(?:${pattern})$`, flags: flagsOf(mode) });
  const { expression, maxCharacter } = parser.parse({ backreferences: 'throw', maxNodes: STATE_LIMIT });
  let simplified = transform(Transformers.simplify(), expression);
  simplified = transform(Transformers.patternEdgeAssertions({ remove: true }), simplified);
  const nfa = NFA.fromRegex(simplified, { maxCharacter }, { assertions: 'throw', unknowns: 'throw' }, new NFA.LimitedNodeFactory(STATE_LIMIT));
  const dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(STATE_LIMIT));
  dfa.minimize();
  dfaCache.set(key, dfa);
  return dfa;
}

function enumDfa(values: readonly unknown[], mode: Mode, maxCharacter: number): DFA {
  const toWord = mode === 'unicode' ? Words.fromStringToUnicode : Words.fromStringToUTF16;
  const words = values.filter((v): v is string => typeof v === 'string').map((v) => toWord(v));
  const dfa = DFA.fromWords(words, { maxCharacter });
  dfa.minimize();
  return dfa;
}

function flagsOf(mode: Mode): string {
  return mode === 'unicode' ? 'u' : '';
}

type Interval = [number, number];

/** Lengths in `a` but not in `b`: at most two intervals. */
function subtractInterval([aMin, aMax]: Interval, [bMin, bMax]: Interval): Interval[] {
  if (aMin > aMax) return [];
  if (bMin > bMax) return [[aMin, aMax]];
  const result: Interval[] = [];
  if (aMin < bMin) result.push([aMin, Math.min(aMax, bMin - 1)]);
  if (aMax > bMax) result.push([Math.max(aMin, bMax + 1), aMax]);
  return result;
}

/**
 * A shortest, most readable value in `a` and not in `b`, or undefined when a ⊆ b. A value is
 * outside `b` when b's regular part rejects it or b's length bounds do:
 * (Ra ∩ La) ∖ (Rb ∩ Lb) = (Ra ∩ ¬Rb ∩ La) ∪ (Ra ∩ (La ∖ Lb)).
 */
function shortestDifference(a: Side, b: Side, mode: Mode): string | undefined {
  const notB = b.regular.copy(new DFA.LimitedNodeFactory(STATE_LIMIT));
  notB.complement();
  const rejectedByPattern = DFA.fromIntersection(a.regular, notB, new DFA.LimitedNodeFactory(STATE_LIMIT));
  const candidates = [
    shortestWithLength(rejectedByPattern, [[a.min, a.max]]),
    shortestWithLength(a.regular, subtractInterval([a.min, a.max], [b.min, b.max])),
  ].filter((c): c is Candidate => c !== undefined);
  candidates.sort((x, y) => x.word.length - y.word.length || x.score - y.score);
  const best = candidates[0];
  if (!best) return undefined;
  return mode === 'unicode' ? Words.fromUnicodeToString(best.word) : Words.fromUTF16ToString(best.word);
}

interface Candidate {
  word: number[];
  score: number;
}

/**
 * A shortest word of `dfa` whose length lies in one of the intervals, found by breadth-first search
 * over (state, length so far capped at the lower bound). Expanding transitions in reading order
 * makes the first word found a readable one. (Enumerating word sets instead walks paths, which
 * explodes for long lower bounds.)
 */
function shortestWithLength(dfa: DFA, intervals: Interval[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const [min, max] of intervals) {
    if (min > max || dfa.finals.size === 0) continue;
    const found = shortestAtLeast(dfa, min);
    if (found && found.word.length <= max && (!best || found.word.length < best.word.length || (found.word.length === best.word.length && found.score < best.score))) {
      best = found;
    }
  }
  return best;
}

interface Step {
  node: DFA.ReadonlyNode;
  count: number;
  parent?: Step;
  char?: number;
  rank: number;
}

function shortestAtLeast(dfa: DFA, min: number): Candidate | undefined {
  const states = dfa.countNodes();
  if (states * (min + 1) > STATE_LIMIT * 10) throw new UndecidableError(`its length bound ${min} is too large to search`);
  const seen = new Set<string>();
  const ids = new Map<DFA.ReadonlyNode, number>();
  const idOf = (node: DFA.ReadonlyNode) => {
    let id = ids.get(node);
    if (id === undefined) ids.set(node, (id = ids.size));
    return id;
  };
  let layer: Step[] = [{ node: dfa.initial, count: 0, rank: 0 }];
  seen.add(`${idOf(dfa.initial)}:0`);
  while (layer.length > 0) {
    for (const step of layer) {
      if (step.count >= min && dfa.finals.has(step.node as DFA.Node)) return candidateOf(step);
    }
    const next: Step[] = [];
    for (const step of layer) {
      const moves: { to: DFA.ReadonlyNode; char: number; rank: number }[] = [];
      for (const [range, to] of step.node.out) moves.push({ to, ...readableInRange(range.min, range.max) });
      moves.sort((a, b) => a.rank - b.rank || a.char - b.char);
      for (const move of moves) {
        const count = Math.min(step.count + 1, min);
        const key = `${idOf(move.to)}:${count}`;
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ node: move.to, count, parent: step, char: move.char, rank: move.rank });
      }
    }
    layer = next;
  }
  return undefined;
}

function candidateOf(last: Step): Candidate {
  const word: number[] = [];
  let score = 0;
  for (let step: Step | undefined = last; step?.parent; step = step.parent) {
    word.push(step.char!);
    score += step.rank;
  }
  return { word: word.reverse(), score };
}

// Characters in the order a reader finds them easiest: letters, digits, ARN-ish punctuation, then
// the rest of printable ASCII, a space, and only then control or non-ASCII characters.
const PREFERRED = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:/' + "*$@!#%&'()+,;<=>?[]^`{|}~\"\\" + ' \t\n\r';
const PREFERRED_CODES = [...PREFERRED].map((c) => c.codePointAt(0)!);

function readableInRange(min: number, max: number): { char: number; rank: number } {
  for (let i = 0; i < PREFERRED_CODES.length; i++) {
    const code = PREFERRED_CODES[i];
    if (code >= min && code <= max) return { char: code, rank: i };
  }
  // Outside ASCII: prefer a non-surrogate, visible character when the range has one.
  const visible = min <= 0xa1 && max >= 0xa1 ? 0xa1 : min >= 0xd800 && min <= 0xdfff && max > 0xdfff ? 0xe000 : min;
  return { char: visible, rank: PREFERRED_CODES.length + 1 + Math.min(visible, 0xffff) };
}
