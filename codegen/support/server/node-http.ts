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
  return (req, res) => {
    const started = performance.now();
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const finish = (response: ServerResponse) => {
      send(res, response);
      options.onResponse?.({
        method: req.method ?? 'GET',
        path,
        status: response.status,
        errorName: response.errorName,
        durationMs: performance.now() - started,
        requestId: response.headers['x-amzn-RequestId'],
      });
    };
    readBody(req, maxBodyBytes).then(
      (body) =>
        handle({
          method: req.method ?? 'GET',
          path,
          query: new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1)),
          headers: req.headers,
          body,
        }).then(finish),
      (error: BodyTooLarge | Error) => {
        const tooLarge = error instanceof BodyTooLarge;
        const errorName = tooLarge ? 'RequestTooLargeException' : 'SerializationException';
        finish({
          status: tooLarge ? 413 : 400,
          headers: { [errorTypeHeader]: errorName, 'x-amzn-RequestId': newRequestContext().requestId, 'Content-Type': 'application/json' },
          body: JSON.stringify({ message: tooLarge ? `The request body is larger than ${maxBodyBytes} bytes.` : 'The request body could not be read.' }),
          errorName,
        });
        if (tooLarge) req.resume();
      },
    );
  };
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}

function send(res: NodeResponse, response: ServerResponse): void {
  if (res.headersSent) return;
  const headers: Record<string, string | number> = { ...response.headers, 'Content-Length': Buffer.byteLength(response.body) };
  res.writeHead(response.status, headers);
  res.end(response.body);
}
