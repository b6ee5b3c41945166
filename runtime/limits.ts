/**
 * What the server allows a client: time to send headers and a whole request, idle time between
 * requests, connections at once, body size, and unread answers per connection. Every limit has a
 * flag (`runtime/cli.ts`) and a default meant for a local test service: generous for any real
 * client, small enough that a stuck or hostile one cannot hold the server for minutes.
 */
import { DEFAULT_MAX_BODY_BYTES } from '../generated/server/node-http.js';

export interface ServerLimits {
  /** Time from connection (or end of the previous request) to the end of the request headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutMs: number;
  /** Time a kept-alive connection may stay idle between requests. */
  idleTimeoutMs: number;
  /** Connections served at once; further ones are closed on arrival. */
  maxConnections: number;
  /** Largest request body; a larger one is answered 413 and its connection closed. */
  maxBodyBytes: number;
  /** Answers written but not yet read by the client, per connection, before the server stops reading its requests. */
  maxUnreadResponseBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 5_000,
  maxConnections: 1024,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  maxUnreadResponseBytes: 1024 * 1024,
});

/** How often node checks the header and request timeouts; its default (30 s) would let a stuck request live 30 s longer. */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** A request the HTTP parser refused, as the answer the client gets (when it can still get one). */
export interface ParserRefusal {
  status: number;
  errorName: string;
  message: string;
}

/** Node's parser error codes, as answers in the protocol's terms. */
export function refusalFor(code: string | undefined): ParserRefusal {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, errorName: 'RequestHeaderFieldsTooLargeException', message: 'The request headers are too large.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return { status: 408, errorName: 'RequestTimeoutException', message: 'The request was not received in time.' };
    case 'HPE_INVALID_METHOD':
      return { status: 400, errorName: 'BadRequestException', message: 'The request method is not a known HTTP method.' };
    case 'HPE_INVALID_CHUNK_SIZE':
      return { status: 400, errorName: 'BadRequestException', message: 'The request body is not correctly chunked.' };
    default:
      return { status: 400, errorName: 'BadRequestException', message: 'The request is not valid HTTP/1.1.' };
  }
}

/** The bytes of a complete answer to `refusal`, in the protocol's error format, closing the connection. */
export function refusalBytes(refusal: ParserRefusal, errorTypeHeader: string, requestId: string): string {
  const body = JSON.stringify({ message: refusal.message });
  return (
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status] ?? 'Error'}\r\n` +
    `${errorTypeHeader}: ${refusal.errorName}\r\n` +
    `x-amzn-RequestId: ${requestId}\r\n` +
    'Content-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
