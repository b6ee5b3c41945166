/**
 * The server fuzzed over HTTP: requests mixing valid and invalid labels, queries, headers and
 * body members. Every answer must be a success or a modeled error (never a 5xx), and the stored
 * policy must agree with the answers: a 201's statement is in GetPolicy afterwards, a 204's Sid is
 * not, and a refused request changes nothing.
 */
import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { createRegistry } from '../../runtime/registry.js';
import { startServer, type RunningServer } from '../../runtime/server.js';

/** Every error name the server may answer with: the operations' modeled errors and the protocol's own. */
export const KNOWN_ERRORS = new Set([
  'ValidationException',
  'InvalidParameterValueException',
  'PolicyLengthExceededException',
  'PreconditionFailedException',
  'ResourceConflictException',
  'ResourceNotFoundException',
  'TooManyRequestsException',
  'SerializationException',
  'UnsupportedMediaTypeException',
  'RequestTooLargeException',
  'UnknownOperationException',
  'MethodNotAllowedException',
  'BadRequestException',
]);

export interface Reply {
  status: number;
  errorType?: string;
  body: string;
}

export interface FuzzTarget {
  server: RunningServer;
  send(method: string, path: string, headers: Record<string, string>, body: string): Promise<Reply>;
  close(): Promise<void>;
}

export async function startTarget(): Promise<FuzzTarget> {
  const registry = createRegistry({
    region: 'us-east-2',
    account: '123456789012',
    functions: [
      { name: 'my-function', versions: ['1', '2'], aliases: { PROD: '1', BETA: '2' } },
      { name: 'other-function' },
    ],
  });
  const server = await startServer({ port: 0, registry });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method: string, path: string, headers: Record<string, string>, body: string) =>
    new Promise<Reply>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, errorType: res.headers['x-amzn-errortype'] as string | undefined, body: text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return { server, send, close: async () => (agent.destroy(), server.close()) };
}

const ARN = 'arn:aws:lambda:us-east-2:123456789012:function:my-function';
const text = fc.string({ maxLength: 40, unit: 'grapheme' });
const junk = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));

const functionName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('my-function', 'my-function:PROD', 'my-function:1', 'my-function:2', ARN, `${ARN}:BETA`, '123456789012:function:my-function', 'function:other-function', 'other-function') },
  { weight: 1, arbitrary: fc.constantFrom('no-such-function', 'my-function:nope', 'my-function:42', 'my-function:$LATEST', 'arn:aws:lambda:us-west-1:123456789012:function:my-function', '') },
  { weight: 1, arbitrary: text },
);
const qualifier = fc.option(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('PROD', 'BETA', '1', '2', '$LATEST', '') }, { weight: 1, arbitrary: text }), { nil: undefined });
const statementId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('s1', 's2', 's3', 's4', 'a-b_c', 'x'.repeat(100)) }, { weight: 1, arbitrary: text });

/** A body member: absent, a plausible value, or (when `wild`) anything at all. */
const member = <T>(valid: fc.Arbitrary<T>, wild: boolean) =>
  fc.option(wild ? fc.oneof({ weight: 4, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk }) : (valid as fc.Arbitrary<unknown>), { nil: undefined, freq: 2 });

