import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AddPermissionCommand, InvalidParameterValueException, LambdaClient, TooManyRequestsException } from '../../generated/client/src/index.js';
import { retryAfterHint } from '../../generated/client/src/runtime/retry.js';
import { listen, TEST_CREDENTIALS } from '../codegen/helpers.js';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

/** A stand-in for the service answering request N with answers[N] (the last one again after that), recording each request's headers. */
async function stub(answers: Answer[]) {
  const seen: IncomingMessage['headers'][] = [];
  const server = await listen((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(req.headers);
      answers[Math.min(seen.length, answers.length) - 1]!(req, res);
    });
  });
  servers.push(server);
  return { url: server.url, seen };
}
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const json = (status: number, body: object, headers: Record<string, string> = {}): Answer => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': `request-${status}`, ...headers });
  res.end(JSON.stringify(body));
};
const tooManyRequests = (headers: Record<string, string> = {}) =>
  json(429, { Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' }, { 'x-amzn-errortype': 'TooManyRequestsException', ...headers });
const created = json(201, { Statement: '{"Sid":"s3"}' });
const INPUT = { FunctionName: 'my-function', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' };
const client = (url: string, extra: Partial<ConstructorParameters<typeof LambdaClient>[0]> = {}) =>
  new LambdaClient({ region: 'us-east-1', endpoint: url, credentials: TEST_CREDENTIALS, ...extra });

describe('retries, as the AWS SDK makes them', () => {
  it('retries 429 TooManyRequestsException twice and succeeds on the third attempt, signing each one', async () => {
    const service = await stub([tooManyRequests(), tooManyRequests(), created]);
    const output = await client(service.url).send(new AddPermissionCommand(INPUT));
    expect(output.Statement).toBe('{"Sid":"s3"}');
    expect(output.$metadata.attempts).toBe(3);
    expect(output.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(0);
    expect(output.$metadata.httpStatusCode).toBe(201);
    expect(service.seen.map((h) => h['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3']);
    expect(new Set(service.seen.map((h) => h['amz-sdk-invocation-id'])).size).toBe(1);
    expect(service.seen.every((h) => /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//.test(h.authorization ?? ''))).toBe(true);
  });

  it('with maxAttempts: 1 fails at once with the service’s error', async () => {
    const service = await stub([tooManyRequests(), created]);
    const error = await client(service.url, { maxAttempts: 1 }).send(new AddPermissionCommand(INPUT)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error).toMatchObject({ name: 'TooManyRequestsException', Reason: 'CallerRateLimitExceeded', $metadata: { httpStatusCode: 429, attempts: 1, totalRetryDelay: 0 } });
    expect(service.seen).toHaveLength(1);
  });

  it('gives up after maxAttempts, reporting the attempts on the error', async () => {
    const service = await stub([json(503, { message: 'busy' }, { 'x-amzn-errortype': 'ServiceUnavailable' })]);
    const error = await client(service.url, { maxAttempts: 2 }).send(new AddPermissionCommand(INPUT)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServiceUnavailable', $fault: 'server', $metadata: { httpStatusCode: 503, attempts: 2 } });
    expect(service.seen).toHaveLength(2);
  });

  it('retries transient server errors (500, 502, 503, 504) but not client errors', async () => {
    const transient = await stub([json(500, { Type: 'Service', Message: 'oops' }, { 'x-amzn-errortype': 'ServiceException' }), json(502, {}), created]);
    expect((await client(transient.url).send(new AddPermissionCommand(INPUT))).$metadata.attempts).toBe(3);

    const invalid = await stub([json(400, { Type: 'User', message: 'bad' }, { 'x-amzn-errortype': 'InvalidParameterValueException' }), created]);
    const error = await client(invalid.url).send(new AddPermissionCommand(INPUT)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error).toMatchObject({ $metadata: { attempts: 1 } });
    expect(invalid.seen).toHaveLength(1);
  });

  it('retries a request whose connection was dropped', async () => {
    const service = await stub([(req) => req.socket.destroy(), created]);
    const output = await client(service.url).send(new AddPermissionCommand(INPUT));
    expect(output.$metadata.attempts).toBe(2);
  });

  it('waits as long as Retry-After asks (within the SDK’s bound)', async () => {
    const service = await stub([tooManyRequests({ 'retry-after': '1' }), created]);
    const output = await client(service.url).send(new AddPermissionCommand(INPUT));
    expect(output.$metadata.attempts).toBe(2);
    expect(output.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(900);
  });

  it('stops waiting for the next attempt when the call is aborted', async () => {
    const service = await stub([tooManyRequests()]);
    const controller = new AbortController();
    const call = client(service.url).send(new AddPermissionCommand(INPUT), { abortSignal: controller.signal });
    for (let i = 0; i < 1000 && service.seen.length === 0; i++) await new Promise((done) => setTimeout(done, 5));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(service.seen).toHaveLength(1);
  });

  it('an abort while a request is in flight ends the call at once, with nothing left running behind it', async () => {
    const service = await stub([(_req, res) => setTimeout(() => tooManyRequests()(_req, res), 300)]);
    const controller = new AbortController();
    const call = client(service.url).send(new AddPermissionCommand(INPUT), { abortSignal: controller.signal });
    for (let i = 0; i < 1000 && service.seen.length === 0; i++) await new Promise((done) => setTimeout(done, 5));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    // An unhandled rejection from the strategy (asked about an error nobody waits for) would fail the run here.
    await new Promise((done) => setTimeout(done, 400));
    expect(service.seen).toHaveLength(1);
  });

  it('takes maxAttempts as a provider and retryMode adaptive', async () => {
    const service = await stub([tooManyRequests(), created]);
    const output = await client(service.url, { maxAttempts: async () => 4, retryMode: 'adaptive' }).send(new AddPermissionCommand(INPUT));
    expect(output.$metadata.attempts).toBe(2);
    expect(service.seen.map((h) => h['amz-sdk-request'])).toEqual(['attempt=1; max=4', 'attempt=2; max=4']);
  });

  it('uses a retry strategy given in the configuration', async () => {
    const { ConfiguredRetryStrategy } = await import('@smithy/core/retry');
    const service = await stub([tooManyRequests(), tooManyRequests(), created]);
    const output = await client(service.url, { retryStrategy: new ConfiguredRetryStrategy(5, () => 1) }).send(new AddPermissionCommand(INPUT));
    expect(output.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 2 });
  });
});

describe('when the service asks to be called again (runtime/retry.ts, read as the SDK reads it)', () => {
  const now = Date.parse('2026-12-05T06:00:00Z');
  it.each([
    { given: { 'Retry-After': '2' }, want: '2026-12-05T06:00:02.000Z' },
    { given: { 'retry-after': '0.5' }, want: '2026-12-05T06:00:00.500Z' },
    { given: { 'retry-after': 'Sat, 05 Dec 2026 06:00:30 GMT' }, want: '2026-12-05T06:00:30.000Z' },
    { given: { 'x-amz-retry-after': '1500' }, want: '2026-12-05T06:00:01.500Z' },
    { given: { 'retry-after': 'soon' }, want: undefined },
    { given: { 'content-type': 'application/json' }, want: undefined },
  ])('$given', ({ given, want }) => {
    expect(retryAfterHint({ statusCode: 429, headers: given }, now)?.toISOString()).toBe(want);
  });
});
