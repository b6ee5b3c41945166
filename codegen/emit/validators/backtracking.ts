/**
 * Is a whole-value pattern safe for a backtracking engine such as V8's? Decided at generation time,
 * so that no value a client sends can make a validator run for more than time linear in its length.
 *
 * Why this holds. A backtracking engine tries the ways the pattern can read a value one after the
 * other; each way it tries is a path through the pattern's position automaton (Glushkov: one state
 * per character class of the pattern, one transition per way the pattern lets one class follow
 * another) reading a prefix of the value. Its work is therefore bounded by the number of such paths
 * over all prefixes, times a constant. If every prefix can be read along at most k paths (the
 * automaton is finitely ambiguous), that work is O(k·n). A trim automaton is finitely ambiguous
 * exactly when it has neither of two shapes (Weber and Seidl): a state with two different loops on
 * the same word (exponential ambiguity, `(a+)+`), or two states p ≠ q with p looping, p reaching q
 * and q looping on one word (polynomial ambiguity, `a*a*`). Both show in the product of the
 * automaton with itself as a pair (p, p) on a cycle that reaches, along a path that has split into
 * two different paths, a pair (p, x) on a cycle; that is what {@link hasBoundedBacktracking} looks
 * for, and for p ≠ x it then asks whether the three paths can read one word (in the automaton cubed).
 *
 * The automaton is built from refa's literal translation of the pattern (no simplification: `(a|a)`
 * must keep both alternatives, since the engine tries both), with transitions counted, not merged:
 * `(a+)+` lets `a` follow `a` in two ways, and the engine tries both. Assertions are read as empty
 * (more paths than the engine follows, so the bound still holds); the body of a lookaround must be
 * safe itself and either read a bounded number of characters or start with `^` (then it reads more
 * than one character only at the start of the value), so that each evaluation costs a constant, or
 * happens once.
 */
import { JS, type Assertion, type CharSet, type Concatenation, type Element, type NoParent, type Quantifier } from 'refa';

/** More positions than this (a pattern with large counted repetitions) is not analysed: it is refused. */
const MAX_POSITIONS = 600;

class TooLarge extends Error {}

/** One part of the pattern in the position automaton: where it can start and end, and in how many ways it reads nothing. */
interface Fragment {
  first: Map<number, number>;
  last: Map<number, number>;
  /** The number of ways the part matches the empty string (0: it cannot). */
  empty: number;
}

class PositionAutomaton {
  readonly chars: CharSet[] = [];
  /** follow[p] maps q to the number of ways the pattern lets q follow p. */
  readonly follow: Map<number, number>[] = [];
  safeLookarounds = true;

  position(chars: CharSet): number {
    if (this.chars.length >= MAX_POSITIONS) throw new TooLarge();
    this.chars.push(chars);
    this.follow.push(new Map());
    return this.chars.length - 1;
  }

  link(from: Map<number, number>, to: Map<number, number>): void {
    for (const [p, ways] of from) {
      const follow = this.follow[p]!;
      for (const [q, more] of to) follow.set(q, (follow.get(q) ?? 0) + ways * more);
    }
  }

  alternatives(alternatives: readonly NoParent<Concatenation>[]): Fragment {
    const result: Fragment = { first: new Map(), last: new Map(), empty: 0 };
    for (const alternative of alternatives) {
      const part = this.concatenation(alternative);
      add(result.first, part.first);
      add(result.last, part.last);
      result.empty += part.empty;
    }
    return result;
  }

  concatenation(node: NoParent<Concatenation>): Fragment {
    let result: Fragment = { first: new Map(), last: new Map(), empty: 1 };
    for (const element of node.elements) result = this.sequence(result, this.element(element));
    return result;
  }

  sequence(a: Fragment, b: Fragment): Fragment {
    this.link(a.last, b.first);
    const first = new Map(a.first);
    add(first, b.first, a.empty);
    const last = new Map(b.last);
    add(last, a.last, b.empty);
    return { first, last, empty: a.empty * b.empty };
  }

