/** The generated HTTP server with this runtime behind it, on the loopback interface. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse as NodeResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createNodeListener, PROTOCOL_SETTINGS, type ResponseLogEntry } from '../generated/server/index.js';
import type { Authenticator } from './auth.js';
import { DEFAULT_LIMITS, refusalBytes, refusalFor, TIMEOUT_CHECK_INTERVAL_MS, type ServerLimits } from './limits.js';
import { defaultRegistry, type FunctionRegistry } from './registry.js';
import { createLambdaRuntime } from './service.js';
import type { PolicyStore } from './store.js';

export const DEFAULT_PORT = 4510;
export const HOST = '127.0.0.1';
/** Answers 200 while the server serves; outside every API path (they all start with the API version). */
export const HEALTH_PATH = '/health';

export interface ServerOptions {
  /** 0 picks any free port. */
  port?: number;
  registry?: FunctionRegistry;
  store?: PolicyStore;
  limits?: Partial<ServerLimits>;
  /** Checks each API request's signature (`--auth`); without it every request is served, as by other local emulators. */
  authenticate?: Authenticator;
  /** One entry per answered request, and per request refused before it reached the API (bad HTTP, timeouts). */
  onResponse?: (entry: ResponseLogEntry) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  registry: FunctionRegistry;
  close(): Promise<void>;
}

const { errorTypeHeader } = PROTOCOL_SETTINGS;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const registry = options.registry ?? defaultRegistry();
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { onResponse } = options;
  const runtime = createLambdaRuntime({ registry, store: options.store, inputValidated: true });
  const api = createNodeListener(runtime, { onResponse, maxBodyBytes: limits.maxBodyBytes, authenticate: options.authenticate });
  const throttle = unreadAnswerThrottle(limits.maxUnreadResponseBytes);

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.idleTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
      // Checked below, so that the refusal is in the protocol's format and logged.
      requireHostHeader: false,
    },
    (req, res) => {
      throttle(req, res);
      if (req.headers.host === undefined && req.httpVersion === '1.1') return refuseInPlace(req, res, 'A request without a Host header is not valid HTTP/1.1.');
      if (req.url === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) return health(res);
      api(req, res);
    },
  );
  server.maxConnections = limits.maxConnections;

  // Requests node's parser refuses (bad request line, oversized headers, bad chunking, timeouts)
  // get the protocol's error format where the connection can still carry an answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // The client went away (mid-request, or mid-body): nobody would receive an answer or need a log line.
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.code === 'HPE_INVALID_EOF_STATE') return socket.destroy();
    const refusal = refusalFor(error.code);
    const inFlight = (socket as Socket & { _httpMessage?: NodeResponse })._httpMessage;
    if (socket.writable && !(inFlight && inFlight.headersSent)) {
      socket.end(refusalBytes(refusal, errorTypeHeader, randomUUID()));
    } else {
      socket.destroy();
    }
    onResponse?.({ method: '-', path: '-', query: '', status: refusal.status, errorName: refusal.errorName, durationMs: 0 });
  });

  function refuseInPlace(req: IncomingMessage, res: NodeResponse, message: string): void {
    const body = JSON.stringify({ message });
    const requestId = randomUUID();
    res.writeHead(400, { [errorTypeHeader]: 'BadRequestException', 'x-amzn-RequestId': requestId, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
    res.end(body);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    onResponse?.({ method: req.method ?? '-', path: q === -1 ? url : url.slice(0, q), query: q === -1 ? '' : url.slice(q + 1), status: 400, errorName: 'BadRequestException', durationMs: 0, requestId });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Clients keep connections alive; without this, close would wait for them to time out.
      server.closeAllConnections();
    }));

  return { url: `http://${HOST}:${port}`, port, registry, close };
}

function health(res: NodeResponse): void {
  const body = '{"status":"ok"}';
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
}

/**
 * Backpressure for clients that pipeline requests and never read the answers: a request that
 * arrives while its connection holds more than `maxUnreadBytes` of unread answers stops the
 * reading of that connection until the client has taken them all. Without a bound, answers pile
 * up in memory. (Node pauses such connections on its own as well, at its own bound; this one is the
 * user's.) Checked when a request arrives, so a request costs no listener of its own.
 */
function unreadAnswerThrottle(maxUnreadBytes: number): (req: IncomingMessage, res: NodeResponse) => void {
  const resume = function (this: Socket) {
    this.resume();
  };
  return (req) => {
    const socket = req.socket;
    if (socket.writableLength > maxUnreadBytes && !socket.isPaused()) {
      socket.pause();
      socket.once('drain', resume);
    }
  };
}
