// The restJson1 wire helpers both sides ship (codegen/emit/rest-json1/runtime/wire.ts) and the
// server's route matching (codegen/emit/server/runtime/http.ts): exact values where the protocol
// fixes them.

import { NumericValue } from '@smithy/core/serde';
import { describe, expect, it } from 'vitest';
import * as wire from '../../../codegen/emit/rest-json1/runtime/wire.js';
import { matchRoute, ProtocolError, type Route } from '../../../codegen/emit/server/runtime/http.js';

const DATE = new Date('2019-12-16T23:48:18Z');
const FRACTION = new Date('2019-12-16T23:48:18.123Z');

describe('timestamps', () => {
  it.each([
    { format: 'epoch-seconds', date: DATE, want: 1576540098 },
    { format: 'epoch-seconds', date: FRACTION, want: 1576540098.123 },
    { format: 'date-time', date: DATE, want: '2019-12-16T23:48:18Z' },
    { format: 'date-time', date: FRACTION, want: '2019-12-16T23:48:18.123Z' },
    { format: 'http-date', date: DATE, want: 'Mon, 16 Dec 2019 23:48:18 GMT' },
  ] as const)('$date as $format is $want, and reads back', ({ format, date, want }) => {
    expect(wire.formatTimestamp(date, format)).toBe(want);
    expect(wire.parseTimestamp(want, format)).toEqual(date);
    expect(wire.parseTimestamp(String(want), format)).toEqual(date);
  });

  it.each([
    { given: 'yesterday', format: 'date-time' },
    { given: 1576540098, format: 'date-time' },
    { given: '2019-12-16', format: 'date-time' },
    { given: true, format: 'epoch-seconds' },
    { given: '2019-12-16T23:48:18Z', format: 'http-date' },
  ] as const)('$given is not a $format timestamp and is kept as it is', ({ given, format }) => {
    expect(wire.parseTimestamp(given, format)).toBe(given);
  });

  it('an RFC 3339 offset is read', () => {
    expect(wire.parseTimestamp('2019-12-17T00:48:18+01:00', 'date-time')).toEqual(DATE);
  });
});

describe('blobs, floats and big numbers', () => {
  it('bytes are standard base64 with padding, and read back; other text is kept', () => {
    expect(wire.toBase64(new Uint8Array([104, 105, 0, 255]))).toBe('aGkA/w==');
    expect(wire.fromBase64('aGkA/w==')).toEqual(new Uint8Array([104, 105, 0, 255]));
    expect(wire.fromBase64('not base64!')).toBe('not base64!');
    expect(wire.toBase64(new Uint8Array(100_000).fill(7)).length).toBe(133_336);
  });

  it('a string with a media type travels in a header as the base64 of its UTF-8 bytes (restJson1)', () => {
    expect(wire.toBase64Text('true')).toBe('dHJ1ZQ==');
    expect(wire.toBase64Text('{"ü":"😀"}')).toBe('eyLDvCI6IvCfmIAifQ==');
    expect(wire.fromBase64Text('eyLDvCI6IvCfmIAifQ==')).toBe('{"ü":"😀"}');
    expect(wire.fromBase64Text(undefined)).toBeUndefined();
    // The client keeps what is not base64; the server refuses it as a SerializationException.
    expect(wire.fromBase64Text('not base64!')).toBe('not base64!');
    expect(wire.expectBase64Text('dHJ1ZQ==')).toBe('true');
    for (const bad of ['xyz', 'YmxvYg=', '[][]', '-_==']) {
      expect(() => wire.expectBase64Text(bad), bad).toThrow(expect.objectContaining({ name: 'SerializationException', message: `Expected base64 text, found ${JSON.stringify(bad)}.` }));
    }
  });

  it.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [1.5, 1.5],
  ])('%s is written as %j and read back', (value, json) => {
    expect(wire.formatFloat(value)).toBe(json);
    expect(wire.parseFloatValue(json)).toBe(value);
    expect(wire.parseFloatText(String(json))).toBe(value);
  });

  it('big numbers are written with every digit', () => {
    expect(wire.toJson({ a: 12345678901234567890123n, b: new NumericValue('0.100000000000000000001', 'bigDecimal'), c: 'x', d: [1n] })).toBe('{"a":12345678901234567890123,"b":0.100000000000000000001,"c":"x","d":[1]}');
    expect(wire.parseBigInteger('12345678901234567890123')).toBe(12345678901234567890123n);
    expect(wire.parseBigDecimal('0.1').string).toBe('0.1');
  });

  it("a bigDecimal read is the SDK's NumericValue to its callers, without the client loading @smithy/core/serde", () => {
    const read = wire.parseBigDecimal('12.50');
    expect(read).toBeInstanceOf(NumericValue);
    expect({ string: read.string, type: read.type, text: String(read) }).toEqual({ string: '12.50', type: 'bigDecimal', text: '12.50' });
    expect(wire.expectBigDecimal(0.25)).toBeInstanceOf(NumericValue);
  });
});

