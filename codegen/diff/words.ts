// Finding words in an automaton: a shortest readable one within length bounds, and the one nearest
// to a template (a value the documentation shows), so that a sample looks like real input rather
// than like the automaton's first path.
//
// refa enumerates words of a DFA, but along paths and without length bounds or a notion of "close
// to this value"; both searches here are breadth-first over (state, progress) and stay bounded.

import type { DFA } from 'refa';

export type Interval = [number, number];

export interface Candidate {
  word: number[];
  /** Lower is more readable (the sum of the characters' ranks in PREFERRED). */
  score: number;
  /** For a word near a template: how many edits away from it. */
  edits?: number;
}

/** Searches over more product states than this give up (the caller reports no sample rather than hang). */
export const SEARCH_LIMIT = 400_000;

export class SearchTooLarge extends Error {}

/**
 * A shortest word of `dfa` whose length lies in one of the intervals, found by breadth-first search
 * over (state, length so far capped at the lower bound). Expanding transitions in reading order
 * makes the first word found a readable one. (Enumerating word sets instead walks paths, which
 * explodes for long lower bounds.)
 */
export function shortestWithLength(dfa: DFA, intervals: Interval[]): Candidate | undefined {
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

function nodeIds(dfa: DFA): (node: DFA.ReadonlyNode) => number {
  const ids = new Map<DFA.ReadonlyNode, number>();
  return (node) => {
    let id = ids.get(node);
    if (id === undefined) ids.set(node, (id = ids.size));
    return id;
  };
}

function shortestAtLeast(dfa: DFA, min: number): Candidate | undefined {
  const states = dfa.countNodes();
  if (states * (min + 1) > SEARCH_LIMIT) throw new SearchTooLarge(`its length bound ${min} is too large to search`);
  const seen = new Set<number>();
  const idOf = nodeIds(dfa);
  let layer: Step[] = [{ node: dfa.initial, count: 0, rank: 0 }];
  seen.add(idOf(dfa.initial) * (min + 1));
  while (layer.length > 0) {
    for (const step of layer) {
      if (step.count >= min && dfa.finals.has(step.node as DFA.Node)) return candidateOf(step);
    }
    const next: Step[] = [];
    for (const step of layer) {
      for (const move of readableMoves(step.node)) {
        const count = Math.min(step.count + 1, min);
        const key = idOf(move.to) * (min + 1) + count;
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ node: move.to, count, parent: step, char: move.char, rank: move.rank });
      }
    }
    layer = next;
  }
  return undefined;
}

