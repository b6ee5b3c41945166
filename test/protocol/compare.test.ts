// The harness's comparisons, as { given, want } tables: query pairs (order, encoding, repeated
// keys, forbidden and required names), header normalisation, bodies as JSON or bytes, a malformed
// response's messageRegex, and the typed-value difference used for parameters.

import { describe, expect, it } from 'vitest';
import { bodyProblems, headerProblems, malformedBodyProblems, normalizeHeaderValue, parseQueryString, queryProblems } from './harness/compare.js';
import { fromProblems } from './harness/outcome.js';
import { difference } from './harness/values.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('query parameters', () => {
  const table: { given: { query: string; want: Parameters<typeof queryProblems>[1] }; want: string[] }[] = [
    { given: { query: 'b=2&a=1', want: { queryParams: ['a=1', 'b=2'] } }, want: [] },
    { given: { query: 'a=x%2Fy&c=3', want: { queryParams: ['a=x%2fy'] } }, want: [] },
    { given: { query: 'a=Hello+there', want: { queryParams: ['a=Hello%20there'] } }, want: ['query a: want ["Hello there"], got ["Hello+there"]'] },
    { given: { query: 'l=1&x=0&l=2', want: { queryParams: ['l=1', 'l=2'] } }, want: [] },
    { given: { query: 'l=2&l=1', want: { queryParams: ['l=1', 'l=2'] } }, want: ['query l: want ["1","2"], got ["2","1"]'] },
    { given: { query: 'l=1', want: { queryParams: ['l=1', 'l=2'] } }, want: ['query l: want ["1","2"], got ["1"]'] },
    { given: { query: 'flag&empty=', want: { queryParams: ['flag=', 'empty'] } }, want: [] },
    { given: { query: '', want: { queryParams: ['a=1'] } }, want: ['query a: missing (want ["1"])'] },
    { given: { query: 'secret=1&keep=2', want: { forbidQueryParams: ['secret'], requireQueryParams: ['keep', 'also'] } }, want: ['query secret: forbidden, but sent', 'query also: required, but not sent'] },
  ];
  it.each(table)('$given.query against $given.want', ({ given, want }) => {
    expect(queryProblems(parseQueryString(given.query), given.want)).toEqual(want);
  });
});

describe('headers', () => {
  it.each([
    { given: '  a,b ,  c ', want: 'a, b, c' },
    { given: '"b,c", "\\"quoted\\""', want: '"b,c", "\\"quoted\\""' },
    { given: ['a', 'b'], want: 'a, b' },
  ])('normalises $given to $want', ({ given, want }) => {
    expect(normalizeHeaderValue(given)).toBe(want);
  });

  it('compares names case-insensitively and values as normalised lists, and checks forbidden and required names', () => {
    const sent = { 'x-list': 'a,b', 'Content-Type': 'application/json', 'x-extra': '1' };
    expect(headerProblems(sent, { headers: { 'X-List': 'a, b', 'content-type': 'application/json' } })).toEqual([]);
    expect(headerProblems(sent, { headers: { 'X-List': 'a, c', 'X-Missing': 'm' }, forbidHeaders: ['X-EXTRA'], requireHeaders: ['content-length'] })).toEqual([
      'header X-List: want "a, c", got "a,b"',
      'header X-Missing: missing (want "m")',
      'header X-EXTRA: forbidden, but sent ("1")',
      'header content-length: required, but not sent',
    ]);
  });
});

