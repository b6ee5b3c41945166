// The server's strict readers (codegen/emit/rest-json1/runtime/wire.ts, `expect*`): what a
// generated server accepts from the wire and what it refuses with 400 SerializationException
// before its validator or the operation sees anything. The refusals follow AWS's restJson1
// malformed-request cases (booleans as strings, numbers with trailing characters or out of range,
// floats where integers belong, bad base64, timestamps in another format or with a UTC offset).

import { NumericValue } from '@smithy/core/serde';
import { describe, expect, it } from 'vitest';
import * as wire from '../../../codegen/emit/rest-json1/runtime/wire.js';
import { checkAccept, checkContentType, errorResponse } from '../../../codegen/emit/server/runtime/http.js';

const refused = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return error instanceof wire.WireValueError ? (error as Error).message : `not a WireValueError: ${String(error)}`;
  }
  return 'accepted';
};

describe('JSON values', () => {
  it.each([
    { name: 'boolean true', read: () => wire.expectBoolean(true), want: true },
    { name: 'string', read: () => wire.expectString('x'), want: 'x' },
    { name: 'byte at its maximum', read: () => wire.expectInteger(127, 'byte'), want: 127 },
    { name: 'short at its minimum', read: () => wire.expectInteger(-32768, 'short'), want: -32768 },
    { name: 'integer at its maximum', read: () => wire.expectInteger(2147483647, 'integer'), want: 2147483647 },
    { name: 'long beyond 2^53', read: () => wire.expectInteger(2 ** 60, 'long'), want: 2 ** 60 },
    { name: 'float', read: () => wire.expectFloat(1.5), want: 1.5 },
    { name: 'float "NaN"', read: () => wire.expectFloat('NaN'), want: NaN },
    { name: 'float "-Infinity"', read: () => wire.expectFloat('-Infinity'), want: -Infinity },
    { name: 'blob', read: () => wire.expectBase64('YmxvYg=='), want: new TextEncoder().encode('blob') },
    { name: 'epoch seconds with a fraction', read: () => wire.expectTimestamp(1515531081.1234, 'epoch-seconds'), want: new Date(1515531081123) },
    { name: 'date-time with a fraction', read: () => wire.expectTimestamp('1985-04-12T23:20:50.52Z', 'date-time'), want: new Date('1985-04-12T23:20:50.520Z') },
    { name: 'http-date', read: () => wire.expectTimestamp('Tue, 29 Apr 2014 18:30:38 GMT', 'http-date'), want: new Date('2014-04-29T18:30:38Z') },
    { name: 'bigInteger', read: () => wire.expectBigInteger(12), want: 12n },
    { name: 'bigDecimal', read: () => wire.expectBigDecimal(1.5), want: new NumericValue('1.5', 'bigDecimal') },
    { name: 'dense list', read: () => wire.expectList(['a', 'b'], wire.expectString), want: ['a', 'b'] },
    { name: 'sparse list keeps null', read: () => wire.expectSparseList(['a', null], wire.expectString), want: ['a', null] },
    { name: 'sparse map keeps null', read: () => wire.expectSparseMap({ a: null }, wire.expectString), want: { a: null } },
    { name: 'union member', read: () => wire.expectUnionMember({ int: 2, string: null }, ['int', 'string']), want: ['int', 2] },
    { name: 'absent member', read: () => wire.expectInteger(undefined, 'byte'), want: undefined },
  ])('accepts $name', ({ read, want }) => {
    expect(read()).toEqual(want);
  });

  it.each([
    { given: () => wire.expectBoolean('true'), want: 'Expected a boolean, found "true".' },
    { given: () => wire.expectBoolean(1), want: 'Expected a boolean, found 1.' },
    { given: () => wire.expectString(5), want: 'Expected a string, found 5.' },
    { given: () => wire.expectInteger('123', 'byte'), want: 'Expected a whole number (byte), found "123".' },
    { given: () => wire.expectInteger(1.001, 'byte'), want: 'Expected a whole number (byte), found 1.001.' },
    { given: () => wire.expectInteger(256, 'byte'), want: 'Expected a value within the range of byte, found 256.' },
    { given: () => wire.expectInteger(-32769, 'short'), want: 'Expected a value within the range of short, found -32769.' },
    { given: () => wire.expectInteger(2147483648, 'integer'), want: 'Expected a value within the range of integer, found 2147483648.' },
    { given: () => wire.expectInteger(9223372036854775808, 'long'), want: 'Expected a value within the range of long, found 9223372036854776000.' },
    { given: () => wire.expectInteger('NaN', 'integer'), want: 'Expected a whole number (integer), found "NaN".' },
    { given: () => wire.expectFloat('123'), want: 'Expected a number, found "123".' },
    { given: () => wire.expectFloat(true), want: 'Expected a number, found true.' },
    { given: () => wire.expectBase64('YmxvYg='), want: 'Expected base64 text, found "YmxvYg=".' },
    { given: () => wire.expectBase64('-_=='), want: 'Expected base64 text, found "-_==".' },
    { given: () => wire.expectBase64([98, 108]), want: 'Expected base64 text, found an array.' },
    { given: () => wire.expectTimestamp('1515531081', 'epoch-seconds'), want: 'Expected epoch seconds as a number, found "1515531081".' },
    { given: () => wire.expectTimestamp(1515531081, 'date-time'), want: 'Expected a timestamp string, found 1515531081.' },
    { given: () => wire.expectTimestamp('1996-12-19T16:39:57-08:00', 'date-time'), want: 'Expected an RFC 3339 date-time in UTC, found "1996-12-19T16:39:57-08:00".' },
    { given: () => wire.expectTimestamp('1996-12-19T16:39Z', 'date-time'), want: 'Expected an RFC 3339 date-time in UTC, found "1996-12-19T16:39Z".' },
    { given: () => wire.expectTimestamp('1996-13-19T16:39:57Z', 'date-time'), want: 'Expected an RFC 3339 date-time, found "1996-13-19T16:39:57Z".' },
    { given: () => wire.expectTimestamp('1985-04-12T23:20:50Z', 'http-date'), want: 'Expected an HTTP-date (IMF-fixdate), found "1985-04-12T23:20:50Z".' },
    { given: () => wire.expectList('a', wire.expectString), want: 'Expected a list, found "a".' },
    { given: () => wire.expectList(['a', null], wire.expectString), want: 'Expected a list item (the list is not sparse), found null.' },
    { given: () => wire.expectList([1], wire.expectString), want: 'Expected a string, found 1.' },
    { given: () => wire.expectMap({ abc: null }, wire.expectString), want: 'Expected a value for map key "abc" (the map is not sparse), found null.' },
    { given: () => wire.expectMap([], wire.expectString), want: 'Expected an object, found an array.' },
    { given: () => wire.expectUnionMember({ int: 2, string: 'three' }, ['int', 'string']), want: 'Expected a union with exactly one member set (2 are), found an object.' },
    { given: () => wire.expectUnionMember({}, ['int']), want: 'Expected a union with exactly one member set (0 are), found an object.' },
    { given: () => wire.expectUnionMember({ unknown: 'hello' }, ['int']), want: 'Expected a member of the union (one of int), found "unknown".' },
    { given: () => wire.expectUnionMember(['int'], ['int']), want: 'Expected an object, found an array.' },
  ])('refuses: $want', ({ given, want }) => {
    expect(refused(given)).toBe(want);
  });
});