/** AddPermission bodies; tame ones have the required members and plausible values only. */
const addBody = (wild: boolean) =>
  fc.record(
    {
      StatementId: wild ? fc.oneof({ weight: 6, arbitrary: statementId as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk }) : fc.constantFrom('s1', 's2', 's3', 's4', 'a-b_c'),
      Action: wild
        ? member(fc.constantFrom('lambda:InvokeFunction', 'lambda:InvokeFunctionUrl', 'lambda:*', 'lambda:GetFunction', 's3:GetObject'), true)
        : fc.constantFrom('lambda:InvokeFunction', 'lambda:InvokeFunction', 'lambda:InvokeFunctionUrl', 'lambda:*'),
      Principal: wild
        ? member(fc.constantFrom('*', 's3.amazonaws.com', '123456789012', 'arn:aws:iam::123456789012:root', 'alexa-appkit.amazon.com', 'not a principal'), true)
        : fc.constantFrom('*', 's3.amazonaws.com', '123456789012', 'arn:aws:iam::123456789012:root'),
      SourceArn: member(fc.constantFrom('arn:aws:s3:::my-bucket', 'arn:aws:sns:us-east-2:123456789012:topic'), wild),
      SourceAccount: member(fc.constantFrom('123456789012', '12345'), wild),
      EventSourceToken: member(fc.constantFrom('token-1', 'a'.repeat(300)), wild),
      RevisionId: member(wild ? fc.uuid() : fc.constant(null), wild),
      PrincipalOrgID: member(fc.constantFrom('o-a1b2c3d4e5', 'o-'), wild),
      FunctionUrlAuthType: member(fc.constantFrom('NONE', 'AWS_IAM', 'none'), wild),
      InvokedViaFunctionUrl: member(fc.boolean(), wild),
      Unmodeled: member(text, wild),
    },
    { requiredKeys: wild ? [] : ['StatementId', 'Action', 'Principal'] },
  );

export interface FuzzRequest {
  kind: 'add' | 'get' | 'remove' | 'other';
  functionName: string;
  qualifier?: string;
  statementId: string;
  revisionId?: string;
  body: string;
  contentType?: string;
  extraHeaders: Record<string, string>;
  method: string;
  rawLabel: boolean;
}

const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,20}$/);
const headerValue = fc.stringMatching(/^[ -~]{0,60}$/).map((value) => value.trim());

/** Requests a well-behaved client could send, with now and then a value the service refuses. */
const tameRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  kind: fc.constantFrom('add', 'add', 'add', 'get', 'remove'),
  functionName: fc.constantFrom('my-function', 'my-function:PROD', 'my-function:1', ARN, `${ARN}:BETA`, 'other-function'),
  qualifier: fc.constant(undefined),
  statementId: fc.constantFrom('s1', 's2', 's3', 's4', 'a-b_c'),
  revisionId: fc.constant(undefined),
  body: addBody(false).map((value) => JSON.stringify(value)),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
  extraHeaders: fc.dictionary(headerName, headerValue, { maxKeys: 2 }),
  method: fc.constant('PUT'),
  rawLabel: fc.constant(false),
});

/** Anything: labels, queries, headers, bodies and methods mixing valid and invalid parts. */
const wildRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  kind: fc.constantFrom('add', 'add', 'add', 'get', 'remove', 'remove', 'other'),
  functionName,
  qualifier,
  statementId,
  revisionId: fc.option(fc.oneof(fc.uuid(), fc.constant('')), { nil: undefined }),
  body: fc.oneof(
    { weight: 8, arbitrary: addBody(true).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '[]', 'null', '"text"', '{"StatementId":' + '['.repeat(3000)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  ),
  contentType: fc.option(fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-amz-json-1.1'), { nil: undefined, freq: 8 }),
  extraHeaders: fc.dictionary(headerName, headerValue, { maxKeys: 3 }),
  method: fc.constantFrom('PUT', 'PATCH', 'HEAD', 'OPTIONS'),
  // Now and then a label that is not correctly percent-encoded.
  rawLabel: fc.nat(15).map((n) => n === 0),
});

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(tameRequest, wildRequest);

