// Client-side cases against the generated client: the request it sends for a request case's
// parameters (caught by a request handler that records it, no network), and what it makes of a
// response case's response (handed back by the same kind of handler, as the AWS SDK's Node
// handler hands one over: lower-case header names, the body as a stream).

import { Readable } from 'node:stream';
import { clientSymbols } from '../../../codegen/model/symbols.js';
import { localName, type SmithyAst } from '../../../codegen/smithy/ast.js';
import type { ProtocolCase, RequestCase, ResponseCase } from '../suite/cases.js';
import { bodyProblems, headerProblems, queryProblems, type QueryPair } from './compare.js';
import type { GeneratedService } from './generate.js';
import { errorCause, errorText, failed, fromProblems, type Outcome } from './outcome.js';
import { inputFor } from './requests.js';
import { difference, plainValue, readBytes, shapeOf, typedStructure } from './values.js';

/** Static credentials: the client signs, and the signature is no part of any case. */
const CREDENTIALS = { accessKeyId: 'AKIDPROTOCOLTESTS', secretAccessKey: 'protocol-tests-secret' };

interface CapturedRequest {
  method: string;
  hostname?: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null | undefined>;
  headers: Record<string, string>;
  body?: unknown;
}

function commandFor(generated: GeneratedService, operation: string): { Client: any; Command: any } | Outcome {
  const name = generated.operationNames.get(operation);
  if (!name) return failed('client: the operation is not in the generated model', `${localName(operation)} is not among the generated operations`);
  const Client = generated.client[generated.clientClass];
  const Command = generated.client[clientSymbols.command(name)];
  if (typeof Client !== 'function') return failed('client: no client class', `the client package exports no ${generated.clientClass}`);
  if (typeof Command !== 'function') return failed('client: no command class', `the client package exports no ${clientSymbols.command(name)}`);
  return { Client, Command };
}

function newClient(Client: any, endpoint: string, handle: (request: CapturedRequest) => Promise<{ response: unknown }>): any {
  return new Client({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1, requestHandler: { handle, updateHttpClientConfig() {}, httpHandlerConfigs: () => ({}), destroy() {} } });
}

/** The idempotency token a client must fill in under test, per the compliance-test specification. */
export const TEST_IDEMPOTENCY_TOKEN = '00000000-0000-4000-8000-000000000000';

/**
 * Runs `send` with the platform's UUID source (`crypto.randomUUID`, in Node and browsers alike)
 * answering the test token, as the SDKs' own protocol tests fix theirs; restored afterwards.
 */
async function withTestToken<T>(send: () => Promise<T>): Promise<T> {
  const crypto = globalThis.crypto as Crypto & { randomUUID: () => string };
  Object.defineProperty(crypto, 'randomUUID', { value: () => TEST_IDEMPOTENCY_TOKEN, configurable: true, writable: true });
  try {
    return await send();
  } finally {
    delete (crypto as { randomUUID?: unknown }).randomUUID;
  }
}

function queryPairs(query: CapturedRequest['query']): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (value === null) pairs.push({ key, value: undefined });
    else for (const v of Array.isArray(value) ? value : [value]) pairs.push({ key, value: v });
  }
  return pairs;
}

export async function clientRequestCase(ast: SmithyAst, c: RequestCase, generated: GeneratedService): Promise<Outcome> {
  const found = commandFor(generated, c.operation);
  if ('status' in found) return found;
  const test = c.test;
  let captured: CapturedRequest | undefined;
  const client = newClient(found.Client, `https://${test.host ?? 'example.com'}`, async (request) => {
    captured = request;
    return { response: { statusCode: 200, headers: {}, body: Readable.from([]) } };
  });
  const shape = shapeOf(ast, ast.shapes[c.operation].input?.target ?? 'smithy.api#Unit');
  const input = shape ? typedStructure(ast, shape, test.params ?? {}) : {};
  let thrown: unknown;
  try {
    await withTestToken(() => client.send(new found.Command(input)));
  } catch (error) {
    thrown = error;
  }
  if (!captured) return failed(`client request: threw before sending (${errorCause(thrown)})`, errorText(thrown));
  const problems: string[] = [];
  if (captured.method !== test.method) problems.push(`method: want ${test.method}, got ${captured.method}`);
  if (captured.path !== test.uri) problems.push(`uri: want ${test.uri}, got ${captured.path}`);
  if (test.resolvedHost !== undefined && captured.hostname !== test.resolvedHost) problems.push(`host: want ${test.resolvedHost}, got ${captured.hostname}`);
  problems.push(...queryProblems(queryPairs(captured.query), test));
  problems.push(...headerProblems(captured.headers, test));
  problems.push(...bodyProblems(await readBytes(captured.body), test));
  return fromProblems('client request', problems);
}

export async function clientResponseCase(ast: SmithyAst, c: ResponseCase, generated: GeneratedService, cases: readonly ProtocolCase[]): Promise<Outcome> {
  const found = commandFor(generated, c.operation);
  if ('status' in found) return found;
  const test = c.test;
  const headers = Object.fromEntries(Object.entries(test.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  let sent = false;
  const client = newClient(found.Client, 'https://example.com', async () => {
    sent = true;
    return { response: { statusCode: test.code, reason: '', headers, body: Readable.from(test.body ? [Buffer.from(test.body, 'utf8')] : []) } };
  });
  const outputId = c.error ?? ast.shapes[c.operation].output?.target ?? 'smithy.api#Unit';
  const shape = shapeOf(ast, outputId);
  const want = shape ? typedStructure(ast, shape, test.params ?? {}) : {};
  let output: unknown;
  try {
    output = await client.send(new found.Command(inputFor(ast, cases, c.operation)));
  } catch (error) {
    // The input is a sibling request case's (or a plain one): a client that cannot send it never sees the response.
    if (!sent) return failed(`client response: threw before sending the request (${errorCause(error)})`, errorText(error));
    if (!c.error) return failed(`client response: threw (${errorCause(error)})`, errorText(error));
    return errorProblems(error, localName(c.error), want);
  }
  if (c.error) return failed('client response: the error response was read as a success', `want ${localName(c.error)} thrown, got an output`);
  const d = difference(want, await plainValue(output));
  return d ? failed(`client response: output ${d.replace(/:.*$/, '')} differs`, d) : { status: 'passed' };
}

/** The thrown error must be the modeled error, carrying the case's members (its message too, where stated). */
async function errorProblems(error: unknown, name: string, want: Record<string, unknown>): Promise<Outcome> {
  const e = error as Record<string, unknown>;
  if (e?.name !== name) return failed('client response: the error is not the modeled one', `want ${name}, got ${errorText(error)}`);
  const got: Record<string, unknown> = {};
  for (const key of Object.keys(e)) if (!key.startsWith('$') && key !== 'name') got[key] = e[key];
  // The message lives on Error itself (not enumerable); compared when the case states it.
  for (const key of ['message', 'Message']) {
    if (key in want) got[key] = e[key];
    else if (key === 'message' || got[key] === undefined) delete got[key];
  }
  const d = difference(want, await plainValue(got));
  return d ? failed(`client response: error member ${d.replace(/:.*$/, '')} differs`, d) : { status: 'passed' };
}
