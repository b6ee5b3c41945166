/**
 * A pattern's whole-value language as a minimal deterministic automaton, built by refa from the
 * JavaScript regular expression. Two users: the diff compares value sets by language
 * (diff/patterns.ts), and the validator emitter turns a pattern that a backtracking engine could
 * take exponential time on into a matcher that reads each character once
 * (emit/validators/patterns.ts).
 */
import { DFA, JS, NFA, Transformers, transform } from 'refa';

/** `u`: a character is a code point; `''`: a UTF-16 code unit, as JavaScript reads without the flag. */
export type PatternFlags = 'u' | '';

/**
 * The language of `^(?:P)$`, whose edge assertions then hold trivially. Throws for what an
 * automaton cannot express (backreferences, assertions inside the pattern) and past `stateLimit`
 * states.
 */
export function wholeValueAutomaton(pattern: string, flags: PatternFlags, stateLimit: number): DFA {
  const parser = JS.Parser.fromLiteral({ source: `^(?:${pattern})$`, flags });
  const { expression, maxCharacter } = parser.parse({ backreferences: 'throw', maxNodes: stateLimit });
  let simplified = transform(Transformers.simplify(), expression);
  simplified = transform(Transformers.patternEdgeAssertions({ remove: true }), simplified);
  const nfa = NFA.fromRegex(simplified, { maxCharacter }, { assertions: 'throw', unknowns: 'throw' }, new NFA.LimitedNodeFactory(stateLimit));
  const dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(stateLimit));
  dfa.minimize();
  return dfa;
}

/**
 * Whether the pattern's automaton, built as written (no simplification), has two different paths
 * from one state back to itself that read the same word: exponential ambiguity, what makes a
 * backtracking engine try exponentially many ways on a value that finally fails (`(a|aa)*b`
 * against a run of `a`s). Checked on pairs of states that read the same characters: such a pair
 * of paths is a cycle through a pair (p, p) that passes through a pair of different states.
 * Throws where the pattern has no automaton or it passes `stateLimit` states.
 */
export function hasExponentialAmbiguity(pattern: string, flags: PatternFlags, stateLimit: number): boolean {
  const parser = JS.Parser.fromLiteral({ source: `^(?:${pattern})$`, flags });
  const { expression, maxCharacter } = parser.parse({ backreferences: 'throw', maxNodes: stateLimit });
  const edgesRemoved = transform(Transformers.patternEdgeAssertions({ remove: true }), expression);
  const nfa = NFA.fromRegex(edgesRemoved, { maxCharacter }, { assertions: 'throw', unknowns: 'throw' }, new NFA.LimitedNodeFactory(stateLimit));
  const states = [...nfa.nodes()];
  const id = new Map(states.map((node, i) => [node, i]));
  const n = states.length;
  if (n * n > stateLimit * stateLimit) throw new Error(`${n} states`);
  // The pair graph, from every diagonal pair: (p, q) → (p', q') where p → p' and q → q' share a character.
  const successors = new Map<number, number[]>();
  const pending: number[] = states.map((_, i) => i * n + i);
  const seen = new Set(pending);
  while (pending.length) {
    const pair = pending.pop()!;
    const p = states[Math.floor(pair / n)]!;
    const q = states[pair % n]!;
    const next: number[] = [];
    for (const [p2, a] of p.out) {
      for (const [q2, b] of q.out) {
        if (a.isDisjointWith(b)) continue;
        const target = id.get(p2)! * n + id.get(q2)!;
        next.push(target);
        if (!seen.has(target)) {
          seen.add(target);
          pending.push(target);
        }
      }
    }
    successors.set(pair, next);
  }
  // Strongly connected components (Tarjan, iterative): one holding a diagonal and an off-diagonal pair is the ambiguity.
  return stronglyConnected([...seen], (pair) => successors.get(pair) ?? []).some(
    (component) => component.some((pair) => Math.floor(pair / n) === pair % n) && component.some((pair) => Math.floor(pair / n) !== pair % n),
  );
}

function stronglyConnected(nodes: readonly number[], next: (node: number) => readonly number[]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const edges = next(frame.node);
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