describe('bodies', () => {
  it.each([
    { given: { got: '{"b":[1,2],"a":{"x":1.0}}', body: '{ "a": {"x": 1}, "b": [1, 2] }', type: 'application/json' }, want: [] },
    { given: { got: '{"a":1}', body: '{"a":1,"b":null}', type: 'application/json' }, want: ['body: $.b: want null, got nothing'] },
    { given: { got: '{"b":[2,1]}', body: '{"b":[1,2]}', type: 'application/json' }, want: ['body: $.b[0]: want 1, got 2'] },
    { given: { got: '', body: '{}', type: 'application/json' }, want: ['body: want JSON {}, got an empty body'] },
    { given: { got: '{}', body: '', type: 'application/json' }, want: ['body: want empty, got "{}"'] },
    { given: { got: 'blobby blob', body: 'blobby blob', type: 'application/octet-stream' }, want: [] },
    { given: { got: 'blobby  blob', body: 'blobby blob', type: 'text/plain' }, want: ['body: want "blobby blob", got "blobby  blob"'] },
  ])('$given.type: $given.got against $given.body', ({ given, want }) => {
    expect(bodyProblems(bytes(given.got), { body: given.body, bodyMediaType: given.type })).toEqual(want);
  });

  it('makes no assertion when the case states no body', () => {
    expect(bodyProblems(bytes('anything'), {})).toEqual([]);
  });
});

describe('malformed responses', () => {
  const regex = (messageRegex: string) => ({ mediaType: 'application/json', assertion: { messageRegex } });
  it.each([
    { given: { body: '{"message":"Invalid value \\"1.5\\""}', want: regex('Invalid value ".*"') }, want: [] },
    { given: { body: '{"message":"Invalid value 1.5 here"}', want: regex('Invalid value') }, want: ['body: message "Invalid value 1.5 here" does not match /Invalid value/'] },
    { given: { body: '{"Message":"x"}', want: regex('x') }, want: ['body: want a message matching /x/, got no message'] },
    { given: { body: 'oops', want: regex('x') }, want: ['body: want JSON with a message matching /x/, got "oops"'] },
    { given: { body: '{ "message": "1 validation error" }', want: { mediaType: 'application/json', assertion: { contents: '{"message":"1 validation error"}' } } }, want: [] },
  ])('$given.body', ({ given, want }) => {
    expect(malformedBodyProblems(bytes(given.body), given.want)).toEqual(want);
  });
});

describe('typed values', () => {
  it.each([
    { given: { want: { t: new Date(1576540098000) }, got: { t: new Date('2019-12-16T23:48:18Z') } }, want: undefined },
    { given: { want: { b: bytes('blob') }, got: { b: Buffer.from('blob') } }, want: undefined },
    { given: { want: { f: NaN }, got: { f: NaN } }, want: undefined },
    { given: { want: { a: 1 }, got: { a: 1, extra: 'x' } }, want: 'extra: not expected, got "x"' },
    { given: { want: { a: [1, 2] }, got: { a: [2, 1] } }, want: 'a[0]: want 1, got 2' },
    { given: { want: { n: { s: 'x' } }, got: { n: {} } }, want: 'n.s: want "x", got nothing' },
    { given: { want: { t: new Date(0) }, got: { t: 0 } }, want: 't: want Date(1970-01-01T00:00:00.000Z), got 0' },
  ])('$want', ({ given, want }) => {
    expect(difference(given.want, given.got)).toBe(want);
  });
});

describe('failure causes', () => {
  it('group by what differs, naming the status and error type values, and keep the evidence in the detail', () => {
    const outcome = fromProblems('malformed request', [
      'status: want 400, got 200',
      'header x-amzn-errortype: want "SerializationException", got "ValidationException"',
      'header X-Foo: missing (want "a")',
      'body: $.a: want 1, got 2',
    ]);
    expect(outcome).toEqual({
      status: 'failed',
      cause: 'malformed request: body, header x-amzn-errortype ValidationException instead of SerializationException, header x-foo, status 200 instead of 400',
      detail: 'status: want 400, got 200; header x-amzn-errortype: want "SerializationException", got "ValidationException"; header X-Foo: missing (want "a"); body: $.a: want 1, got 2',
    });
    expect(fromProblems('x', ['header x-amzn-errortype: missing (want "NotAcceptableException")'])).toMatchObject({ cause: 'x: header x-amzn-errortype missing (want NotAcceptableException)' });
    expect(fromProblems('x', [])).toEqual({ status: 'passed' });
  });
});
