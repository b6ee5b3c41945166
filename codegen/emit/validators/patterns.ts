/**
 * Whole-value patterns compiled for `RegExp.prototype.test`, which only asks whether a value
 * matches: capturing groups become non-capturing (nothing reads the captures, and recording them
 * costs V8 as much as the matching), and Unicode mode is dropped when it cannot change a verdict.
 * The pattern matches exactly the same strings; only the work per test shrinks.
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
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

/** The regular expression literal that tests a value against the model's pattern as a whole-value match. */
export function patternSource(pattern: string): string {
  return testPatternLiteral(wholeValue(pattern));
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
