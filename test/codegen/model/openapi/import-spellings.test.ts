// The OpenAPI spellings the Smithy importer writes for bindings plain OpenAPI cannot say, read back:
// { given: an operation, want: its printed bindings }. Mirrors codegen/model/openapi/read.ts.

import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../../codegen/model/document.js';
import { printedOperation, printedShapes, read } from '../helpers.js';

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
});

const EVENT_STREAM = 'application/vnd.amazon.eventstream';
/** A union of two events: one whose payload is a blob beside a header, one whose members are its JSON body. */
const events = {
  Events: { oneOf: [{ type: 'object', title: 'Chunk', required: ['Chunk'], properties: { Chunk: { $ref: '#/components/schemas/Chunk' } }, additionalProperties: false }, { type: 'object', title: 'Done', required: ['Done'], properties: { Done: { $ref: '#/components/schemas/Done' } }, additionalProperties: false }] },
  Chunk: { type: 'object', properties: { Bytes: { type: 'string', format: 'binary', 'x-event-payload': true }, Seq: { type: 'integer', format: 'int64', 'x-event-header': true } } },
  Done: { type: 'object', properties: { Log: { type: 'string' } } },
};
const watch = (media: Record<string, unknown>, side: 'request' | 'response' = 'response') => ({
  '/op': {
    post: {
      operationId: 'Watch',
      ...(side === 'request' ? { requestBody: { 'x-member-name': 'Stream', content: { [EVENT_STREAM]: media } } } : {}),
      responses: { '200': { description: 'OK', ...(side === 'response' ? { 'x-member-name': 'Stream', content: { [EVENT_STREAM]: media } } : {}) } },
    },
  },
});

describe('event streams (x-event-stream)', () => {
  it('a response payload of application/vnd.amazon.eventstream naming its union is an event-stream member; event members keep @eventPayload and @eventHeader', () => {
    const graph = read({ schemas: events, paths: watch({ schema: { $ref: '#/components/schemas/Events' }, 'x-event-stream': 'Events' }) });
    expect(printedOperation(graph, 'Watch')).toBe(['operation Watch POST /op -> 200', `  output Stream -> Events payload(${EVENT_STREAM}, event stream)`].join('\n'));
    expect(printedShapes(graph, 'Chunk')).toBe(['structure Chunk', '  Bytes -> Chunk$Bytes eventPayload', '  Seq -> Chunk$Seq eventHeader', 'blob Chunk$Bytes', 'long Chunk$Seq'].join('\n'));
  });

  it.each([
    { name: 'a request that streams', given: watch({ schema: { $ref: '#/components/schemas/Events' }, 'x-event-stream': 'Events' }, 'request'), want: `given.yaml: operation Watch sends an event stream, which is supported in responses only at /paths/~1op/post/requestBody/content/${EVENT_STREAM.replace('/', '~1')}/schema` },
    { name: 'a stream that does not name its union', given: watch({ schema: { $ref: '#/components/schemas/Events' } }), want: `given.yaml: operation Watch's event stream must name its event union in \`x-event-stream\`, beside a \`$ref\` to that union's schema at /paths/~1op/post/responses/200/content/${EVENT_STREAM.replace('/', '~1')}` },
    { name: 'a stream of something other than a union', given: watch({ schema: { $ref: '#/components/schemas/Done' }, 'x-event-stream': 'Done' }), want: `given.yaml: operation Watch's event stream Done is not a union of events at /paths/~1op/post/responses/200/content/${EVENT_STREAM.replace('/', '~1')}/schema` },
  ])('refuses $name in one sentence naming the operation', ({ given, want }) => {
    expect(() => read({ schemas: events, paths: given })).toThrow(ModelError);
    expect(() => read({ schemas: events, paths: given })).toThrow(want);
  });
});
