// Event streams (emit/rest-json1/event-stream.ts): { given: an event of the stream's union, want:
// how the client reads it and how the server writes it }, then a small model with an event of
// every kind generated whole, type-checked and streamed from the generated server to the
// generated client over loopback.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import http from 'node:http';
import { EventStreamCodec, getChunkedStream } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { describe, expect, it } from 'vitest';
import { ClientEventStreams, isEventStream, serverEventStream } from '../../../codegen/emit/rest-json1/event-stream.js';
import { JsonCodecs } from '../../../codegen/emit/rest-json1/json.js';
import { emitClientProtocol } from '../../../codegen/emit/rest-json1/client.js';
import { generateFromDocuments } from '../../../codegen/generate.js';
import { writeOutput } from '../../../codegen/output.js';
import { documentOf, type Fragment } from '../model/helpers.js';
import { GENERATED_TS_OPTIONS, listen, scratch, TEST_CREDENTIALS, typeCheck } from '../helpers.js';
import { HEADER, view } from './helpers.js';

const EVENT_STREAM = 'application/vnd.amazon.eventstream';
const event = (name: string) => ({ type: 'object', title: name, required: [name], properties: { [name]: { $ref: `#/components/schemas/${name}` } }, additionalProperties: false });

/** `Watch` answers a stream of `Events`: one event of each way an event travels. */
const fragment: Fragment = {
  schemas: {
    Events: { oneOf: ['Chunk', 'Text', 'Boxed', 'Mixed', 'Done', 'Headers', 'Oops'].map(event) },
    Oops: { type: 'object', 'x-event-error': 'client', properties: { message: { type: 'string' }, Code: { type: 'string' } } },
    Chunk: { type: 'object', properties: { Bytes: { type: 'string', format: 'binary', 'x-event-payload': true }, Seq: { type: 'integer', format: 'int64', 'x-event-header': true } } },
    Text: { type: 'object', properties: { Line: { type: 'string', 'x-event-payload': true } } },
    Boxed: { type: 'object', properties: { Box: { $ref: '#/components/schemas/Box', 'x-event-payload': true } } },
    Box: { type: 'object', properties: { At: { type: 'number', 'x-timestamp-format': 'epoch-seconds' }, Label: { type: 'string' } } },
    Mixed: { type: 'object', properties: { Tag: { type: 'string', 'x-event-header': true }, Count: { type: 'integer', format: 'int32' } } },
    Done: { type: 'object', properties: { Log: { type: 'string' } } },
    Headers: {
      type: 'object',
      properties: {
        Flag: { type: 'boolean', 'x-event-header': true },
        Small: { type: 'integer', format: 'int8', 'x-event-header': true },
        Short: { type: 'integer', format: 'int16', 'x-event-header': true },
        Int: { type: 'integer', format: 'int32', 'x-event-header': true },
        Raw: { type: 'string', format: 'byte', 'x-event-header': true },
        When: { type: 'string', format: 'date-time', 'x-event-header': true },
      },
    },
    Gone: { type: 'object', 'x-error': { status: 404 }, properties: { message: { type: 'string' }, Resource: { type: 'string' } } },
  },
  paths: {
    '/watch/{Name}': {
      post: {
        operationId: 'Watch',
        parameters: [{ name: 'Name', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'OK',
            'x-member-name': 'Stream',
            headers: { 'X-Watch-Id': { 'x-member-name': 'WatchId', schema: { type: 'string' } } },
            content: { [EVENT_STREAM]: { schema: { $ref: '#/components/schemas/Events' }, 'x-event-stream': 'Events' } },
          },
          '404': { description: 'Gone', content: { 'application/json': { schema: { $ref: '#/components/schemas/Gone' } } } },
        },
        'x-errors': ['Gone'],
      },
    },
  },
};

