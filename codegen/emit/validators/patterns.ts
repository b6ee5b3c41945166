/**
 * Whole-value patterns compiled for `RegExp.prototype.test`, which only asks whether a value
 * matches: capturing groups become non-capturing (nothing reads the captures, and recording them
 * costs V8 as much as the matching), and Unicode mode is dropped when it cannot change a verdict.
 * The pattern matches exactly the same strings; only the work per test shrinks.
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import type { DFA } from 'refa';
import { simplifiedPattern, wholeValueAutomaton, type PatternFlags } from '../../model/pattern-automaton.js';
import { hasBoundedBacktracking } from './backtracking.js';
import { hasTopLevelAlternation, isAnchored } from '../../model/pattern-text.js';

export interface TestPattern {
  source: string;
  flags: '' | 'u';
}

const parser = new RegExpParser({ ecmaVersion: 2022 });

/** `null` when the pattern is not valid in Unicode mode: then it is used as written, without flags. */
function parseUnicode(pattern: string): AST.Pattern | null {
  try {
    return parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch {
    return null;
  }
}

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/**
 * In Unicode mode a surrogate pair is one character; without it, two. That changes a verdict only
 * if some part of the pattern can match a surrogate or an astral character (`.`, a negated set or
 * class, `\p{…}`, such a literal or range) or is written with Unicode-only syntax (`\u{…}`). A
 * pattern made only of other parts matches no surrogate in either mode, and reads every other
 * string the same way in both.
 */
function unicodeModeMatters(ast: AST.Pattern): boolean {
  let matters = false;
  visitRegExpAST(ast, {
    onCharacterSetEnter(node) {
      if (node.kind === 'any' || node.kind === 'property' || ('negate' in node && node.negate)) matters = true;
    },
    onCharacterClassEnter(node) {
      if (node.negate || node.unicodeSets) matters = true;
    },
    onCharacterEnter(node) {
      if (node.value > 0xffff || isSurrogate(node.value) || node.raw.startsWith('\\u{')) matters = true;
    },
    onCharacterClassRangeEnter(node) {
      if (node.max.value > 0xffff || (node.min.value <= 0xdfff && node.max.value >= 0xd800)) matters = true;
    },
  });
  return matters;
}

export function testPattern(pattern: string): TestPattern {
  const ast = parseUnicode(pattern);
  if (!ast) return { source: pattern, flags: '' };
  const groups: AST.CapturingGroup[] = [];
  let backreferences = false;
  visitRegExpAST(ast, {
    onCapturingGroupEnter: (node) => void groups.push(node),
    onBackreferenceEnter: () => void (backreferences = true),
  });
  let source = pattern;
  if (!backreferences) {
    // From the last group to the first, so that earlier offsets stay valid.
    for (const group of groups.sort((a, b) => b.start - a.start)) {
      const opening = group.name === null ? 1 : `(?<${group.name}>`.length;
      source = `${source.slice(0, group.start)}(?:${source.slice(group.start + opening)}`;
    }
  }
  const flags = unicodeModeMatters(ast) ? 'u' : '';
  new RegExp(source, flags); // Fails loudly here, not in generated code, should a rewrite be wrong.
  return { source, flags };
}

/** A regular expression literal of a whole-value pattern, for `test` only. */
export function testPatternLiteral(pattern: string): string {
  const { source, flags } = testPattern(pattern);
  let escaped = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') escaped += char + (source[++i] ?? '');
    else if (char === '/') escaped += '\\/';
    else if (char === '\n') escaped += '\\n';
    else escaped += char;
  }
  return `/${escaped}/${flags}`;
}


/** The pattern as a whole-value match: `^a|b$` and unanchored patterns are wrapped, so that every alternative must match the whole value. */
export function wholeValue(pattern: string): string {
  return isAnchored(pattern) && !hasTopLevelAlternation(pattern) ? pattern : `^(?:${pattern})$`;
}

/** How a validator tests a value against a pattern: an expression with a `test(value)` method. */
export interface PatternTest {
  expression: string;
  /** The runtime helper the expression calls (runtime/linear-pattern.ts), if any. */
  helper?: 'linearPattern';
}

