// Server-side cases against the generated server, served by its own `node:http` listener
// (createNodeListener: body limits, media-type checks, routing, decoding, validation, encoding)
// on a loopback port in this process. The implementation behind it is swapped per case: it
// records the input it is called with and answers what the case says.

import { once } from 'node:events';
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localName, type SmithyAst } from '../../../codegen/smithy/ast.js';
import type { MalformedCase, ProtocolCase, RequestCase, ResponseCase } from '../suite/cases.js';
import { bodyProblems, headerProblems, malformedBodyProblems } from './compare.js';
import type { GeneratedService } from './generate.js';
import { errorText, failed, fromProblems, type Outcome } from './outcome.js';
import { rawRequest, requestFor, requestOfCase, type RawRequest } from './requests.js';
import { describe, difference, plainValue, shapeOf, typedStructure } from './values.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What the implementation does for the case at hand. */
type Behaviour = (operation: string, input: unknown) => Promise<unknown>;

const ANSWER_WITHIN_MS = 5_000;

export class LoopbackServer {
  private behaviour: Behaviour = async () => ({});
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(generated: GeneratedService): Promise<LoopbackServer> {
    const createNodeListener = generated.server.createNodeListener;
    if (typeof createNodeListener !== 'function') throw new Error('the server exports no createNodeListener');
    let self: LoopbackServer | undefined;
    // Every operation of the implementation goes to the behaviour of the case being run.
    const implementation = new Proxy({}, { get: (_, name) => (typeof name === 'string' ? (input: unknown) => self!.behaviour(name, input) : undefined) });
    const server = createServer(createNodeListener(implementation));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    self = new LoopbackServer(server, (server.address() as AddressInfo).port);
    return self;
  }

  async send(request: RawRequest, behaviour: Behaviour): Promise<RawResponse> {
    this.behaviour = behaviour;
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['Content-Length'] = String(request.body.length);
    return new Promise<RawResponse>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: this.port, method: request.method, path: request.target, headers, agent: this.agent, timeout: ANSWER_WITHIN_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${ANSWER_WITHIN_MS / 1000} s`)));
      req.on('error', reject);
      req.end(request.body);
    });
  }

  async close(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const answered = (response: RawResponse) => {
  const type = response.headers['x-amzn-errortype'];
  return `${response.status}${type ? ` ${String(type).split(':')[0]}` : ''}`;
};

export async function serverRequestCase(ast: SmithyAst, c: RequestCase, generated: GeneratedService, server: LoopbackServer): Promise<Outcome> {
  const name = generated.operationNames.get(c.operation);
  if (!name) return failed('server: the operation is not in the generated model', `${localName(c.operation)} is not among the generated operations`);
  let called: { operation: string; input: unknown } | undefined;
  let response: RawResponse;
  try {
    response = await server.send(requestOfCase(c.test), async (operation, input) => {
      called = { operation, input };
      return {};
    });
  } catch (error) {
    return failed('server request: no answer', errorText(error));
  }
  if (!called) return failed(`server request: refused, the operation was not called (answered ${answered(response)})`, `answered ${answered(response)}: ${response.body.toString('utf8').slice(0, 200)}`);
  if (called.operation !== name) return failed('server request: routed to another operation', `want ${name}, called ${called.operation}`);
  const shape = shapeOf(ast, ast.shapes[c.operation].input?.target ?? 'smithy.api#Unit');
  const want = shape ? typedStructure(ast, shape, c.test.params ?? {}) : {};
  const d = difference(want, await plainValue(called.input));
  return d ? failed(`server request: input ${d.replace(/:.*$/, '')} differs`, d) : { status: 'passed' };
}

export async function serverResponseCase(ast: SmithyAst, c: ResponseCase, generated: GeneratedService, server: LoopbackServer, cases: readonly ProtocolCase[]): Promise<Outcome> {
  const name = generated.operationNames.get(c.operation);
  if (!name) return failed('server: the operation is not in the generated model', `${localName(c.operation)} is not among the generated operations`);
  const test = c.test;
  const shape = shapeOf(ast, c.error ?? ast.shapes[c.operation].output?.target ?? 'smithy.api#Unit');
  const params = shape ? typedStructure(ast, shape, test.params ?? {}) : {};
  let called = false;
  let response: RawResponse;
  try {
    response = await server.send(requestFor(ast, cases, c.operation), async () => {
      called = true;
      if (!c.error) return params;
      // A modeled error as the generated server documents it: an error named as the model names it, with its members.
      const message = params.message ?? params.Message;
      throw Object.assign(new Error(typeof message === 'string' ? message : ''), params, { name: localName(c.error) });
    });
  } catch (error) {
    return failed('server response: no answer', errorText(error));
  }
  if (!called) return failed(`server response: the request to reach the operation was refused (answered ${answered(response)})`, `answered ${answered(response)}: ${response.body.toString('utf8').slice(0, 200)}`);
  const problems: string[] = [];
  if (response.status !== test.code) problems.push(`status: want ${test.code}, got ${response.status}`);
  problems.push(...headerProblems(response.headers, test));
  problems.push(...bodyProblems(response.body, test));
  return fromProblems('server response', problems);
}

export async function malformedCase(c: MalformedCase, generated: GeneratedService, server: LoopbackServer): Promise<Outcome> {
  if (!generated.operationNames.get(c.operation)) return failed('server: the operation is not in the generated model', `${localName(c.operation)} is not among the generated operations`);
  const want = c.test.response;
  let calledWith: unknown;
  let response: RawResponse;
  try {
    response = await server.send(rawRequest(c.test.request), async (_operation, input) => {
      calledWith = input;
      return {};
    });
  } catch (error) {
    return failed('malformed request: no answer', errorText(error));
  }
  const problems: string[] = [];
  if (calledWith !== undefined) problems.push(`accepted: the operation was called with ${describe(await plainValue(calledWith))}`);
  if (response.status !== want.code) problems.push(`status: want ${want.code}, got ${response.status}`);
  problems.push(...headerProblems(response.headers, { headers: want.headers }));
  problems.push(...malformedBodyProblems(response.body, want.body));
  return fromProblems('malformed request', problems);
}