function readableMoves(node: DFA.ReadonlyNode): { to: DFA.ReadonlyNode; char: number; rank: number }[] {
  const moves: { to: DFA.ReadonlyNode; char: number; rank: number }[] = [];
  for (const [range, to] of node.out) moves.push({ to, ...readableInRange(range.min, range.max) });
  return moves.sort((a, b) => a.rank - b.rank || a.char - b.char);
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

/**
 * The word of `dfa` with a length in [min, max] that is fewest edits away from `template`, ties
 * going to the edit found first in reading order; undefined when there is none. Inserting or
 * deleting a character costs 1, replacing one 2, so that the template stays whole where it can
 * (`123456789012 ` rather than `12345678901 `). Edits pick readable characters, so
 * `my-function` in a language that newly admits dots comes back as `my-function.`, not as `.`.
 *
 * Dijkstra over (state, template position, length so far capped at `min`), one queue per cost;
 * words more than `maxEdits` away are not searched for.
 */
export function nearestWord(dfa: DFA, template: readonly number[], min: number, max: number, maxEdits = Infinity): Candidate | undefined {
  const n = template.length;
  // Each missing or surplus character is at least one edit.
  if (dfa.finals.size === 0 || min > max || Math.max(0, min - n, n - max) > maxEdits) return undefined;
  const cap = min;
  const states = dfa.countNodes();
  if (states * (n + 1) * (cap + 1) > SEARCH_LIMIT) throw new SearchTooLarge(`a template of ${n} characters with length bound ${min} is too large to search`);
  const idOf = nodeIds(dfa);
  const movesOf = new Map<DFA.ReadonlyNode, { to: DFA.ReadonlyNode; char: number; rank: number }[]>();
  const keyOf = (node: DFA.ReadonlyNode, i: number, count: number) => (idOf(node) * (n + 1) + i) * (cap + 1) + count;
  const settled = new Set<number>();
  const queues: Entry[][] = [[{ node: dfa.initial, i: 0, count: 0, length: 0, rank: 0 }]];
  const push = (cost: number, entry: Entry) => {
    if (cost > maxEdits || settled.has(keyOf(entry.node, entry.i, entry.count))) return;
    while (queues.length <= cost) queues.push([]);
    queues[cost].push(entry);
  };
  for (let cost = 0; cost < queues.length; cost++) {
    const queue = queues[cost];
    for (let q = 0; q < queue.length; q++) {
      const entry = queue[q];
      const key = keyOf(entry.node, entry.i, entry.count);
      if (settled.has(key)) continue;
      settled.add(key);
      if (entry.i === n && entry.count >= min && entry.length <= max && dfa.finals.has(entry.node as DFA.Node)) return wordOf(entry, cost);
      if (entry.i < n) push(cost + 1, { node: entry.node, i: entry.i + 1, count: entry.count, length: entry.length, parent: entry, rank: 0 }); // delete
      if (entry.length >= max) continue; // no character may be added any more
      const count = Math.min(entry.count + 1, cap);
      const length = entry.length + 1;
      const wanted = entry.i < n ? template[entry.i] : undefined;
      if (wanted !== undefined) {
        const to = entry.node.out.get(wanted);
        if (to) push(cost, { node: to, i: entry.i + 1, count, length, parent: entry, char: wanted, rank: 0 }); // the template's own character
      }
      let moves = movesOf.get(entry.node);
      if (!moves) movesOf.set(entry.node, (moves = readableMoves(entry.node)));
      for (const move of moves) {
        push(cost + 1, { node: move.to, i: entry.i, count, length, parent: entry, char: move.char, rank: move.rank }); // insert
        if (wanted !== undefined && move.char !== wanted) push(cost + 2, { node: move.to, i: entry.i + 1, count, length, parent: entry, char: move.char, rank: move.rank }); // replace
      }
    }
    queues[cost] = []; // done with this cost: let the entries go
  }
  return undefined;
}

interface Entry {
  node: DFA.ReadonlyNode;
  i: number;
  count: number;
  length: number;
  parent?: Entry;
  char?: number;
  rank: number;
}

function wordOf(last: Entry, edits: number): Candidate {
  const word: number[] = [];
  let score = 0;
  for (let e: Entry | undefined = last; e?.parent; e = e.parent) {
    if (e.char === undefined) continue;
    word.push(e.char);
    score += e.rank;
  }
  return { word: word.reverse(), score, edits };
}

// Characters in the order a reader finds them easiest: letters, digits, ARN-ish punctuation, then
// the rest of printable ASCII, a space, and only then control or non-ASCII characters.
const PREFERRED = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:/' + "*$@!#%&'()+,;<=>?[]^`{|}~\"\\" + ' \t\n\r';
const PREFERRED_CODES = [...PREFERRED].map((c) => c.codePointAt(0)!);

export function readableInRange(min: number, max: number): { char: number; rank: number } {
  for (let i = 0; i < PREFERRED_CODES.length; i++) {
    const code = PREFERRED_CODES[i];
    if (code >= min && code <= max) return { char: code, rank: i };
  }
  // Outside ASCII: prefer a non-surrogate, visible character when the range has one.
  const visible = min <= 0xa1 && max >= 0xa1 ? 0xa1 : min >= 0xd800 && min <= 0xdfff && max > 0xdfff ? 0xe000 : min;
  return { char: visible, rank: PREFERRED_CODES.length + 1 + Math.min(visible, 0xffff) };
}
