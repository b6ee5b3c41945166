/**
 * Hostile and malformed input over raw sockets: every refusal is an answer in the protocol's
 * format (status, X-Amzn-ErrorType, JSON body), and the server answers the next client afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseLogEntry } from '../../generated/server/index.js';
import { QUOTE_LIMIT } from '../../generated/validators/violations.js';
import { createRegistry } from '../../runtime/registry.js';
import { startServer, type RunningServer } from '../../runtime/server.js';
import { exchange, open, request } from './raw-socket.js';

let server: RunningServer;
const log: ResponseLogEntry[] = [];
const MAX_BODY = 64 * 1024;

beforeAll(async () => {
  const registry = createRegistry({ region: 'us-east-2', account: '123456789012', functions: [{ name: 'my-function', versions: ['1'], aliases: { PROD: '1' } }] });
  server = await startServer({ port: 0, registry, limits: { maxBodyBytes: MAX_BODY }, onResponse: (entry) => log.push(entry) });
});
afterAll(() => server.close());

let counter = 0;
const sid = () => `hard${++counter}`;
const POLICY = '/2015-03-31/functions/my-function/policy';
const add = (body: string, contentType: string | null = 'application/json') => exchange(server.port, request('POST', POLICY, body, contentType));

/** The server still serves: a GetPolicy over a fresh connection gets a protocol answer. */
async function expectStillServing(): Promise<void> {
  const reply = await exchange(server.port, request('GET', '/2015-03-31/functions/no-such-function/policy', '', null));
  expect({ status: reply.status, type: reply.headers['x-amzn-errortype'] }).toEqual({ status: 404, type: 'ResourceNotFoundException' });
}

describe('JSON null members', () => {
  it.each(['SourceArn', 'SourceAccount', 'EventSourceToken', 'PrincipalOrgID', 'RevisionId', 'FunctionUrlAuthType', 'InvokedViaFunctionUrl'])(
    'reads "%s": null as the member not sent',
    async (member) => {
      const statementId = sid();
      const reply = await add(JSON.stringify({ StatementId: statementId, Action: 'lambda:InvokeFunction', Principal: '*', [member]: null }));
      expect({ status: reply.status, body: reply.body }).toEqual({
        status: 201,
        body: JSON.stringify({
          Statement: JSON.stringify({ Sid: statementId, Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:us-east-2:123456789012:function:my-function' }),
        }),
      });
    },
  );

  it('reads a null required member as missing', async () => {
    const reply = await add('{"StatementId":null,"Action":"lambda:InvokeFunction","Principal":"*"}');
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'], body: reply.body }).toEqual({
      status: 400,
      type: 'ValidationException',
      body: JSON.stringify({ message: "1 validation error detected: Value null at 'statementId' failed to satisfy constraint: Member must not be null" }),
    });
  });
});

describe('values quoted back in messages', () => {
  it('answers a member nested 6000 levels deep with a 400, not a 500', async () => {
    const deep = '['.repeat(6000) + ']'.repeat(6000);
    const reply = await add(`{"StatementId":${deep},"Action":"lambda:InvokeFunction","Principal":"*"}`);
    // A list where a string belongs: the decoder refuses it (TEAM-13 contract 1), without quoting the whole value.
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'], body: reply.body }).toEqual({ status: 400, type: 'SerializationException', body: '{"message":"Expected a string, found an array."}' });
    expect(reply.body.length).toBeLessThan(QUOTE_LIMIT + 300);
    await expectStillServing();
  });

  it(`quotes at most ${QUOTE_LIMIT} characters of a long value`, async () => {
    const token = 'x'.repeat(60_000);
    const reply = await add(JSON.stringify({ StatementId: sid(), Action: 'lambda:InvokeFunction', Principal: 'alexa-appkit.amazon.com', EventSourceToken: token }));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({
      message: `1 validation error detected: Value '${'x'.repeat(QUOTE_LIMIT)}...' at 'eventSourceToken' failed to satisfy constraint: Member must have length less than or equal to 256`,
    });
  });
});

