/**
 * Adapts a framework-agnostic request handler to `node:http`: reads the body with a size bound,
 * writes the response, and reports one log entry per request.
 */
import type { IncomingMessage, RequestListener, ServerResponse as NodeResponse } from 'node:http';
import { newRequestContext, type ServerRequest, type ServerResponse } from './http.js';

export interface ResponseLogEntry {
  method: string;
  path: string;
  status: number;
  /** The error name sent to the client, when the response is an error. */
  errorName?: string;
  durationMs: number;
  requestId?: string;
}

export interface NodeListenerOptions {
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Called once per request, after the response is written. */
  onResponse?: (entry: ResponseLogEntry) => void;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function listenerFor(
  handle: (request: ServerRequest) => Promise<ServerResponse>,
  errorTypeHeader: string,
  options: NodeListenerOptions = {},
): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { onResponse } = options;
  return (req, res) => {
    const started = onResponse ? performance.now() : 0;
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const finish = (response: ServerResponse) => {
      send(res, response);
      onResponse?.({
        method: req.method ?? 'GET',
        path,
        status: response.status,
        errorName: response.errorName,
        durationMs: performance.now() - started,
        requestId: response.headers['x-amzn-RequestId'],
      });
    };
    const bodyFailure = (tooLarge: boolean) => {
      const errorName = tooLarge ? 'RequestTooLargeException' : 'SerializationException';
      finish({
        status: tooLarge ? 413 : 400,
        headers: { [errorTypeHeader]: errorName, 'x-amzn-RequestId': newRequestContext().requestId, 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: tooLarge ? `The request body is larger than ${maxBodyBytes} bytes.` : 'The request body could not be read.' }),
        errorName,
      });
      if (tooLarge) req.resume();
    };
    readBody(req, maxBodyBytes, (failure, body) => {
      if (failure) return bodyFailure(failure === 'too large');
      handle({
        method: req.method ?? 'GET',
        path,
        query: new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1)),
        headers: req.headers,
        body,
      }).then(finish);
    });
  };
}

/**
 * Collects the body with callbacks rather than a promise, and without copying when it arrives in
 * one chunk, as a small JSON body does: this runs once per request.
 */
function readBody(req: IncomingMessage, maxBytes: number, done: (failure: 'too large' | 'unreadable' | undefined, body: string) => void): void {
  let first: Buffer | undefined;
  let rest: Buffer[] | undefined;
  let size = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > maxBytes) {
      failed = true;
      done('too large', '');
    } else if (first === undefined) {
      first = chunk;
    } else {
      (rest ??= [first]).push(chunk);
    }
  });
  req.on('end', () => {
    if (!failed) done(undefined, rest ? Buffer.concat(rest).toString('utf8') : first ? first.toString('utf8') : '');
  });
  req.on('error', () => {
    if (failed) return;
    failed = true;
    done('unreadable', '');
  });
}

function send(res: NodeResponse, response: ServerResponse): void {
  if (res.headersSent) return;
  // The response's headers are its own: completed in place rather than copied.
  const headers: Record<string, string | number> = response.headers;
  headers['Content-Length'] = Buffer.byteLength(response.body);
  res.writeHead(response.status, headers);
  res.end(response.body);
}