function pathOf(request: FuzzRequest, withSid: boolean): string {
  const label = request.rawLabel ? request.functionName.replace(/[^A-Za-z0-9%:$_-]/g, '%') : encodeURIComponent(request.functionName);
  let path = `/2015-03-31/functions/${label}/policy`;
  if (withSid) path += `/${encodeURIComponent(request.statementId)}`;
  const query = new URLSearchParams();
  if (request.qualifier !== undefined) query.set('Qualifier', request.qualifier);
  if (withSid && request.revisionId !== undefined) query.set('RevisionId', request.revisionId);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** How often each answer came back (`201`, `400 ValidationException`, …), for the long run's report. */
export const outcomes = new Map<string, number>();

function checkAnswer(reply: Reply, what: string): void {
  const outcome = `${what} ${reply.status}${reply.errorType ? ` ${reply.errorType}` : ''}`;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (reply.status >= 500) throw new Error(`${what}: ${reply.status} ${reply.errorType} ${reply.body}`);
  if (reply.status >= 400) {
    if (!reply.errorType || !KNOWN_ERRORS.has(reply.errorType)) throw new Error(`${what}: unknown error ${reply.errorType} (${reply.status})`);
    // A HEAD answer carries the headers only.
    if (what === 'HEAD') return;
    if (!reply.errorType || !KNOWN_ERRORS.has(reply.errorType)) throw new Error(`${what}: unknown error ${reply.errorType} (${reply.status})`);
    const body = JSON.parse(reply.body) as Record<string, unknown>;
    if (typeof (body.message ?? body.Message) !== 'string') throw new Error(`${what}: error without message: ${reply.body}`);
  } else if (![200, 201, 204].includes(reply.status)) {
    throw new Error(`${what}: unexpected status ${reply.status}`);
  }
}

/** The statements of the policy the request's name and qualifier point at, or undefined where there is none to read. */
async function statements(target: FuzzTarget, request: FuzzRequest): Promise<Array<Record<string, unknown>> | undefined> {
  const reply = await target.send('GET', pathOf({ ...request }, false), {}, '');
  checkAnswer(reply, 'GetPolicy');
  if (reply.status !== 200) return undefined;
  return (JSON.parse(JSON.parse(reply.body).Policy) as { Statement: Array<Record<string, unknown>> }).Statement;
}

const hasSid = (list: Array<Record<string, unknown>> | undefined, sid: unknown) => (list ?? []).some((statement) => statement.Sid === sid);

/** One request and the checks around it. Throws (with what went wrong) on any broken rule. */
export async function runCase(target: FuzzTarget, request: FuzzRequest): Promise<void> {
  const headers: Record<string, string> = { ...request.extraHeaders };
  if (request.contentType !== undefined) headers['Content-Type'] = request.contentType;
  if (request.kind === 'get') {
    checkAnswer(await target.send('GET', pathOf(request, false), headers, ''), 'GetPolicy');
    return;
  }
  if (request.kind === 'other') {
    checkAnswer(await target.send(request.method, pathOf(request, false), headers, request.method === 'HEAD' ? '' : request.body), request.method);
    return;
  }
  const sid = request.kind === 'add' ? tryParse(request.body)?.StatementId : request.statementId;
  const before = await statements(target, request);
  const reply =
    request.kind === 'add'
      ? await target.send('POST', pathOf(request, false), headers, request.body)
      : await target.send('DELETE', pathOf(request, true), headers, '');
  checkAnswer(reply, request.kind === 'add' ? 'AddPermission' : 'RemovePermission');
  const after = await statements(target, request);
  if (reply.status === 201) {
    const statement = JSON.parse(JSON.parse(reply.body).Statement) as Record<string, unknown>;
    if (!after?.some((s) => JSON.stringify(s) === JSON.stringify(statement))) throw new Error(`201 statement ${JSON.stringify(statement)} is not in GetPolicy`);
  } else if (reply.status === 204) {
    if (hasSid(after, sid)) throw new Error(`204 for Sid ${String(sid)}, but GetPolicy still has it`);
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    throw new Error(`refused ${request.kind} (${reply.status} ${reply.errorType}) changed the policy`);
  }
}

function tryParse(body: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(body) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `numRuns` cases against one server; resolves with the count, rejects with fast-check's report. */
export async function fuzz(numRuns: number, seed?: number): Promise<number> {
  const target = await startTarget();
  let cases = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        cases++;
        await runCase(target, request);
      }),
      { numRuns, seed, endOnFailure: true },
    );
    // The server still answers after everything.
    const reply = await target.send('GET', '/health', {}, '');
    if (reply.status !== 200) throw new Error(`/health answered ${reply.status} after the run`);
  } finally {
    await target.close();
  }
  return cases;
}
