// The stages each Lambda operation is measured through, past generation and type-checking:
//   client-wire         the generated client's request equals @aws-sdk/client-lambda's for the same input
//   server-accepts-sdk  the generated server decodes the SDK's request to that same input
//   sdk-parses-server   the SDK parses the generated server's answer: the output, and every modeled error as its typed exception
//   round-trip          generated client ↔ generated server: output, every modeled error, one validation failure
//
// Requests are captured by a request handler given to each client (no network). The servers run
// on loopback with an in-memory implementation that answers every operation with its sample
// output (or throws the error a test asks for).
//
// What is normalised, because it must differ between two clients: the user agent headers, the
// SDK's invocation id and attempt headers, the date, the signature (authorization,
// x-amz-content-sha256, x-amz-security-token), and content-length (both HTTP layers set it from
// the body, which is compared byte for byte or as JSON).

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Generation } from './generation.js';
import { invalidInput, sampleStructure, sampleValue, shapeOf, type SmithyModel } from './samples.js';

export const STAGES = ['generate', 'typecheck', 'client-wire', 'server-accepts-sdk', 'sdk-parses-server', 'round-trip'] as const;
export type Stage = (typeof STAGES)[number];

export const NORMALISED_HEADERS = ['user-agent', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request', 'x-amz-date', 'authorization', 'x-amz-content-sha256', 'x-amz-security-token', 'content-length'];

const REGION = 'us-east-1';
const ENDPOINT = 'https://lambda.us-east-1.amazonaws.com';
export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** A failed stage: `summary` groups alike failures across operations; `detail` is this one's. */
export interface Failure { summary: string; detail: string }

type Module = Record<string, any>;

export interface Operation {
  name: string;
  id: string;
  inputId: string;
  outputId: string | undefined;
  errors: string[];
  httpCode: number;
}

export function operationOf(model: SmithyModel, name: string): Operation {
  const id = Object.keys(model.shapes).find((k) => k.endsWith(`#${name}`) && model.shapes[k]!.type === 'operation')!;
  const shape = model.shapes[id]!;
  return {
    name, id,
    inputId: shape.input?.target ?? 'smithy.api#Unit',
    outputId: shape.output?.target,
    errors: (shape.errors ?? []).map((e: { target: string }) => e.target.replace(/^.*#/, '')).sort(),
    httpCode: shape.traits?.['smithy.api#http']?.code ?? 200,
  };
}

/** A captured request in comparable form. */
export interface WireRequest {
  method: string;
  hostname: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body: { json: unknown } | { bytes: string } | null;
}

async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof (body as { pipe?: unknown }).pipe === 'function' || Symbol.asyncIterator in (body as object)) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    return new Uint8Array(Buffer.concat(chunks));
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  throw new Error(`a request body of an unexpected kind (${Object.prototype.toString.call(body)})`);
}

export async function comparableRequest(request: { method: string; hostname: string; path: string; query?: Record<string, string | string[] | null>; headers: Record<string, string>; body?: unknown }): Promise<WireRequest> {
  const query: [string, string][] = [];
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) query.push([key, v]);
  }
  query.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || NORMALISED_HEADERS.includes(name.toLowerCase())) continue;
    headers[name.toLowerCase()] = String(value);
  }
  const bytes = await bytesOf(request.body);
  let body: WireRequest['body'] = null;
  if (bytes.length > 0) {
    const text = new TextDecoder().decode(bytes);
    try {
      body = /json/.test(headers['content-type'] ?? '') ? { json: JSON.parse(text) } : { bytes: Buffer.from(bytes).toString('base64') };
    } catch {
      body = { bytes: Buffer.from(bytes).toString('base64') };
    }
  }
  return { method: request.method, hostname: request.hostname, path: request.path, query, headers, body };
}

/** Values as plain JSON-like data: dates and bytes tagged, undefined members dropped. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '$metadata') out[k] = plain(v);
    return out;
  }
  return value;
}

/** Where two values first differ, as `at: ours vs theirs`; undefined when they are equal. */
export function firstDifference(ours: unknown, theirs: unknown, at = ''): string | undefined {
  if (isDeepStrictEqual(ours, theirs)) return undefined;
  const show = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v).slice(0, 120));
  if (ours && theirs && typeof ours === 'object' && typeof theirs === 'object' && Array.isArray(ours) === Array.isArray(theirs)) {
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
    for (const k of keys) {
      const d = firstDifference((ours as Record<string, unknown>)[k], (theirs as Record<string, unknown>)[k], `${at}${Array.isArray(ours) ? `[${k}]` : `.${k}`}`);
      if (d) return d;
    }
  }
  return `${at || '(value)'}: ${show(ours)} vs ${show(theirs)}`;
}

