// Whole-service Smithy import, judged by the round trip the generator depends on: Smithy → OpenAPI
// (codegen/import) → shape graph (codegen/model/openapi) keeps every operation, member, binding,
// shape kind and trait. On AWS's Lambda model and the restJson1 protocol suite's services where
// ../shared is present (skipped visibly otherwise), and on a small model of our own always.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importSmithy, readSourceText } from '../../codegen/import/smithy.js';
import { serviceOperations } from '../../codegen/import/smithy-service.js';
import { readOpenApi } from '../../codegen/model/openapi/read.js';
import { flattenMixins } from '../../codegen/smithy/flatten.js';
import { readIdl } from '../../codegen/smithy/load.js';
import type { SmithyAst } from '../../codegen/smithy/ast.js';
import { compareWithGraph } from './smithy-graph.js';
import { root, sharedSmithy } from './helpers.js';

const protocolTests = join(root, '..', 'shared', 'fixtures', 'smithy-protocol-tests');
const hasLambda = existsSync(sharedSmithy);
const hasProtocolTests = existsSync(protocolTests);

/** Imports the whole service and reads the document back as the generator does. */
function roundTrip(model: SmithyAst, service?: string) {
  const result = importSmithy(model as never, [], { name: 'whole', service });
  const graph = readOpenApi({ source: { path: 'whole.yaml', sha256: '' }, document: parse(result.yaml) });
  return { result, graph };
}