describe('header lists, text and JSON objects', () => {
  it.each([
    { items: ['a', 'b'], text: 'a, b' },
    { items: ['with,comma', 'with"quote', 'plain'], text: '"with,comma", "with\\"quote", plain' },
  ])('$items as a header is $text and splits back', ({ items, text }) => {
    expect(wire.joinHeaderList(items)).toBe(text);
    expect(wire.splitHeaderList(text)).toEqual(items);
  });

  it('HTTP-dates, which hold commas of their own, are split in pairs', () => {
    expect(wire.splitHttpDateList('Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT')).toEqual(['Mon, 16 Dec 2019 23:48:18 GMT', 'Tue, 17 Dec 2019 23:48:18 GMT']);
  });

  it('text that is not a number or a boolean stays text, for the validator to report', () => {
    expect([wire.parseNumberText('12'), wire.parseNumberText('twelve'), wire.parseBooleanText('true'), wire.parseBooleanText('yes')]).toEqual([12, 'twelve', true, 'yes']);
  });

  it('members are own properties, and null is absent', () => {
    const object = JSON.parse('{"a":null,"b":1}');
    expect([wire.member(object, 'a'), wire.member(object, 'b'), wire.member(object, 'constructor'), wire.member(object, 'toString')]).toEqual([undefined, 1, undefined, undefined]);
  });

  it('a union object names its one member; none or several is not a union value', () => {
    expect([wire.unionMember({ A: 1 }), wire.unionMember({ A: null, B: 2 }), wire.unionMember({}), wire.unionMember({ A: 1, B: 2 })]).toEqual([['A', 1], ['B', 2], undefined, undefined]);
  });

  it('prefix headers, in any case, keyed by the rest of the name', () => {
    expect(wire.prefixedHeaders({ 'x-meta-color': 'red', 'X-Meta-Size': 'L', other: 'no' }, 'x-meta-')).toEqual({ color: 'red', Size: 'L' });
    expect(wire.prefixedHeaders({ other: 'no' }, 'x-meta-')).toBeUndefined();
    expect(wire.withPrefix('x-meta-', { color: 'red' })).toEqual({ 'x-meta-color': 'red' });
  });
});

describe('route matching', () => {
  const route = (method: string, path: string): Route<unknown> => ({ method, segments: path.split('/'), handle: async () => ({ status: 200, headers: {}, body: '' }) });
  const routes = [route('GET', '/buckets/{Bucket}/objects/{Key+}'), route('GET', '/files/{Path+}/meta'), route('GET', '/counts/{Count}')];

  it.each([
    { path: '/buckets/b/objects/a', want: { Bucket: 'b', Key: 'a' } },
    { path: '/buckets/b/objects/a/b%20c/d.txt', want: { Bucket: 'b', Key: 'a/b c/d.txt' } },
    { path: '/buckets/b/objects/a%2Fb', want: { Bucket: 'b', Key: 'a/b' } },
    { path: '/files/x/y/meta', want: { Path: 'x/y' } },
    { path: '/counts/42', want: { Count: '42' } },
  ])('$path → $want', ({ path, want }) => {
    expect(matchRoute(routes, 'GET', path).labels).toEqual(want);
  });

  it.each(['/buckets/b/objects', '/buckets/b/objects/', '/files/meta', '/counts/'])('%s matches no route', (path) => {
    expect(() => matchRoute(routes, 'GET', path)).toThrow(ProtocolError);
  });
});