/**
 * The test of a value against the model's pattern as a whole-value match, in time linear in the
 * value's length whatever the value (a hostile value must not hold a request, or the server, for
 * minutes). In order of preference:
 * 1. the pattern as written, compiled for `test`, when a backtracking engine is shown to evaluate
 *    it in linear time (backtracking.ts): every pattern of AWS's Lambda model;
 * 2. refa's simplification of it, when that is shown safe and accepts exactly the same values
 *    (nothing reads captures or which of several ways matched): `^([0-9]+)+$` becomes `^(?:\d+)$`,
 *    still V8's own matcher;
 * 3. the pattern's minimal automaton (model/pattern-automaton.ts) run by `linearPattern`, which
 *    reads each character once.
 * A pattern none of these can take (a backreference, or a lookaround that is costly itself) is
 * refused with one sentence, rather than shipped as a way to hang the server.
 */
export function patternTest(pattern: string): PatternTest {
  const whole = wholeValue(pattern);
  const { source, flags } = testPattern(whole);
  if (hasBoundedBacktracking(source, flags)) return { expression: testPatternLiteral(whole) };
  let automaton: DFA;
  try {
    automaton = wholeValueAutomaton(pattern, flags, AUTOMATON_STATE_LIMIT);
  } catch (error) {
    throw new Error(
      `The pattern ${JSON.stringify(pattern)} can make a backtracking matcher take super-linear time, and no automaton of at most ${AUTOMATON_STATE_LIMIT} states matches it in linear time instead (${(error as Error).message}).`,
    );
  }
  const rewritten = simplerSafePattern(pattern, flags, automaton);
  if (rewritten !== undefined) return { expression: testPatternLiteral(rewritten) };
  return { expression: automatonLiteral(automaton, flags === 'u'), helper: 'linearPattern' };
}

/** Past this many states an automaton would make a validator module too large to be worth it. */
const AUTOMATON_STATE_LIMIT = 2_000;

/**
 * refa's simplification of the pattern as a whole-value regular expression, if a backtracking
 * engine is shown to evaluate it in linear time and its minimal automaton is the pattern's own
 * (the same values match); otherwise undefined.
 */
function simplerSafePattern(pattern: string, flags: PatternFlags, automaton: DFA): string | undefined {
  let inner: string;
  try {
    inner = simplifiedPattern(pattern, flags);
  } catch {
    return undefined;
  }
  const candidate = `^(?:${inner})$`;
  const compiled = testPattern(candidate);
  if (compiled.flags !== flags || !hasBoundedBacktracking(compiled.source, flags)) return undefined;
  try {
    return wholeValueAutomaton(inner, flags, AUTOMATON_STATE_LIMIT).structurallyEqual(automaton) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** `linearPattern(...)` over the automaton's states, the start state first. */
function automatonLiteral(automaton: DFA, unicode: boolean): string {
  const states = [automaton.initial, ...[...automaton.nodes()].filter((node) => node !== automaton.initial)];
  const index = new Map(states.map((node, i) => [node, i]));
  const rows = states.map((node) => {
    const triples: [number, number, number][] = [];
    for (const [{ min, max }, to] of node.out) triples.push([min, max, index.get(to)!]);
    triples.sort((a, b) => a[0] - b[0]);
    return `[${triples.flat().join(', ')}]`;
  });
  const finals = states.flatMap((node, i) => (automaton.finals.has(node) ? [i] : []));
  return `linearPattern([${rows.join(', ')}], [${finals.join(', ')}], ${unicode})`;
}

/**
 * The pattern as a violation quotes it. AWS quotes the text its documentation prints, without
 * anchors (`x-documented-pattern` when the document gives one); the framework quotes the model's
 * pattern as written, anchors included (`^[a-m]+$`).
 */
export function patternWording(pattern: string, documented: string | undefined, wording: 'aws' | 'framework'): string {
  const inner = documented ?? stripAnchors(pattern);
  return wording === 'aws' ? inner : `^${inner}$`;
}

function stripAnchors(pattern: string): string {
  if (!isAnchored(pattern)) return pattern;
  const inner = pattern.slice(1, -1);
  return inner.startsWith('(?:') && inner.endsWith(')') && !hasTopLevelAlternation(inner.slice(3, -1)) ? inner.slice(3, -1) : inner;
}
