// Case extraction: sides from appliesTo, error response cases routed through an operation that
// lists the error, testParameters expansions with $name:L / $name:S / $$, stable keys; and the
// counts on AWS's suite itself (skipped visibly where ../shared is absent).

import { describe, expect, it } from 'vitest';
import { assembleTexts, loadSmithyModel } from '../../codegen/smithy/load.js';
import { countByKind, expandParameters, extractCases, substitute, type HttpMalformedRequestTestCase, type MalformedCase } from './suite/cases.js';
import { hasSuite, SUITE_SHOWN, suitePaths } from './suite/location.js';

const MODEL = `
$version: "2"
namespace example.tests

use smithy.test#httpRequestTests
use smithy.test#httpResponseTests
use smithy.test#httpMalformedRequestTests

service Shop { operations: [GetItem, PutItem] }

@http(method: "GET", uri: "/items/{id}")
@httpRequestTests([
  { id: "GetBoth", protocol: "aws.protocols#restJson1", method: "GET", uri: "/items/a", params: { id: "a" } }
  { id: "GetClientOnly", protocol: "aws.protocols#restJson1", method: "GET", uri: "/items/b", params: { id: "b" }, appliesTo: "client" }
])
@httpResponseTests([
  { id: "GetOk", protocol: "aws.protocols#restJson1", code: 200, params: {}, appliesTo: "server" }
])
operation GetItem {
  input := { @required @httpLabel id: String }
  errors: [NotFound]
}

@http(method: "PUT", uri: "/items")
@httpMalformedRequestTests([
  {
    id: "PutBadNumber"
    protocol: "aws.protocols#restJson1"
    request: { method: "PUT", uri: "/items", body: "{ \\"count\\": $value:L, \\"name\\": $value:S }" }
    response: { code: 400, headers: { "x-amzn-errortype": "SerializationException" }, body: { mediaType: "application/json", assertion: { messageRegex: "costs \\\\$$ for $value:L" } } }
    tags: ["$tag:L"]
    testParameters: { value: ["true", "1.5", "\\"x\\""], tag: ["boolean", "float", "string"] }
  }
  { id: "PutNoParameters", protocol: "aws.protocols#restJson1", request: { method: "PUT", uri: "/items", body: "$$value:L" }, response: { code: 400 } }
])
operation PutItem {
  input := { count: Integer, name: String }
}

@error("client")
@httpError(404)
@httpResponseTests([
  { id: "NotFoundError", protocol: "aws.protocols#restJson1", code: 404, params: { message: "gone" } }
])
structure NotFound { message: String }
`;

const ast = assembleTexts([{ file: 'shop.smithy', text: MODEL }]);
const cases = extractCases(ast);

describe('case extraction', () => {
  it('lists each case once per side it applies to, each expansion once, under stable keys', () => {
    expect(cases.map((c) => c.key)).toEqual([
      'request/client/GetBoth',
      'request/server/GetBoth',
      'request/client/GetClientOnly',
      'response/server/GetOk',
      'response/client/NotFoundError',
      'response/server/NotFoundError',
      'malformed/server/PutBadNumber#0',
      'malformed/server/PutBadNumber#1',
      'malformed/server/PutBadNumber#2',
      'malformed/server/PutNoParameters',
    ]);
    expect(countByKind(cases)).toEqual({ request: 3, response: 3, malformed: 4 });
  });

  it('runs an error response case through an operation that lists the error', () => {
    const error = cases.find((c) => c.key === 'response/client/NotFoundError')!;
    expect(error).toMatchObject({ kind: 'response', operation: 'example.tests#GetItem', shape: 'example.tests#NotFound', error: 'example.tests#NotFound', service: 'example.tests#Shop' });
  });

  it('substitutes each testParameters value into request, response and tags ($name:L as is, $name:S quoted, $$ as $)', () => {
    const expanded = cases.filter((c): c is MalformedCase => c.id === 'PutBadNumber');
    expect(expanded.map((c) => c.test.request.body)).toEqual(['{ "count": true, "name": "true" }', '{ "count": 1.5, "name": "1.5" }', '{ "count": "x", "name": "\\"x\\"" }']);
    expect(expanded.map((c) => c.test.tags)).toEqual([['boolean'], ['float'], ['string']]);
    expect(expanded[1].test.response.body!.assertion.messageRegex).toBe('costs \\$ for 1.5');
    expect(expanded.map((c) => c.expansion)).toEqual([0, 1, 2]);
  });

  it('leaves a case without testParameters untouched, $$ included', () => {
    const plain = cases.find((c) => c.key === 'malformed/server/PutNoParameters') as MalformedCase;
    expect(plain.test.request.body).toBe('$$value:L');
    expect(plain.expansion).toBeUndefined();
  });

  it('refuses parameter lists of different lengths and unknown parameter names', () => {
    const test = { id: 'Bad', protocol: 'p', request: { method: 'GET', uri: '/' }, response: { code: 400 }, testParameters: { a: ['1', '2'], b: ['1'] } } as HttpMalformedRequestTestCase;
    expect(() => expandParameters(test)).toThrow('Bad: the testParameters lists differ in length');
    expect(() => substitute('$missing:L', {}, 'Bad')).toThrow('Bad: no test parameter named missing');
  });
});

describe.skipIf(!hasSuite())(`cases of AWS's restJson1 suite (skipped where ${SUITE_SHOWN} is absent)`, () => {
  it('counts every case, each side and each expansion: 279 request, 200 response, 655 malformed', () => {
    const all = extractCases(loadSmithyModel(suitePaths));
    expect(countByKind(all)).toEqual({ request: 279, response: 200, malformed: 655 });
    expect(all).toHaveLength(1134);
    const blob = all.filter((c): c is MalformedCase => c.id === 'RestJsonBodyMalformedBlobInvalidBase64');
    expect(blob.map((c) => c.key)).toHaveLength(9);
    expect(blob[3]).toMatchObject({ key: 'malformed/server/RestJsonBodyMalformedBlobInvalidBase64#3', test: { request: { body: '{ "blob" : [98, 108, 11, 98] }' } } });
  });
});