describe('how each event travels', () => {
  const model = view(fragment);
  const operation = model.operations[0];
  const stream = operation.response.find(isEventStream)!;

  it('the output member is the stream; the others stay headers', () => {
    expect(operation.response.map((m) => [m.name, isEventStream(m)])).toEqual([['Stream', true], ['WatchId', false]]);
  });

  const clientCases = () => {
    const json = new JsonCodecs(model);
    const events = new ClientEventStreams(model, json, 'GivenServiceException');
    events.read(operation, stream);
    const reader = events.functions()[0] as { statements: string[] };
    return { text: reader.statements[0], json };
  };

  it.each([
    { name: 'a blob payload is the body as it is; a long header a number', event: 'Chunk', want: "return { Chunk: { Bytes: message.body, Seq: eventHeader(message, 'Seq') as number | undefined } };" },
    { name: 'a string payload is the body as text', event: 'Text', want: 'return { Text: { Line: eventText(message) } };' },
    { name: 'a structure payload is the body as JSON, read as its shape', event: 'Boxed', want: 'return { Boxed: { Box: de_Box(eventJson(message)) } };' },
    { name: 'without a payload member the other members are the JSON body, beside the headers', event: 'Mixed', want: "return { Mixed: { ...de_Mixed(eventJson(message)), Tag: eventHeader(message, 'Tag') as string | undefined } };" },
    { name: 'a structure of body members only is its JSON body', event: 'Done', want: 'return { Done: de_Done(eventJson(message)) };' },
  ])('client: $name', ({ event, want }) => {
    const { text } = clientCases();
    expect(text).toContain(`  case '${event}':\n    ${want}`);
  });

  it('client: an event type the model does not know is skipped (undefined), as the AWS SDK skips it', () => {
    expect(clientCases().text.endsWith('  default:\n    return undefined;\n}')).toBe(true);
  });

  it('client: a modeled error event (x-event-error) is no event but an exception message, thrown as the base exception named as its structure', () => {
    expect(clientCases().text).not.toContain("case 'Oops'");
    const text = emitClientProtocol(model, HEADER).content;
    expect(text).toContain("    case 'Oops':\n      return Object.assign(new GivenServiceException({ name: 'Oops', $fault: 'client', $metadata, message: text }), de_Oops(body), { message: text });");
  });

  it.each([
    { name: 'a blob payload with a long header', event: 'Chunk', want: "if (event.Chunk !== undefined) return { type: 'Chunk', headers: { 'Seq': headerValue('long', event.Chunk.Seq) }, body: event.Chunk.Bytes ?? new Uint8Array(0), contentType: 'application/octet-stream' };" },
    { name: 'a string payload as text', event: 'Text', want: "if (event.Text !== undefined) return { type: 'Text', body: event.Text.Line ?? '', contentType: 'text/plain' };" },
    { name: 'a structure payload as JSON', event: 'Boxed', want: "if (event.Boxed !== undefined) return { type: 'Boxed', body: event.Boxed.Box === undefined ? '' : JSON.stringify(se_Box(event.Boxed.Box)), contentType: 'application/json' };" },
    { name: 'an implicit JSON body leaves out the members sent as headers', event: 'Mixed', want: "if (event.Mixed !== undefined) return { type: 'Mixed', headers: { 'Tag': headerValue('string', event.Mixed.Tag) }, body: JSON.stringify(withoutKeys(se_Mixed(event.Mixed), ['Tag'])), contentType: 'application/json' };" },
    { name: 'a modeled error event as an exception message', event: 'Oops', want: "if (event.Oops !== undefined) return { type: 'Oops', exception: true, body: JSON.stringify(se_Oops(event.Oops)) };" },
    { name: 'headers of every type', event: 'Headers', want: "if (event.Headers !== undefined) return { type: 'Headers', headers: { 'Flag': headerValue('boolean', event.Headers.Flag), 'Small': headerValue('byte', event.Headers.Small), 'Short': headerValue('short', event.Headers.Short), 'Int': headerValue('integer', event.Headers.Int), 'Raw': headerValue('binary', event.Headers.Raw), 'When': headerValue('timestamp', event.Headers.When) }, body: new Uint8Array(0) };" },
  ])('server: $name', ({ event, want }) => {
    const runtime = new Set<string>();
    const written = serverEventStream(model, stream, 'output.Stream', 'WATCH_ERRORS', new JsonCodecs(model), runtime);
    expect(written.split('\n').map((line) => line.trim())).toContain(want);
    expect(written.startsWith('writeEventStream(output.Stream, (event) => {')).toBe(true);
    expect(written).toContain("(error) => failureMessage(error, WATCH_ERRORS, (thrown) => errorResponse(thrown, WATCH_ERRORS, PROTOCOL_SETTINGS, context))");
  });

  it('client/src/protocol.ts: the output member is read as it arrives, exceptions by their modeled class', () => {
    const text = emitClientProtocol(model, HEADER).content;
    const deserializer = text.slice(text.indexOf('export async function de_WatchCommand('), text.indexOf('\n}\n', text.indexOf('export async function de_WatchCommand(')));
    // The body is not read before the caller iterates: the stream is the body.
    expect(deserializer).not.toContain('readJsonBody');
    expect(deserializer).toContain("    Stream: readEventStream(response.body, {\n      event: de_Events_event,\n      exception: (message) => de_WatchCommandException(message, responseMetadata(response)),");
    expect(text).toContain("    case 'Gone':\n      return new Gone({ $metadata, message: text, Resource: member(body, 'Resource') });");
  });
});