  element(node: NoParent<Element>): Fragment {
    switch (node.type) {
      case 'CharacterClass': {
        const p = this.position(node.characters);
        return { first: new Map([[p, 1]]), last: new Map([[p, 1]]), empty: 0 };
      }
      case 'Alternation':
        return this.alternatives(node.alternatives);
      case 'Assertion':
        if (!lookaroundIsCheap(node)) this.safeLookarounds = false;
        return { first: new Map(), last: new Map(), empty: 1 };
      case 'Quantifier':
        return this.quantifier(node);
      case 'Unknown':
        // A backreference: its cost depends on what the group captured; not analysed.
        this.safeLookarounds = false;
        return { first: new Map(), last: new Map(), empty: 1 };
    }
  }

  /** `x{min,max}`: `min` copies, then either a loop (`x*`, one copy) or nested optional copies `(x(x)?)?`, as the engine counts iterations. */
  quantifier(node: NoParent<Quantifier>): Fragment {
    let result: Fragment = { first: new Map(), last: new Map(), empty: 1 };
    for (let i = 0; i < node.min; i++) result = this.sequence(result, this.alternatives(node.alternatives));
    if (node.max === Infinity) {
      const body = this.alternatives(node.alternatives);
      this.link(body.last, body.first);
      // The engine stops an iteration that read nothing: a loop reads the empty string one way.
      return this.sequence(result, { first: body.first, last: body.last, empty: 1 });
    }
    let optional: Fragment = { first: new Map(), last: new Map(), empty: 1 };
    for (let i = node.min; i < node.max; i++) {
      const body = this.sequence(this.alternatives(node.alternatives), optional);
      optional = { first: body.first, last: body.last, empty: body.empty + 1 };
    }
    return this.sequence(result, optional);
  }
}

function add(into: Map<number, number>, from: Map<number, number>, times = 1): void {
  if (times === 0) return;
  for (const [p, ways] of from) into.set(p, (into.get(p) ?? 0) + ways * times);
}

const isStartAnchor = (element: NoParent<Element> | undefined): boolean =>
  element?.type === 'Assertion' &&
  element.kind === 'behind' &&
  element.negate &&
  element.alternatives.length === 1 &&
  element.alternatives[0]!.elements.length === 1 &&
  element.alternatives[0]!.elements[0]!.type === 'CharacterClass' &&
  element.alternatives[0]!.elements[0]!.characters.isAll;

function isBounded(alternatives: readonly NoParent<Concatenation>[]): boolean {
  return alternatives.every((a) =>
    a.elements.every((e) => {
      if (e.type === 'CharacterClass' || e.type === 'Assertion') return true;
      if (e.type === 'Unknown') return false;
      if (e.type === 'Quantifier' && e.max === Infinity) return false;
      return isBounded(e.alternatives);
    }),
  );
}

function lookaroundIsCheap(node: NoParent<Assertion>): boolean {
  if (isStartAnchor(node)) return true;
  const bounded = isBounded(node.alternatives) || node.alternatives.every((a) => isStartAnchor(a.elements[0]));
  return bounded && automatonIsSafe(node.alternatives);
}

/** The cycles of the product automaton, as the set of product states lying on one. */
function automatonIsSafe(alternatives: readonly NoParent<Concatenation>[]): boolean {
  const automaton = new PositionAutomaton();
  let whole: Fragment;
  try {
    whole = automaton.alternatives(alternatives);
  } catch (error) {
    if (error instanceof TooLarge) return false;
    throw error;
  }
  if (!automaton.safeLookarounds) return false;
  return finitelyAmbiguous(automaton, whole.first);
}

/**
 * Product states are (p, q, split): two paths reading the same prefix, ending at p and q, and
 * whether they are different paths. -1 is the start, before any character.
 */
