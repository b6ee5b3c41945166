/** The server's limits over raw sockets: timeouts, connection count, and clients that never read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseLogEntry } from '../../generated/server/index.js';
import { createRegistry } from '../../runtime/registry.js';
import { startServer, type RunningServer } from '../../runtime/server.js';
import { exchange, open, request } from './raw-socket.js';

let server: RunningServer;
const log: ResponseLogEntry[] = [];
const POLICY = '/2015-03-31/functions/my-function/policy';

beforeAll(async () => {
  const registry = createRegistry({ region: 'us-east-2', account: '123456789012', functions: [{ name: 'my-function' }] });
  server = await startServer({
    port: 0,
    registry,
    limits: { headersTimeoutMs: 600, requestTimeoutMs: 1000, idleTimeoutMs: 500, maxConnections: 8, maxUnreadResponseBytes: 64 * 1024 },
    onResponse: (entry) => log.push(entry),
  });
});
afterAll(() => server.close());

async function expectStillServing(): Promise<void> {
  const reply = await exchange(server.port, request('GET', '/2015-03-31/functions/no-such-function/policy', '', null));
  expect({ status: reply.status, type: reply.headers['x-amzn-errortype'] }).toEqual({ status: 404, type: 'ResourceNotFoundException' });
}

describe('timeouts', () => {
  it('answers a half-sent body with 408 RequestTimeoutException once the request timeout is over', async () => {
    const connection = await open(server.port);
    const started = Date.now();
    connection.write(`POST ${POLICY} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"Sta`);
    const reply = await connection.next(5000);
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'] }).toEqual({ status: 408, type: 'RequestTimeoutException' });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await connection.closed(2000)).toBe(true);
    expect(log.at(-1)).toMatchObject({ status: 408, errorName: 'RequestTimeoutException' });
    await expectStillServing();
  });

  it('answers headers that never end with 408', async () => {
    const connection = await open(server.port);
    connection.write(`GET ${POLICY} HTTP/1.1\r\nHost: x\r\n`);
    const reply = await connection.next(5000);
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'] }).toEqual({ status: 408, type: 'RequestTimeoutException' });
    await expectStillServing();
  });

  it('closes a kept-alive connection left idle', async () => {
    const connection = await open(server.port);
    connection.write(request('GET', POLICY, '', null));
    expect((await connection.next()).status).toBe(404);
    expect(await connection.closed(3000)).toBe(true);
  });
});

describe('connections', () => {
  it('closes connections beyond the maximum on arrival, and takes new ones once others close', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, () => open(server.port)));
    const extra = await open(server.port);
    expect(await extra.closed(2000)).toBe(true);
    for (const connection of held) connection.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectStillServing();
  });
});

describe('clients that pipeline and never read', () => {
  // Its own server: the short timeouts above would close a connection whose reading is paused.
  let patient: RunningServer;
  const BIG_POLICY = '/2015-03-31/functions/big-policy/policy';
  let answerBytes = 0;
  beforeAll(async () => {
    const registry = createRegistry({ region: 'us-east-2', account: '123456789012', functions: [{ name: 'big-policy' }] });
    patient = await startServer({ port: 0, registry, limits: { maxUnreadResponseBytes: 64 * 1024 }, onResponse: (entry) => log.push(entry) });
    // Answers of about 17 KB each: the kernel's socket buffers (here up to 32 MiB received and
    // 4 MiB sent, grown on their own) then hold fewer than 2,200 of them, so what the server
    // answers while the client does not read shows the server's own bound, not the kernel's.
    for (let i = 0; i < 50; i++) {
      const body = JSON.stringify({ StatementId: `statement-${i}`, Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${'b'.repeat(60)}-${i}` });
      const added = await exchange(patient.port, request('POST', BIG_POLICY, body));
      expect(added.status).toBe(201);
    }
    answerBytes = Buffer.byteLength((await exchange(patient.port, request('GET', BIG_POLICY, '', null))).body);
  });
  afterAll(() => patient.close());

  it('stop being read once their unread answers pass the bound, and get every answer once they read', async () => {
    expect(answerBytes).toBeGreaterThan(16_000);
    const connection = await open(patient.port);
    const batch = request('GET', BIG_POLICY, '', null).repeat(500);
    const answered = () => log.filter((entry) => entry.path === BIG_POLICY && entry.method === 'GET').length;
    const before = answered();
    connection.socket.pause();
    // 8,000 requests (about 600 KB), whose answers come to about 136 MB; writes stop being taken
    // once the server stops reading.
    let sent = 0;
    for (let i = 0; i < 16; i++) {
      if (!connection.socket.write(batch)) {
        await Promise.race([new Promise((resolve) => connection.socket.once('drain', resolve)), new Promise((resolve) => setTimeout(resolve, 300))]);
      }
      sent += 500;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const whileUnread = answered() - before;
    // The bound (64 KiB) plus the kernel's buffers hold at most about 2,200 answers, far from all.
    expect(whileUnread).toBeLessThan(sent / 2);
    connection.socket.resume();
    let received = 0;
    for (;;) {
      await connection.next(5000);
      if (++received === sent) break;
    }
    expect(answered() - before).toBe(sent);
    connection.socket.destroy();
  }, 60_000);
});
