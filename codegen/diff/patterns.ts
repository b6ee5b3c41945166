// Compares the sets of string values two revisions accept, by language rather than by text.
//
// A value set is the intersection of its constraints: a whole-value `pattern`, `minLength` and
// `maxLength` in Unicode code points, and `enum`. Each becomes a finite automaton (refa builds
// them from JavaScript regular expressions, parsed by @eslint-community/regexpp); two sets are
// compared by the emptiness of A∖B and B∖A, and a non-empty difference yields a shortest value
// as a witness. Whatever the library cannot decide is reported as `undecidable` with the reason.

import { DFA, Words } from 'refa';
import { wholeValueAutomaton, type PatternFlags } from '../model/pattern-automaton.js';
import { SearchTooLarge, nearestWord, shortestWithLength, type Candidate, type Interval } from './words.js';

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
  if (error instanceof SearchTooLarge) return message;
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

/** The whole-value language of a pattern (model/pattern-automaton.ts), once per pattern and mode. */
function patternDfa(pattern: string, mode: Mode): DFA {
  const key = mode + '\0' + pattern;
  let dfa = dfaCache.get(key);
  if (!dfa) {
    dfa = wholeValueAutomaton(pattern, flagsOf(mode), STATE_LIMIT);
    dfaCache.set(key, dfa);
  }
  return dfa;
}

function enumDfa(values: readonly unknown[], mode: Mode, maxCharacter: number): DFA {
  const toWord = mode === 'unicode' ? Words.fromStringToUnicode : Words.fromStringToUTF16;
  const words = values.filter((v): v is string => typeof v === 'string').map((v) => toWord(v));
  const dfa = DFA.fromWords(words, { maxCharacter });
  dfa.minimize();
  return dfa;
}

function flagsOf(mode: Mode): PatternFlags {
  return mode === 'unicode' ? 'u' : '';
}

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


const toString = (mode: Mode, word: number[]) => (mode === 'unicode' ? Words.fromUnicodeToString(word) : Words.fromUTF16ToString(word));
const toWord = (mode: Mode, value: string) => (mode === 'unicode' ? Words.fromStringToUnicode(value) : Words.fromStringToUTF16(value));

/**
 * The value of `a` and not of `b` fewest edits away from one of the templates (tried in order, the
 * first that yields one wins), checked against the RegExp engine; undefined when there is none or
 * the question cannot be decided. Used for realistic witnesses: the documented `my-function`
 * becomes `my.function` where a revision starts to accept dots.
 */
export function nearestDifference(aParts: readonly ValueConstraints[], bParts: readonly ValueConstraints[], templates: readonly string[]): string | undefined {
  const mode = modeFor([...aParts, ...bParts]);
  if (typeof mode !== 'string' || templates.length === 0) return undefined;
  try {
    const maxCharacter = mode === 'unicode' ? 0x10ffff : 0xffff;
    const a = sideOf(aParts, mode, maxCharacter);
    const b = sideOf(bParts, mode, maxCharacter);
    const notB = b.regular.copy(new DFA.LimitedNodeFactory(STATE_LIMIT));
    notB.complement();
    const searches: { dfa: DFA; interval: Interval }[] = [
      { dfa: DFA.fromIntersection(a.regular, notB, new DFA.LimitedNodeFactory(STATE_LIMIT)), interval: [a.min, a.max] },
      ...subtractInterval([a.min, a.max], [b.min, b.max]).map((interval) => ({ dfa: a.regular, interval })),
    ];
    let best: { value: string; edits: number } | undefined;
    for (const template of templates) {
      for (const { dfa, interval } of searches) {
        // A template that would have to be mostly rewritten gives no realistic value.
        const word = toWord(mode, template);
        const found = tryNearest(dfa, word, interval[0], Math.min(interval[1], MAX_SAMPLE_LENGTH), Math.min(closeEnough(word.length), (best?.edits ?? Infinity) - 1));
        if (!found) continue;
        const value = toString(mode, found.word);
        if (accepts(aParts, value, mode) && !accepts(bParts, value, mode)) best = { value, edits: found.edits! };
      }
    }
    return best?.value;
  } catch {
    // Too large to search or not representable: no realistic witness, the shortest one still stands.
  }
  return undefined;
}

/** How many edits a template may take and still make a realistic value: a third of its length (at least 2). */
const closeEnough = (length: number) => Math.max(2, Math.ceil(length / 3));

/** Samples are meant to be read: past this length a sample is not worth showing. */
const MAX_SAMPLE_LENGTH = 4096;

/** A nearest word, or undefined when that one search is too large (the other templates may still do). */
function tryNearest(dfa: DFA, template: number[], min: number, max: number, maxEdits: number): Candidate | undefined {
  if (maxEdits < 0) return undefined;
  try {
    return nearestWord(dfa, template, min, max, maxEdits);
  } catch (error) {
    if (error instanceof SearchTooLarge) return undefined;
    throw error;
  }
}

export type SetSample =
  | { value: string }
  /** The constraints admit no value at all. */
  | { none: true }
  /** The automata could not answer (the reason says why). */
  | { unknown: string };

/**
 * One value that meets every constraint: the nearest to the first template that allows one, else
 * a shortest readable value; checked against the RegExp engine before it is returned.
 */
export function sampleOfSet(parts: readonly ValueConstraints[], templates: readonly string[] = []): SetSample {
  const mode = modeFor(parts);
  if (typeof mode !== 'string') return { unknown: `\`${mode.invalid}\` is not a valid JavaScript regular expression` };
  try {
    const maxCharacter = mode === 'unicode' ? 0x10ffff : 0xffff;
    const side = sideOf(parts, mode, maxCharacter);
    if (side.min > side.max) return { none: true };
    // The template fewest edits away wins (the first on a tie), unless it had to be mostly rewritten.
    let best: Candidate | undefined;
    for (const template of templates) {
      const word = toWord(mode, template);
      const found = tryNearest(side.regular, word, side.min, Math.min(side.max, MAX_SAMPLE_LENGTH), Math.min(closeEnough(word.length), (best?.edits ?? Infinity) - 1));
      if (found) best = found;
    }
    if (best) return checked(toString(mode, best.word));
    const shortest = shortestWithLength(side.regular, [[side.min, side.max]]);
    return shortest ? checked(toString(mode, shortest.word)) : { none: true };
  } catch (error) {
    return { unknown: reasonOf(error) };
  }

  function checked(value: string): SetSample {
    return accepts(parts, value, mode as Mode) ? { value } : { unknown: `the automaton's sample ${JSON.stringify(value)} disagrees with the RegExp engine` };
  }
}
