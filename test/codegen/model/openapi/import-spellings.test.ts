// The OpenAPI spellings the Smithy importer writes for bindings plain OpenAPI cannot say, read back:
// { given: an operation, want: its printed bindings }. Mirrors codegen/model/openapi/read.ts.

import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../../codegen/model/document.js';
import { printedOperation, read } from '../helpers.js';

const structure = { type: 'object', properties: { Name: { type: 'string' } } };

describe('bindings written with extensions', () => {
  it.each([
    {
      name: 'a structure payload names its member (x-member-name): one payload member, not its properties in the body',
      given: { put: { operationId: 'Op', requestBody: { required: true, 'x-member-name': 'Item', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, responses: { '200': { description: 'OK' } } } },
      want: ['operation Op PUT /op -> 200', '  input Item -> Item required payload(application/json)'],
    },
    {
      name: 'a response payload, a prefix-header map and the status-code member',
      given: {
        get: {
          operationId: 'Op',
          responses: {
            '200': {
              description: 'OK',
              'x-member-name': 'Item',
              'x-response-code-member': 'Status',
              headers: { 'x-meta-': { 'x-member-name': 'Meta', 'x-prefix-headers': 'x-meta-', schema: { type: 'object', additionalProperties: { type: 'string' } } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
            },
          },
        },
      },
      want: ['operation Op GET /op -> 200', '  output Item -> Item payload(application/json)', '  output Meta -> Op$output$Meta prefixHeaders(x-meta-)', '  output Status -> Op$output$Status responseCode'],
    },
    {
      name: 'a JSON key and an idempotency token on body members; a header member named apart from its header',
      given: {
        post: {
          operationId: 'Op',
          parameters: [{ name: 'X-Token', in: 'header', 'x-member-name': 'Token', schema: { type: 'string', 'x-idempotency-token': true } }],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { Name: { type: 'string', 'x-json-name': 'name' } } } } } },
          responses: { '200': { description: 'OK' } },
        },
      },
      want: ['operation Op POST /op -> 200', '  input Token -> Op$input$Token idempotencyToken header(X-Token)', '  input Name -> OpRequest$Name jsonName(name) body(name)'],
    },
  ])('$name', ({ given, want }) => {
    const graph = read({ schemas: { Item: structure }, paths: { '/op': given } });
    expect(printedOperation(graph, 'Op')).toBe(want.join('\n'));
  });

  it('refuses an event stream body, naming the operation', () => {
    const given = { '/op': { post: { operationId: 'Watch', responses: { '200': { description: 'OK', content: { 'application/vnd.amazon.eventstream': { schema: { type: 'object' } } } } } } } };
    expect(() => read({ paths: given })).toThrow(ModelError);
    expect(() => read({ paths: given })).toThrow('given.yaml: operation Watch sends or receives an event stream, which is not supported at /paths/~1op/post/responses/200/content/application~1vnd.amazon.eventstream/schema');
  });
});
