// Smithy IDL text → tokens. Commas and line comments are whitespace; `///` documentation comments
// are kept, attached to the token that follows them, for the parser to turn into documentation.
// Shape ids (`a.b#C$d`) are one token, so the parser never reassembles them.

import { dedentTextBlock, unescape } from './strings.js';
import { SmithyModelError, type SourcePosition } from './errors.js';

export type TokenKind =
  | 'ident' // identifier or shape id, keywords included: `string`, `smithy.api#String`, `Foo$bar`
  | 'string' // quoted text, decoded
  | 'text' // text block, decoded
  | 'number'
  | '{' | '}' | '[' | ']' | '(' | ')' | ':' | ':=' | '=' | '@' | '$'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for `string` and `text`: the decoded value). */
  text: string;
  offset: number;
  /** Documentation comment lines right before this token, `///` and one space removed. */
  docs?: string[];
  /** Whether a line break separates this token from the previous one. */
  newlineBefore: boolean;
}

// Character tests by code, not by regular expression: the lexer's inner loop.
const isIdentStart = (c: string | undefined) => {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95;
};
const isIdentChar = (c: string | undefined) => {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95 || (x >= 48 && x <= 57);
};
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const PUNCT = new Set(['{', '}', '[', ']', '(', ')', '=', '@', '$']);

/** Maps offsets to 1-based line and column. */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly file: string, readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  position(offset: number): SourcePosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  error(offset: number, reason: string): SmithyModelError {
    return new SmithyModelError(this.position(offset), reason);
  }
}

export function tokenize(source: SourceText): Token[] {
  const s = source.text;
  const tokens: Token[] = [];
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  let docs: string[] | undefined;
  let newline = true;

  const push = (kind: TokenKind, text: string, offset: number) => {
    tokens.push({ kind, text, offset, newlineBefore: newline, ...(docs ? { docs } : {}) });
    docs = undefined;
    newline = false;
  };

  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === ',' || c === '\r') { i++; continue; }
    if (c === '\n') { newline = true; i++; continue; }
    if (c === '/') {
      if (s[i + 1] !== '/') throw source.error(i, 'a single "/" is not valid here (comments start with "//")');
      let end = s.indexOf('\n', i);
      if (end < 0) end = s.length;
      if (s[i + 2] === '/' && newline) { // documentation only where `///` begins the line
        let line = s.slice(i + 3, end);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        (docs ??= []).push(line.startsWith(' ') ? line.slice(1) : line);
      }
      i = end;
      continue;
    }
    const start = i;
    if (c === '"') {
      if (s.startsWith('"""', i)) {
        i = readTextBlock(source, i, push);
      } else {
        i = readQuoted(source, i, push);
      }
      continue;
    }
    if (c === ':') {
      if (s[i + 1] === '=') { push(':=', ':=', i); i += 2; } else { push(':', ':', i); i++; }
      continue;
    }
    if (PUNCT.has(c)) {
      push(c as TokenKind, c, i);
      i++;
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s);
      if (!m) throw source.error(i, `"${c}" does not start a valid number`);
      if (isIdentChar(s[i + m[0].length]) || s[i + m[0].length] === '.') throw source.error(i, `"${s.slice(i, i + m[0].length + 1)}" is not a valid number`);
      push('number', m[0], i);
      i += m[0].length;
      continue;
    }
    if (isIdentStart(c)) {
      i = readIdentifier(s, i);
      // namespace segments, then `#name`, then `$member`
      while (s[i] === '.' && isIdentStart(s[i + 1])) i = readIdentifier(s, i + 1);
      if (s[i] === '#') {
        if (!isIdentStart(s[i + 1])) throw source.error(i + 1, `a shape name must follow "#" in "${s.slice(start, i + 1)}"`);
        i = readIdentifier(s, i + 1);
      }
      if (s[i] === '$' && isIdentStart(s[i + 1])) i = readIdentifier(s, i + 1);
      if (s[i] === '.' || s[i] === '#') throw source.error(i, `"${s.slice(start, i + 1)}" is not a valid shape id`);
      push('ident', s.slice(start, i), start);
      continue;
    }
    const cp = s.codePointAt(i)!;
    throw source.error(i, `unexpected character "${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`);
  }
  push('eof', '', s.length);
  return tokens;
}

function readIdentifier(s: string, i: number): number {
  i++;
  while (isIdentChar(s[i])) i++;
  return i;
}

type Push = (kind: TokenKind, text: string, offset: number) => void;

/** Index of the closing quote(s) of a string whose content starts at `from`, skipping escapes. */
function findClose(s: string, from: number, triple: boolean): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === '"' && (!triple || (s[i + 1] === '"' && s[i + 2] === '"'))) return i;
  }
  return -1;
}

function decode(source: SourceText, raw: string, rawStart: number): string {
  const r = unescape(raw);
  if ('value' in r) return r.value;
  throw source.error(rawStart + r.offset, r.reason);
}

function readQuoted(source: SourceText, start: number, push: Push): number {
  const close = findClose(source.text, start + 1, false);
  if (close < 0) throw source.error(start, 'this string is never closed (missing ")');
  const raw = source.text.slice(start + 1, close).replace(/\r\n?/g, '\n');
  push('string', decode(source, raw, start + 1), start);
  return close + 1;
}

function readTextBlock(source: SourceText, start: number, push: Push): number {
  const s = source.text;
  let i = start + 3;
  while (s[i] === ' ' || s[i] === '\t') i++;
  if (s[i] === '\r' && s[i + 1] === '\n') i++;
  if (s[i] !== '\n') throw source.error(start, 'a text block must begin with a line break right after the opening """');
  const close = findClose(s, i + 1, true);
  if (close < 0) throw source.error(start, 'this text block is never closed (missing """)');
  const raw = s.slice(i + 1, close).replace(/\r\n?/g, '\n');
  push('text', decode(source, dedentTextBlock(raw), i + 1), start);
  return close + 3;
}