function finitelyAmbiguous(automaton: PositionAutomaton, first: Map<number, number>): boolean {
  const n = automaton.chars.length + 1;
  const follow = (p: number) => (p < 0 ? first : automaton.follow[p]!);
  const overlap = new Map<number, boolean>();
  const meets = (p: number, q: number) => {
    const key = p * n + q;
    let result = overlap.get(key);
    if (result === undefined) overlap.set(key, (result = !automaton.chars[p]!.isDisjointWith(automaton.chars[q]!)));
    return result;
  };
  const id = (p: number, q: number, split: boolean) => (((p + 1) * n + (q + 1)) << 1) | (split ? 1 : 0);
  const decode = (state: number) => {
    const pair = state >> 1;
    return { p: Math.floor(pair / n) - 1, q: (pair % n) - 1, split: (state & 1) === 1 };
  };
  const successors = (state: number): number[] => {
    const { p, q, split } = decode(state);
    const out: number[] = [];
    for (const [p2, waysP] of follow(p)) {
      for (const [q2] of follow(q)) {
        if (!meets(p2, q2)) continue;
        if (split || p2 !== q2) out.push(id(p2, q2, true));
        else {
          out.push(id(p2, q2, false));
          if (waysP > 1) out.push(id(p2, q2, true));
        }
      }
    }
    return out;
  };

  // Tarjan's strongly connected components, iteratively, over the states reachable from the start.
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const cyclic = new Set<number>();
  const edges = new Map<number, number[]>();
  let counter = 0;
  const start = id(-1, -1, false);
  const work: { state: number; next: number }[] = [{ state: start, next: 0 }];
  index.set(start, counter);
  low.set(start, counter++);
  stack.push(start);
  onStack.add(start);
  while (work.length > 0) {
    const frame = work[work.length - 1]!;
    let out = edges.get(frame.state);
    if (!out) edges.set(frame.state, (out = successors(frame.state)));
    if (frame.next < out.length) {
      const to = out[frame.next++]!;
      if (to === frame.state) cyclic.add(to);
      if (!index.has(to)) {
        index.set(to, counter);
        low.set(to, counter++);
        stack.push(to);
        onStack.add(to);
        work.push({ state: to, next: 0 });
      } else if (onStack.has(to)) low.set(frame.state, Math.min(low.get(frame.state)!, index.get(to)!));
      continue;
    }
    work.pop();
    const parent = work[work.length - 1];
    if (parent) low.set(parent.state, Math.min(low.get(parent.state)!, low.get(frame.state)!));
    if (low.get(frame.state) === index.get(frame.state)) {
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.state);
      if (component.length > 1) component.forEach((s) => cyclic.add(s));
    }
  }

  // From every (p, p) on a cycle: may the paths split and reach a (p, x) on a cycle?
  for (const origin of cyclic) {
    const { p, split } = decode(origin);
    if (split) continue;
    const seen = new Set<number>([origin]);
    const queue = [origin];
    while (queue.length > 0) {
      const state = queue.pop()!;
      for (const to of edges.get(state) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        const next = decode(to);
        if (next.split && next.p === p && cyclic.has(to) && (next.q === p || loopsOnOneWord(automaton, p, next.q))) return false;
        queue.push(to);
      }
    }
  }
  return true;
}

/**
 * Polynomial ambiguity needs one word v on which p loops, p reaches q and q loops: a path in the
 * automaton cubed from (p, p, q) back to (p, q, q).
 */
function loopsOnOneWord(automaton: PositionAutomaton, p: number, q: number): boolean {
  const n = automaton.chars.length;
  const key = (a: number, b: number, c: number) => (a * n + b) * n + c;
  const target = key(p, q, q);
  const seen = new Set<number>();
  const queue: [number, number, number][] = [[p, p, q]];
  while (queue.length > 0) {
    const [a, b, c] = queue.pop()!;
    for (const [a2] of automaton.follow[a]!) {
      for (const [b2] of automaton.follow[b]!) {
        const ab = automaton.chars[a2]!.intersect(automaton.chars[b2]!);
        if (ab.isEmpty) continue;
        for (const [c2] of automaton.follow[c]!) {
          if (ab.isDisjointWith(automaton.chars[c2]!)) continue;
          const k = key(a2, b2, c2);
          if (k === target) return true;
          if (seen.has(k)) continue;
          seen.add(k);
          queue.push([a2, b2, c2]);
        }
      }
    }
  }
  return false;
}

/**
 * Whether a backtracking engine answers `test` on this pattern (as compiled: source and flags) in
 * time linear in the value's length. `false` also when it cannot be shown: a backreference, a
 * costly lookaround, or a pattern too large to analyse.
 */
export function hasBoundedBacktracking(source: string, flags: string): boolean {
  const { expression } = JS.Parser.fromLiteral({ source, flags }).parse({ assertions: 'parse', backreferences: 'unknown', simplify: false });
  return automatonIsSafe(expression.alternatives);
}