describe('Content-Type of a body', () => {
  it.each([
    ['text/plain', 'text/plain', `The request body's Content-Type must be application/json, not "text/plain".`],
    ['application/x-amz-json-1.1', 'application/x-amz-json-1.1', `The request body's Content-Type must be application/json, not "application/x-amz-json-1.1".`],
    ['no Content-Type', null, 'The request body has no Content-Type; send it as application/json.'],
  ])('refuses a body sent as %s with 415 UnsupportedMediaTypeException', async (_, contentType, message) => {
    const reply = await add(JSON.stringify({ StatementId: sid(), Action: 'lambda:InvokeFunction', Principal: '*' }), contentType);
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'], contentType: reply.headers['content-type'] }).toEqual({
      status: 415,
      type: 'UnsupportedMediaTypeException',
      contentType: 'application/json',
    });
    expect(JSON.parse(reply.body)).toEqual({ message });
    await expectStillServing();
  });

  it('takes application/json with parameters, in any case', async () => {
    const reply = await add(JSON.stringify({ StatementId: sid(), Action: 'lambda:InvokeFunction', Principal: '*' }), 'Application/JSON; charset=utf-8');
    expect(reply.status).toBe(201);
  });

  it('takes a request without body and without Content-Type', async () => {
    const reply = await exchange(server.port, request('GET', POLICY, '', null));
    expect(reply.status).toBe(200);
  });
});

describe('body limit', () => {
  it('answers a declared 10 GiB body with 413 at once and closes the connection unread', async () => {
    const connection = await open(server.port);
    connection.write(`POST ${POLICY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 ** 3}\r\n\r\n{"StatementId":`);
    const reply = await connection.next();
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'], connection: reply.headers.connection }).toEqual({
      status: 413,
      type: 'RequestTooLargeException',
      connection: 'close',
    });
    expect(await connection.closed(2000)).toBe(true);
    await expectStillServing();
  });

  it('answers a chunked body that grows past the limit with 413 and closes the connection', async () => {
    const connection = await open(server.port);
    connection.write(`POST ${POLICY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = 'a'.repeat(16 * 1024);
    for (let i = 0; i < 6; i++) connection.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const reply = await connection.next();
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'] }).toEqual({ status: 413, type: 'RequestTooLargeException' });
    expect(await connection.closed(2000)).toBe(true);
    await expectStillServing();
  });
});

describe('requests the HTTP parser refuses', () => {
  it.each([
    ['a bad request line', 'GARBAGE\r\n\r\n', 400, 'BadRequestException'],
    ['an unknown method', `BREW ${POLICY} HTTP/1.1\r\nHost: x\r\n\r\n`, 400, 'BadRequestException'],
    ['a 100 KB header', `GET ${POLICY} HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(100 * 1024)}\r\n\r\n`, 431, 'RequestHeaderFieldsTooLargeException'],
    ['a bad chunk size', `POST ${POLICY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`, 400, 'BadRequestException'],
    ['a missing Host', `GET ${POLICY} HTTP/1.1\r\n\r\n`, 400, 'BadRequestException'],
  ])('answers %s in the protocol format, logs it, and serves on', async (_, bytes, status, name) => {
    const before = log.length;
    const reply = await exchange(server.port, bytes);
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'], contentType: reply.headers['content-type'], id: reply.headers['x-amzn-requestid'] }).toEqual({
      status,
      type: name,
      contentType: 'application/json',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(typeof JSON.parse(reply.body).message).toBe('string');
    expect(log.slice(before).map((entry) => [entry.status, entry.errorName])).toContainEqual([status, name]);
    await expectStillServing();
  });

  it('logs nothing for an upload its client abandoned', async () => {
    const connection = await open(server.port);
    connection.write(`POST ${POLICY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"Statem`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = log.length;
    connection.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log.slice(before)).toEqual([]);
    await expectStillServing();
  });
});

describe('observability', () => {
  it('answers /health outside the API paths', async () => {
    const reply = await exchange(server.port, request('GET', '/health', '', null));
    expect({ status: reply.status, body: reply.body }).toEqual({ status: 200, body: '{"status":"ok"}' });
  });

  it('logs the query string', async () => {
    await exchange(server.port, request('GET', `${POLICY}?Qualifier=PROD`, '', null));
    expect(log.at(-1)).toMatchObject({ method: 'GET', path: POLICY, query: 'Qualifier=PROD' });
  });
});