describe('a stream of every kind of event, generated whole', () => {
  it('type-checks (strict, exactOptionalPropertyTypes) and streams from the generated server to the generated client, a modeled error ending it', async () => {
    const out = scratch('event-stream');
    const { files } = await generateFromDocuments([documentOf(fragment)]);
    writeOutput(out, files);
    expect(typeCheck(out, [], { ...GENERATED_TS_OPTIONS, exactOptionalPropertyTypes: true })).toEqual([]);

    const client = await import(pathToFileURL(join(out, 'client', 'src', 'index.ts')).href);
    const server = await import(pathToFileURL(join(out, 'server', 'index.ts')).href);
    const when = new Date('2024-05-06T07:08:09.000Z');
    const sent = [
      { Chunk: { Bytes: new Uint8Array([0, 1, 255]), Seq: 5_000_000_000 } },
      { Text: { Line: 'héllo' } },
      { Boxed: { Box: { At: when, Label: 'box' } } },
      { Mixed: { Tag: 'red', Count: 3 } },
      { Done: { Log: 'done' } },
      { Headers: { Flag: true, Small: -2, Short: 300, Int: 70_000, Raw: new Uint8Array([9, 8]), When: when } },
    ];
    const implementation: { Watch: () => Promise<{ WatchId: string; Stream: AsyncIterable<unknown> }> } = {
      Watch: async () => ({
        WatchId: 'w-1',
        Stream: (async function* () {
          yield* sent;
          throw Object.assign(new Error('the thing is gone'), { name: 'Gone', Resource: 'thing' });
        })(),
      }),
    };
    const { url, close } = await listen(server.createNodeListener(implementation) as http.RequestListener);
    try {
      const ours = new client.GivenClient({ region: 'us-east-1', endpoint: url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
      const output = await ours.send(new client.WatchCommand({ Name: 'thing' }));
      expect(output.WatchId).toBe('w-1');
      const received: unknown[] = [];
      let ended: unknown;
      try {
        for await (const e of output.Stream) received.push(e);
      } catch (error) {
        ended = error;
      }
      expect(received).toEqual(sent);
      expect(ended).toBeInstanceOf(client.Gone);
      expect(ended).toMatchObject({ name: 'Gone', message: 'the thing is gone', Resource: 'thing' });

      // On the wire: chunked, as an event stream, each message framed and typed as the protocol says.
      const raw = await fetch(`${url}/watch/thing`, { method: 'POST' });
      expect([raw.status, raw.headers.get('content-type'), raw.headers.get('transfer-encoding'), raw.headers.get('content-length'), raw.headers.get('x-watch-id')]).toEqual([200, EVENT_STREAM, 'chunked', null, 'w-1']);
      const codec = new EventStreamCodec(toUtf8, fromUtf8);
      const messages = [];
      for await (const frame of getChunkedStream(raw.body as unknown as AsyncIterable<Uint8Array>)) {
        const { headers, body } = codec.decode(frame);
        messages.push({ headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.type === 'long' ? Number(v.value.valueOf()) : v.value])), body: toUtf8(body) });
      }
      expect(messages.map((m) => m.headers)).toEqual([
        { ':message-type': 'event', ':event-type': 'Chunk', ':content-type': 'application/octet-stream', Seq: 5_000_000_000 },
        { ':message-type': 'event', ':event-type': 'Text', ':content-type': 'text/plain' },
        { ':message-type': 'event', ':event-type': 'Boxed', ':content-type': 'application/json' },
        { ':message-type': 'event', ':event-type': 'Mixed', ':content-type': 'application/json', Tag: 'red' },
        { ':message-type': 'event', ':event-type': 'Done', ':content-type': 'application/json' },
        { ':message-type': 'event', ':event-type': 'Headers', Flag: true, Small: -2, Short: 300, Int: 70_000, Raw: new Uint8Array([9, 8]), When: when },
        { ':message-type': 'exception', ':exception-type': 'Gone', ':content-type': 'application/json' },
      ]);
      expect(messages.map((m) => m.body).slice(1)).toEqual(['héllo', '{"At":1714979289,"Label":"box"}', '{"Count":3}', '{"Log":"done"}', '', '{"message":"the thing is gone","Resource":"thing"}']);

      // A modeled error event the operation yields: an exception message named by the union member, thrown by the client with its members.
      implementation.Watch = async () => ({ WatchId: 'w-2', Stream: (async function* () { yield sent[0]!; yield { Oops: { message: 'bad thing', Code: 'E1' } }; })() });
      const oops = await ours.send(new client.WatchCommand({ Name: 'thing' }));
      const got: unknown[] = [];
      let thrown: unknown;
      try {
        for await (const e of oops.Stream) got.push(e);
      } catch (error) {
        thrown = error;
      }
      expect(got).toEqual([sent[0]]);
      expect(thrown).toBeInstanceOf(client.GivenServiceException);
      expect(thrown).toMatchObject({ name: 'Oops', $fault: 'client', message: 'bad thing', Code: 'E1' });
    } finally {
      await close();
    }
  }, 60_000);
});
