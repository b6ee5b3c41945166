/**
 * A pattern's whole-value language as a minimal deterministic automaton, built by refa from the
 * JavaScript regular expression. Two users: the diff compares value sets by language
 * (diff/patterns.ts), and the validator emitter turns a pattern that a backtracking engine could
 * take super-linear time on into a simpler equivalent pattern or a matcher that reads each
 * character once (emit/validators/patterns.ts).
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
 * The pattern rewritten by refa's simplifier as a whole-value pattern, without its anchors: the
 * same language where nothing reads captures or cares which of several ways matched (`([0-9]+)+`
 * becomes `\d+`). Throws for what refa cannot read (backreferences, assertions it cannot place).
 */
export function simplifiedPattern(pattern: string, flags: PatternFlags): string {
  const parser = JS.Parser.fromLiteral({ source: `^(?:${pattern})$`, flags });
  const { expression } = parser.parse({ backreferences: 'throw' });
  let simplified = transform(Transformers.simplify({ ignoreAmbiguity: true, ignoreOrder: true }), expression);
  simplified = transform(Transformers.patternEdgeAssertions({ remove: true }), simplified);
  return JS.toLiteral(simplified, { flags: { unicode: flags === 'u' } }).source;
}
