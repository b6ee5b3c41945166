// The emitters' view of the shape graph: what the generator emits today and what it refuses,
// in one line naming the document and the JSON pointer. Mirrors codegen/model/service.ts.

import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../codegen/model/read-openapi.js';
import { bodyOperation, documentOf, modelErrorOf, type Fragment } from './helpers.js';

const refusal = (fragment: Fragment) => modelErrorOf(() => buildModel([documentOf(fragment)]));

describe('what the generator refuses', () => {
  it.each([
    { name: 'two 2xx responses', given: { paths: { '/a': { get: { operationId: 'Op', responses: { '200': { description: 'a' }, '201': { description: 'b' } } } } } }, want: 'given.yaml: exactly one 2xx response is expected at /paths/~1a/get/responses' },
    { name: 'an operationId that is not an identifier', given: { paths: { '/a': { get: { operationId: 'do-it', responses: { '200': { description: 'a' } } } } } }, want: 'given.yaml: operationId must be an identifier at /paths/~1a/get' },
    { name: 'a path label without a parameter', given: { paths: { '/a/{Id}': { get: { operationId: 'Op', responses: { '200': { description: 'a' } } } } } }, want: 'given.yaml: path label {Id} has no path parameter at /paths/~1a~1{Id}/get' },
    { name: 'a body without a schema', given: { paths: { '/a': { put: { operationId: 'Op', requestBody: { content: { 'text/plain': {} } }, responses: { '200': { description: 'a' } } } } } }, want: 'given.yaml: a request body must have a schema at /paths/~1a/put/requestBody' },
    { name: 'a list as the whole payload', given: { paths: bodyOperation({ type: 'array', items: { type: 'string' } }) }, want: 'given.yaml: a list cannot be a payload (a structure, union, document, blob or string can) at /paths/~1op/post/requestBody/content/application~1json/schema' },
    { name: 'an unanchored pattern', given: { paths: bodyOperation({ type: 'object', properties: { A: { type: 'string', pattern: 'a+' } } }) }, want: 'given.yaml: patterns are whole-value matches and must be written anchored (^…$) at /paths/~1op/post/requestBody/content/application~1json/schema/properties/A/pattern' },
    { name: 'x-member-order naming a stranger', given: { paths: bodyOperation({ type: 'object', properties: { A: { type: 'string' } } }, { 'x-member-order': ['B', 'A'] }) }, want: 'given.yaml: names B, which is not an input member at /paths/~1op/post/x-member-order' },
    { name: 'x-member-order leaving one out', given: { paths: bodyOperation({ type: 'object', properties: { A: { type: 'string' }, B: { type: 'string' } } }, { 'x-member-order': ['A'] }) }, want: 'given.yaml: does not name B at /paths/~1op/post/x-member-order' },
  ])('$name', ({ given, want }) => {
    expect(refusal(given)).toBe(want);
  });
});

describe('what the generator emits', () => {
  it('orders input members by x-member-order and names the wire names', () => {
    const model = buildModel([
      documentOf({
        paths: {
          '/a/{Id}': {
            parameters: [{ name: 'Id', in: 'path', schema: { type: 'string' } }],
            post: {
              operationId: 'Op',
              parameters: [{ name: 'n', in: 'query', 'x-member-name': 'Count', schema: { type: 'integer', format: 'int64' } }],
              requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { Text: { type: 'string', format: 'byte' } } } } } },
              responses: { '200': { description: 'a' } },
              'x-member-order': ['Text', 'Count', 'Id'],
            },
          },
        },
      }),
    ]);
    expect(model.operations[0].request.map((m) => `${m.name}:${m.binding.kind}:${'name' in m.binding ? m.binding.name : ''}:${m.required}`)).toEqual(['Text:body:Text:false', 'Count:query:n:false', 'Id:label:Id:true']);
    // The validators' view: the scalar members (a blob is decoded to bytes first).
    expect(model.operations[0].input.map((m) => `${m.name}:${m.location}:${m.wireName}:${m.type}:${m.required}`)).toEqual(['Count:query:n:integer:false', 'Id:path:Id:string:true']);
  });
});