/** What kind of difference, for grouping: the field and, for headers, which header. */
function differenceSummary(ours: WireRequest, sdk: WireRequest): string {
  const kinds: string[] = [];
  for (const field of ['method', 'hostname', 'path', 'query'] as const) if (!isDeepStrictEqual(ours[field], sdk[field])) kinds.push(field);
  for (const name of [...new Set([...Object.keys(ours.headers), ...Object.keys(sdk.headers)])].sort()) {
    if (ours.headers[name] === sdk.headers[name]) continue;
    kinds.push(ours.headers[name] === undefined ? `header ${name} missing` : sdk.headers[name] === undefined ? `header ${name} extra` : `header ${name} differs`);
  }
  if (!isDeepStrictEqual(ours.body, sdk.body)) {
    const json = (b: WireRequest['body']) => (b && 'json' in b ? 'JSON' : b ? 'bytes' : 'none');
    kinds.push(json(ours.body) === json(sdk.body) ? `body (${json(ours.body)}) differs` : `body is ${json(ours.body)}, SDK sends ${json(sdk.body)}`);
  }
  return `request differs: ${kinds.join(', ')}`;
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!.slice(0, 300);

/** An error a stage can throw to say why the operation fails it. */
export class StageFailure extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.summary} — ${failure.detail}`);
  }
}
const fail = (summary: string, detail: string): never => {
  throw new StageFailure({ summary, detail });
};

class Captured extends Error {
  constructor(readonly request: unknown) {
    super('request captured; not sent');
  }
}

/** Everything a stage needs: the model, both clients' modules, and a loopback server of the generated one. */
export interface Exchange {
  model: SmithyModel;
  generation: Generation;
  sdk: Module;
  client?: Module;
  server?: Module;
  /** Why the generated client or server module could not be loaded. */
  loadError?: string;
  url: string;
  /** What the server's implementation does next: return an output or throw. */
  respond: (operation: string, input: unknown) => unknown;
  /** Inputs the implementation received. */
  received: { operation: string; input: unknown }[];
  close(): Promise<void>;
}

export async function openExchange(model: SmithyModel, generation: Generation): Promise<Exchange> {
  const sdk = (await import('@aws-sdk/client-lambda')) as Module;
  const exchange: Exchange = {
    model, generation, sdk, url: '', received: [],
    respond: () => ({}),
    close: async () => {},
  };
  if (generation.generated.length === 0) {
    exchange.loadError = 'nothing was generated';
    return exchange;
  }
  try {
    exchange.client = (await import(pathToFileURL(join(generation.out, 'client', 'src', 'index.ts')).href)) as Module;
    exchange.server = (await import(pathToFileURL(join(generation.out, 'server', 'index.ts')).href)) as Module;
  } catch (error) {
    exchange.loadError = `the generated code does not load: ${errorText(error)}`;
    return exchange;
  }
  const implementation = new Proxy({}, {
    get: (_, operation) => async (input: unknown) => {
      exchange.received.push({ operation: String(operation), input });
      return exchange.respond(String(operation), input);
    },
  });
  const server = http.createServer(exchange.server.createNodeListener(implementation));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  exchange.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  exchange.close = () => new Promise((done) => server.close(() => done()));
  return exchange;
}

/** The operation's sample input; its sample output, with the response-code member set to the operation's success code. */
export function samplesOf(model: SmithyModel, op: Operation): { input: Record<string, unknown>; output: Record<string, unknown> } {
  const input = sampleStructure(model, op.inputId);
  const output = op.outputId ? sampleStructure(model, op.outputId) : {};
  for (const [name, member] of Object.entries(op.outputId ? shapeOf(model, op.outputId).members ?? {} : {})) {
    if (member.traits?.['smithy.api#httpResponseCode'] !== undefined) output[name] = op.httpCode;
    const target = shapeOf(model, member.target);
    if (target.type === 'union' && target.traits?.['smithy.api#streaming'] !== undefined) output[name] = sampleEvents(model, member.target);
  }
  return { input, output };
}

/**
 * An event stream's sample: one event of each of the union's members, in model order. It can be
 * iterated more than once (a server's answer and the expected value both read it).
 */
export function sampleEvents(model: SmithyModel, union: string): AsyncIterable<Record<string, unknown>> & { events: Record<string, unknown>[] } {
  const events = Object.entries(shapeOf(model, union).members ?? {}).map(([name, member]) => ({ [name]: sampleValue(model, member, [name]) }));
  return {
    events,
    async *[Symbol.asyncIterator]() {
      for (const event of events) yield event;
    },
  };
}

function requireLoaded(exchange: Exchange, op: Operation): { client: Module; server: Module } {
  if (!exchange.generation.generated.includes(op.name)) fail('not generated', exchange.generation.refused[op.name] ?? 'not generated');
  if (!exchange.client || !exchange.server) fail(exchange.loadError!.replace(/:.*$/, ''), exchange.loadError!);
  if (typeof exchange.client![`${op.name}Command`] !== 'function') fail('no command class', `the generated client exports no ${op.name}Command`);
  return { client: exchange.client!, server: exchange.server! };
}

async function capture(Client: any, Command: any, input: unknown): Promise<WireRequest> {
  const client = new Client({
    region: REGION, endpoint: ENDPOINT, credentials: CREDENTIALS, maxAttempts: 1,
    requestHandler: { handle: async (request: unknown) => { throw new Captured(request); }, updateHttpClientConfig() {}, httpHandlerConfigs: () => ({}), destroy() {} },
  });
  try {
    await client.send(new Command(input));
  } catch (error) {
    if (error instanceof Captured) return comparableRequest(error.request as Parameters<typeof comparableRequest>[0]);
    throw error;
  } finally {
    client.destroy?.();
  }
  throw new Error('the client sent no request');
}

/** Both clients' requests for the operation's sample input. */
export async function bothRequests(exchange: Exchange, op: Operation): Promise<{ ours: WireRequest; sdk: WireRequest }> {
  const { client } = requireLoaded(exchange, op);
  const { input } = samplesOf(exchange.model, op);
  const sdk = await capture(exchange.sdk.LambdaClient, exchange.sdk[`${op.name}Command`], input).catch((e) => fail('the SDK sends no request', errorText(e)));
  const ours = await capture(client.LambdaClient, client[`${op.name}Command`], input).catch((e) => fail('the generated client sends no request', errorText(e)));
  return { ours, sdk };
}

export async function clientWire(exchange: Exchange, op: Operation): Promise<void> {
  const { ours, sdk } = await bothRequests(exchange, op);
  if (!isDeepStrictEqual(ours, sdk)) fail(differenceSummary(ours, sdk), firstDifference(ours, sdk)!);
}

const sdkClient = (exchange: Exchange) => new exchange.sdk.LambdaClient({ region: REGION, endpoint: exchange.url, credentials: CREDENTIALS, maxAttempts: 1 });
const ourClient = (exchange: Exchange, client: Module) => new client.LambdaClient({ region: REGION, endpoint: exchange.url, credentials: CREDENTIALS, maxAttempts: 1 });

/** The SDK sends the sample input to the generated server; what the implementation receives and what the SDK returns. */
export async function sdkExchange(exchange: Exchange, op: Operation): Promise<{ received: unknown; sent: unknown; output: unknown; expected: unknown }> {
  requireLoaded(exchange, op);
  const { input, output } = samplesOf(exchange.model, op);
  exchange.received = [];
  exchange.respond = () => output;
  const client = sdkClient(exchange);
  try {
    const got = await client.send(new exchange.sdk[`${op.name}Command`](input)).catch((e: unknown) => fail(`the SDK's call fails: ${(e as Error).name ?? 'error'}`, errorText(e)));
    const received = exchange.received.find((r) => r.operation === op.name)?.input;
    return { received: plain(received), sent: plain(input), output: plain(await settled(got)), expected: plain(await settled(output)) };
  } finally {
    client.destroy();
  }
}