describe('text values (labels, query values, headers)', () => {
  it.each([
    { name: 'false', read: () => wire.expectBooleanText('false'), want: false },
    { name: 'a negative byte', read: () => wire.expectIntegerText('-128', 'byte'), want: -128 },
    { name: 'a long at its maximum, by its digits', read: () => wire.expectIntegerText('9223372036854775807', 'long'), want: 9223372036854775807 },
    { name: 'a float with an exponent', read: () => wire.expectFloatText('1.5e3'), want: 1500 },
    { name: 'Infinity', read: () => wire.expectFloatText('Infinity'), want: Infinity },
    { name: 'epoch seconds', read: () => wire.expectTimestampText('1515531081.1234', 'epoch-seconds'), want: new Date(1515531081123) },
    { name: 'a date-time', read: () => wire.expectTimestampText('1985-04-12T23:20:50Z', 'date-time'), want: new Date('1985-04-12T23:20:50Z') },
    { name: 'JSON text', read: () => wire.expectJsonText('{"a":1}'), want: { a: 1 } },
    { name: 'an absent value', read: () => wire.expectBooleanText(undefined), want: undefined },
  ])('accepts $name', ({ read, want }) => {
    expect(read()).toEqual(want);
  });

  it.each([
    { given: () => wire.expectBooleanText('True'), want: 'Expected true or false, found "True".' },
    { given: () => wire.expectBooleanText('1'), want: 'Expected true or false, found "1".' },
    { given: () => wire.expectIntegerText('1.001', 'byte'), want: 'Expected a whole number (byte), found "1.001".' },
    { given: () => wire.expectIntegerText('2ABC', 'short'), want: 'Expected a whole number (short), found "2ABC".' },
    { given: () => wire.expectIntegerText('0x42', 'integer'), want: 'Expected a whole number (integer), found "0x42".' },
    { given: () => wire.expectIntegerText('9223372036854775808', 'long'), want: 'Expected a value within the range of long, found "9223372036854775808".' },
    { given: () => wire.expectIntegerText('NaN', 'long'), want: 'Expected a whole number (long), found "NaN".' },
    { given: () => wire.expectFloatText('2ABC'), want: 'Expected a number, found "2ABC".' },
    { given: () => wire.expectFloatText('0x42'), want: 'Expected a number, found "0x42".' },
    { given: () => wire.expectFloatText('true'), want: 'Expected a number, found "true".' },
    { given: () => wire.expectTimestampText('1515531081ABC', 'epoch-seconds'), want: 'Expected epoch seconds, found "1515531081ABC".' },
    { given: () => wire.expectTimestampText('1515531081.123.456', 'epoch-seconds'), want: 'Expected epoch seconds, found "1515531081.123.456".' },
    { given: () => wire.expectTimestampText('Tue, 29 Apr 2014 18:30:38 GMT', 'date-time'), want: 'Expected an RFC 3339 date-time in UTC, found "Tue, 29 Apr 2014 18:30:38 GMT".' },
    { given: () => wire.expectTimestampText('1515531081', 'http-date'), want: 'Expected an HTTP-date (IMF-fixdate), found "1515531081".' },
    { given: () => wire.expectJsonText('{'), want: 'Expected JSON text, found "{".' },
  ])('refuses: $want', ({ given, want }) => {
    expect(refused(given)).toBe(want);
  });
});