function judge(model: SmithyAst, serviceId: string, refused: string[]) {
  const { result, graph } = roundTrip(model, serviceId);
  const flat = flattenMixins(model);
  const operations = serviceOperations(flat.shapes as never, serviceId).filter((id) => !refused.includes(id.replace(/^.*#/, '')));
  return { result, graph, operations, comparison: compareWithGraph(flat as never, graph, operations) };
}

const OWN = `
$version: "2"
namespace example.shelf

use aws.protocols#restJson1

@restJson1
@httpBearerAuth
service Shelves { version: "2024-01-01", operations: [PutItem, StreamItems], resources: [Shelf] }

resource Shelf { identifiers: { shelfId: ShelfId }, read: GetShelf, resources: [Item] }
resource Item { identifiers: { shelfId: ShelfId, itemId: String }, delete: DeleteItem }

@pattern("^[a-z]+$")
string ShelfId

@readonly @http(method: "GET", uri: "/shelves/{shelfId}")
operation GetShelf { input := { @required @httpLabel shelfId: ShelfId, @httpQueryParams filters: StringMap }, output := { @httpResponseCode status: Integer, @httpPrefixHeaders("x-meta-") meta: StringMap, @httpPayload shelf: ShelfBody }, errors: [NoSuchShelf] }

@idempotent @http(method: "DELETE", uri: "/shelves/{shelfId}/items/{itemId+}")
operation DeleteItem { input := { @required @httpLabel shelfId: ShelfId, @required @httpLabel itemId: String, @httpHeader("X-When") when: Timestamp, @httpQuery("at") @timestampFormat("epoch-seconds") at: Timestamp } }

@http(method: "POST", uri: "/items?kind=plain", code: 201)
operation PutItem { input := { @idempotencyToken token: String, @jsonName("item_name") @length(min: 1, max: 10) name: String, tags: TagSet, sparse: SparseList, choice: Choice, blob: Blob, doc: Document, @default(3) count: Integer, created: Timestamp, @range(min: 1, max: 9) level: Long, kind: Kind, size: Size } }

@http(method: "POST", uri: "/stream")
operation StreamItems { input := { @httpPayload events: Events } }

structure ShelfBody { @required name: String, nested: ShelfBody, items: ItemMap }
@uniqueItems list TagSet { member: String }
@sparse list SparseList { member: String }
@sparse map ItemMap { key: ShelfId, value: ShelfBody }
map StringMap { key: String, value: String }
union Choice { text: String, number: Integer, nothing: Unit }
@streaming union Events { item: ShelfBody }
enum Kind { PLAIN = "plain", FANCY = "fancy" }
intEnum Size { SMALL = 1, LARGE = 2 }
@error("client") @httpError(404) structure NoSuchShelf { @httpHeader("X-Shelf") shelfId: String, message: String }
`;

describe('whole-service Smithy import, on a model of our own with every binding and trait', () => {
  const model = readIdl(OWN, 'shelf.smithy');

  it('imports every operation the service reaches through its resources, leaving the event stream out by name', () => {
    const { result, graph } = roundTrip(model);
    expect(graph.operations.map((o) => o.name).sort()).toEqual(['DeleteItem', 'GetShelf', 'PutItem']);
    expect(result.undetermined).toContainEqual({ subject: 'operation StreamItems', fact: 'event stream', reason: 'its input member events is an event stream (Events), which permgen supports in outputs only', assumed: 'left out' });
    expect(graph.service.auth).toEqual([{ kind: 'bearer' }]);
  });

  it('refuses an event-stream operation named alone, naming it', () => {
    expect(() => importSmithy(model as never, ['StreamItems'])).toThrow('operation StreamItems is refused: its input member events is an event stream (Events), which permgen supports in outputs only');
  });

  it('keeps every operation, member, binding, kind and trait through OpenAPI into the shape graph', () => {
    const { comparison } = judge(model, 'example.shelf#Shelves', ['StreamItems']);
    expect(comparison.differences).toEqual([]);
    expect(comparison.bindings).toEqual({ label: 3, queryParams: 1, responseCode: 1, prefixHeaders: 1, payload: 1, header: 1, query: 1, body: 12 });
    expect(Object.keys(comparison.compared).sort()).toEqual(['blob', 'document', 'enum', 'error', 'intEnum', 'integer', 'list', 'long', 'map', 'string', 'structure', 'timestamp', 'union']);
    expect(comparison.traits).toEqual(expect.objectContaining({ jsonName: 1, idempotencyToken: 1, sparse: 2, uniqueItems: 1, default: 1, range: 1, length: 1, pattern: expect.any(Number), timestampFormat: expect.any(Number) }));
  });

  it('writes what plain OpenAPI tools read right: a tagged union, a constant query in the path, a payload structure', () => {
    const { result } = roundTrip(model);
    const doc = result.document as any;
    expect(doc.components.schemas.Choice.oneOf.map((a: any) => [a.title, a.required])).toEqual([['text', ['text']], ['number', ['number']], ['nothing', ['nothing']]]);
    expect(Object.keys(doc.paths)).toContain('/items?kind=plain');
    expect(doc.paths['/shelves/{shelfId}'].get.responses['200']).toEqual(expect.objectContaining({ 'x-member-name': 'shelf', 'x-response-code-member': 'status', content: { 'application/json': { schema: { $ref: '#/components/schemas/ShelfBody' } } } }));
    expect(doc.security).toEqual([{ bearer: [] }]);
  });
});

const STREAMS = `
$version: "2"
namespace example.watch

use aws.protocols#restJson1

@restJson1
service Watcher { version: "2024-01-01", operations: [Watch] }

@http(method: "POST", uri: "/watch")
operation Watch { output := { @httpHeader("X-Watch-Id") watchId: String, @httpPayload events: Events } }

@streaming union Events { chunk: Chunk, done: Done, oops: Oops }
structure Chunk { @eventHeader seq: Long, @eventPayload bytes: Blob }
structure Done { log: String }
@error("server") structure Oops { message: String }
`;

describe('output event streams, on a model of our own', () => {
  const model = readIdl(STREAMS, 'watch.smithy');

  it('writes the stream as the response content of application/vnd.amazon.eventstream naming its union, event members and error events marked', () => {
    const { result } = roundTrip(model);
    const doc = result.document as any;
    expect(doc.paths['/watch'].post.responses['200']).toEqual(expect.objectContaining({
      'x-member-name': 'events',
      content: { 'application/vnd.amazon.eventstream': { schema: { $ref: '#/components/schemas/Events' }, 'x-event-stream': 'Events' } },
    }));
    expect(doc.components.schemas.Chunk.properties).toEqual({ seq: { type: 'integer', format: 'int64', 'x-event-header': true }, bytes: { type: 'string', format: 'byte', 'x-event-payload': true } });
    expect(doc.components.schemas.Oops['x-event-error']).toBe('server');
    expect(doc.components.schemas.Done['x-event-error']).toBeUndefined();
    expect(result.undetermined.filter((u) => u.subject.startsWith('operation'))).toEqual([]);
  });

  it('reads it back as an event-stream payload, with nothing lost', () => {
    const { graph, comparison } = judge(model, 'example.watch#Watcher', []);
    expect(graph.operations[0]!.output.map((m) => [m.name, m.binding])).toEqual([
      ['events', { kind: 'payload', mediaType: 'application/vnd.amazon.eventstream', eventStream: true }],
      ['watchId', { kind: 'header', name: 'X-Watch-Id' }],
    ]);
    expect(comparison.differences).toEqual([]);
  });
});

const SKIP_LAMBDA = '(skipped where ../shared/fixtures/smithy/lambda.json is absent)';
describe.skipIf(!hasLambda)(`AWS's Lambda model as a whole service ${SKIP_LAMBDA}`, () => {
  const model = hasLambda ? (JSON.parse(readFileSync(sharedSmithy, 'utf8')) as SmithyAst) : { smithy: '2.0', shapes: {} };

  // One import serves both tests: the whole of Lambda takes a few seconds.
  let judged: ReturnType<typeof judge> | undefined;
  const lambda = () => (judged ??= judge(model, 'com.amazonaws.lambda#AWSGirApiService', []));

  it('imports all 85 operations; InvokeWithResponseStream\'s output event stream as a payload of application/vnd.amazon.eventstream naming its union', () => {
    const { result, graph } = lambda();
    expect(graph.operations).toHaveLength(85);
    expect(result.undetermined.map((u) => `${u.subject}: ${u.fact}`)).toEqual(['document: validation error']);
    const stream = graph.operations.find((o) => o.name === 'InvokeWithResponseStream')!.output.find((m) => m.name === 'EventStream');
    expect(stream).toMatchObject({ target: 'InvokeWithResponseStreamResponseEvent', binding: { kind: 'payload', mediaType: 'application/vnd.amazon.eventstream', eventStream: true } });
    const chunk = graph.shapes.get('InvokeResponseStreamUpdate');
    expect(chunk?.kind === 'structure' && chunk.members.map((m) => [m.name, m.eventPayload])).toEqual([['Payload', true]]);
    expect(graph.service.auth).toEqual([{ kind: 'sigv4', signingName: 'lambda' }]);
  });

  it('keeps every operation, member, binding, kind and trait through OpenAPI into the shape graph', () => {
    const { comparison, operations } = lambda();
    expect(operations).toHaveLength(85);
    expect(comparison.differences).toEqual([]);
    // Every kind and binding Lambda uses was compared.
    expect(Object.keys(comparison.compared).sort()).toEqual(['blob', 'boolean', 'double', 'enum', 'error', 'integer', 'list', 'long', 'map', 'string', 'structure', 'timestamp', 'union']);
    expect(Object.keys(comparison.bindings).sort()).toEqual(['body', 'header', 'label', 'payload', 'query', 'responseCode']);
  });
});

const SKIP_PROTOCOL = '(skipped where ../shared/fixtures/smithy-protocol-tests is absent)';
describe.skipIf(!hasProtocolTests)(`the restJson1 protocol suite's services ${SKIP_PROTOCOL}`, () => {
  const model = hasProtocolTests ? (JSON.parse(readSourceText(join(protocolTests, 'model'), join(protocolTests, 'traits'))) as SmithyAst) : { smithy: '2.0', shapes: {} };
  // Input event streams are refused; the two output-only streams are imported.
  const streams = ['DuplexStream', 'DuplexStreamWithDistinctStreams', 'DuplexStreamWithInitialMessages', 'InputStream', 'InputStreamWithInitialRequest'];

  it('RestJson: every operation but the five whose input is an event stream, with nothing lost', () => {
    const { comparison, graph, operations } = judge(model, 'aws.protocoltests.restjson#RestJson', streams);
    expect(graph.operations).toHaveLength(operations.length);
    expect(comparison.differences).toEqual([]);
  });

  it('RestJsonValidation: every operation, the framework ValidationException as the validation error', () => {
    const { comparison, graph, operations, result } = judge(model, 'aws.protocoltests.restjson.validation#RestJsonValidation', []);
    expect(graph.operations).toHaveLength(operations.length);
    expect(comparison.differences).toEqual([]);
    expect((result.document as any)['x-validation-error']).toBe('ValidationException');
    expect(graph.service.auth).toBeUndefined();
  });
});