/** Streaming outputs read to the end: a blob the SDK hands over as a stream to bytes, an event stream to its list of events. */
export async function settled(output: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...output };
  for (const [k, v] of Object.entries(out)) {
    if (v && typeof v === 'object' && typeof (v as { transformToByteArray?: unknown }).transformToByteArray === 'function') out[k] = new Uint8Array(await (v as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    else if (v && typeof v === 'object' && Symbol.asyncIterator in v) {
      const events: unknown[] = [];
      for await (const event of v as AsyncIterable<unknown>) events.push(event);
      out[k] = events;
    }
  }
  return out;
}

export async function serverAcceptsSdk(exchange: Exchange, op: Operation): Promise<void> {
  const { received, sent } = await sdkExchange(exchange, op);
  if (received === undefined) fail('the implementation is not called', 'the generated server answered without calling the implementation');
  const d = firstDifference(received, sent);
  if (d) fail(`decoded input differs${/\$date|\$bytes/.test(d) ? ' (timestamp or blob)' : ''}`, d);
}

/** An error the implementation throws, with sample values for the error's members. */
export function thrownError(model: SmithyModel, name: string): { error: Error; members: Record<string, unknown> } {
  const id = Object.keys(model.shapes).find((k) => k.endsWith(`#${name}`))!;
  const members = sampleStructure(model, id);
  const message = (members.message ?? members.Message ?? `${name} raised by the test implementation`) as string;
  return { error: Object.assign(new Error(message), { name }, members), members };
}

/** How an error the client returns compares with what was thrown: name, class, members. */
function errorMismatch(caught: unknown, name: string, members: Record<string, unknown>, classes: Module, base: string): string | undefined {
  if (!(caught instanceof Error)) return `not an Error: ${String(caught)}`;
  if (caught.name !== name) return `arrives as ${caught.name} (${errorText(caught)})`;
  if (typeof classes[name] !== 'function') return `no exception class ${name} is exported`;
  if (!(caught instanceof classes[name])) return `is not an instance of the ${name} class`;
  if (!(caught instanceof classes[base])) return `is not an instance of ${base}`;
  for (const [member, value] of Object.entries(members)) {
    const got = /^message$/i.test(member) ? caught.message : (caught as unknown as Record<string, unknown>)[member];
    const d = firstDifference(plain(got), plain(value), member);
    if (d) return `member ${d}`;
  }
  return undefined;
}

export async function sdkParsesServer(exchange: Exchange, op: Operation): Promise<void> {
  const { output, expected } = await sdkExchange(exchange, op);
  const d = firstDifference(output, expected);
  if (d) fail('the SDK reads another output', d);
  const { input } = samplesOf(exchange.model, op);
  const client = sdkClient(exchange);
  try {
    for (const name of op.errors) {
      const { error, members } = thrownError(exchange.model, name);
      exchange.respond = () => { throw error; };
      const caught = await client.send(new exchange.sdk[`${op.name}Command`](input)).then(() => undefined, (e: unknown) => e);
      const mismatch = errorMismatch(caught, name, members, exchange.sdk, 'LambdaServiceException');
      if (mismatch) fail(`the SDK reads a modeled error otherwise${mismatch.startsWith('arrives as') ? ` (${(caught as Error).name})` : ''}`, `${name} ${mismatch}`);
    }
  } finally {
    client.destroy();
  }
}

export async function roundTrip(exchange: Exchange, op: Operation): Promise<{ validation: string }> {
  const { client: module } = requireLoaded(exchange, op);
  const { input, output } = samplesOf(exchange.model, op);
  const client = ourClient(exchange, module);
  const Command = module[`${op.name}Command`];
  try {
    exchange.received = [];
    exchange.respond = () => output;
    const got = await client.send(new Command(input)).catch((e: unknown) => fail(`the generated client's call fails: ${(e as Error).name ?? 'error'}`, errorText(e)));
    const received = exchange.received.find((r) => r.operation === op.name)?.input;
    const dIn = firstDifference(plain(received), plain(input));
    if (dIn) fail('the server decodes the generated client\'s input otherwise', dIn);
    const dOut = firstDifference(plain(await settled(got)), plain(await settled(output)));
    if (dOut) fail('the generated client reads another output', dOut);
    for (const name of op.errors) {
      const { error, members } = thrownError(exchange.model, name);
      exchange.respond = () => { throw error; };
      const caught = await client.send(new Command(input)).then(() => undefined, (e: unknown) => e);
      const mismatch = errorMismatch(caught, name, members, module, 'LambdaServiceException');
      if (mismatch) fail(`the generated client reads a modeled error otherwise`, `${name} ${mismatch}`);
    }
    const invalid = invalidInput(exchange.model, op.inputId, input);
    if (!invalid) return { validation: 'no constrained input member to break' };
    exchange.received = [];
    exchange.respond = () => output;
    const caught = await client.send(new Command(invalid.input)).then(() => undefined, (e: unknown) => e);
    const expected = exchange.generation.validationError ?? 'ValidationException';
    if (exchange.received.length > 0) fail('an invalid input reaches the implementation', `${invalid.broken}: the implementation was called`);
    if (!(caught instanceof Error) || caught.name !== expected) fail('an invalid input is not refused as the validation error', `${invalid.broken}: ${caught === undefined ? 'accepted' : errorText(caught)}`);
    return { validation: invalid.broken };
  } finally {
    client.destroy?.();
  }
}

/** A stage's outcome: undefined when passed, else the failure. */
export async function outcome(run: () => Promise<unknown>): Promise<Failure | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof StageFailure) return error.failure;
    return { summary: `the harness fails: ${(error as Error).name ?? 'error'}`, detail: errorText(error) };
  }
}