describe('the server answers a refusal', () => {
  it('as 400 SerializationException with the reason, whatever the operation models', () => {
    const thrown = new wire.WireValueError('Expected a boolean, found "true".');
    const response = errorResponse(thrown, {}, { errorTypeHeader: 'X-Amzn-ErrorType' }, { requestId: 'r-1' });
    expect([response.status, response.headers['X-Amzn-ErrorType'], response.body]).toEqual([400, 'SerializationException', '{"message":"Expected a boolean, found \\"true\\"."}']);
  });
});

describe('media types a handler checks before decoding', () => {
  const request = (headers: Record<string, string>, body = '{}') => ({ method: 'POST', path: '/', query: new URLSearchParams(), headers, body });
  const answer = (check: () => void) => {
    try {
      check();
      return 'accepted';
    } catch (error) {
      const { errorName, status } = error as { errorName: string; status: number };
      return `${status} ${errorName}`;
    }
  };

  it.each([
    { name: 'JSON body as application/json with a charset', given: () => checkContentType(request({ 'content-type': 'application/json; charset=utf-8' }), 'application/json'), want: 'accepted' },
    { name: 'JSON body as application/hal+json', given: () => checkContentType(request({ 'content-type': 'application/hal+json' }), 'application/json'), want: '415 UnsupportedMediaTypeException' },
    { name: 'JSON body without Content-Type', given: () => checkContentType(request({}), 'application/json'), want: '415 UnsupportedMediaTypeException' },
    { name: 'a modeled image/jpeg payload sent as JSON', given: () => checkContentType(request({ 'content-type': 'application/json' }), 'image/jpeg'), want: '415 UnsupportedMediaTypeException' },
    { name: 'a body where the operation takes none', given: () => checkContentType(request({ 'content-type': 'application/json' }), null), want: '415 UnsupportedMediaTypeException' },
    // restJson1's RestJsonMalformedLengthQueryStringNoValue: a bare body is ignored where no member is bound to it.
    { name: 'a body without Content-Type where the operation takes none', given: () => checkContentType(request({}), null), want: 'accepted' },
    { name: 'no body where the operation takes none', given: () => checkContentType(request({ 'content-type': 'application/json' }, ''), null), want: 'accepted' },
    { name: 'no Accept', given: () => checkAccept(request({}), 'application/json'), want: 'accepted' },
    { name: 'Accept */*', given: () => checkAccept(request({ accept: '*/*' }), 'text/plain'), want: 'accepted' },
    { name: 'Accept text/*', given: () => checkAccept(request({ accept: 'application/xml, text/*;q=0.5' }), 'text/plain'), want: 'accepted' },
    { name: 'Accept application/hal+json for JSON', given: () => checkAccept(request({ accept: 'application/hal+json' }), 'application/json'), want: '406 NotAcceptableException' },
    { name: 'Accept application/json;q=0', given: () => checkAccept(request({ accept: 'application/json;q=0' }), 'application/json'), want: '406 NotAcceptableException' },
    { name: 'Accept application/json for image/jpeg', given: () => checkAccept(request({ accept: 'application/json' }), 'image/jpeg'), want: '406 NotAcceptableException' },
  ])('$name: $want', ({ given, want }) => {
    expect(answer(given)).toBe(want);
  });
});
