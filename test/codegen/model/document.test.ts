// Reading a model document's text: mirrors codegen/model/document.ts. Two parsers stand behind it
// (a fast one for well-formed documents, a careful one for errors and anchors); a reader of the
// model must not be able to tell which one read a document.

import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../../codegen/model/document.js';
import { modelErrorOf } from './helpers.js';

const parse = (text: string) => parseModelText(text, 'given.yaml');

const refusal = (text: string) => modelErrorOf(() => parse(text));

describe('parseModelText', () => {
  it.each([
    { name: 'YAML 1.2 core scalars', given: 'a: 1\nb: 1.5\nc: true\nd: ~\ne: yes\nf: 2012-10-17\ng: "07"\nh: 0x1F\n', want: { a: 1, b: 1.5, c: true, d: null, e: 'yes', f: '2012-10-17', g: '07', h: 31 } },
    { name: 'JSON', given: '{"openapi": "3.1.0", "paths": {"/a": {}}}', want: { openapi: '3.1.0', paths: { '/a': {} } } },
    { name: 'numeric keys stay strings', given: 'responses:\n  200: {description: ok}\n', want: { responses: { '200': { description: 'ok' } } } },
    { name: 'block scalars', given: 'a: |\n  one\n  two\nb: >\n  one\n  two\n', want: { a: 'one\ntwo\n', b: 'one two\n' } },
    { name: 'an ampersand in text is not an anchor', given: 'description: "Q&A, R & D"\n', want: { description: 'Q&A, R & D' } },
    { name: 'anchors and aliases', given: 'a: &x {b: 1}\nc: *x\n', want: { a: { b: 1 }, c: { b: 1 } } },
  ])('reads $name', ({ given, want }) => {
    expect(parse(given)).toEqual(want);
  });

  it.each([
    { name: 'a duplicate key', given: 'a: 1\na: 2\n', want: /^given\.yaml: not valid YAML \(line 2\): Map keys must be unique/ },
    { name: 'a syntax error', given: 'a: [1, 2\nb: 3\n', want: /^given\.yaml: not valid YAML \(line \d\): / },
    { name: 'a list at the top', given: '- a\n- b\n', want: /^given\.yaml: not an OpenAPI document \(the top level is not a mapping\)$/ },
    { name: 'a scalar at the top', given: 'just text\n', want: /^given\.yaml: not an OpenAPI document/ },
    { name: 'aliases beyond the cap', given: `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `b${i}: &b${i} [*${i === 0 ? 'a' : `b${i - 1}`}, *${i === 0 ? 'a' : `b${i - 1}`}, *${i === 0 ? 'a' : `b${i - 1}`}]`).join('\n')}\n`, want: /^given\.yaml: not valid YAML: its aliases expand to more than 100 copies$/ },
  ])('refuses $name in one line', ({ given, want }) => {
    expect(refusal(given)).toMatch(want);
  });
});
