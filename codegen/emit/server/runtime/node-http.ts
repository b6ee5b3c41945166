/**
 * Adapts a framework-agnostic request handler to `node:http`: reads the body with a size bound,
 * writes the response, and reports one log entry per answered request.
 */
import type { IncomingMessage, RequestListener, ServerResponse as NodeResponse } from 'node:http';
import { newRequestContext, ProtocolError, type ServerRequest, type ServerResponse } from './http.js';

export interface ResponseLogEntry {
  method: string;
  path: string;
  /** The query string as received, without the `?` (empty when there is none). */
  query: string;
  status: number;
  /** The error name sent to the client, when the response is an error. */
  errorName?: string | undefined;
  durationMs: number;
  requestId?: string | undefined;
}

export interface NodeListenerOptions {
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * Checks who sends the request (e.g. its signature), once its body is read and before anything
   * else: a returned error is the answer. Absent, every request is served.
   */
  authenticate?: (request: ServerRequest) => Promise<ProtocolError | undefined>;
  /** Called once per request, after the response is written; not for a request whose client went away before it. */
  onResponse?: (entry: ResponseLogEntry) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function listenerFor(
  handle: (request: ServerRequest) => Promise<ServerResponse>,
  errorTypeHeader: string,
  options: NodeListenerOptions = {},
): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { onResponse, authenticate } = options;
  const refusal = (error: ProtocolError): ServerResponse => ({
    status: error.status,
    headers: { [errorTypeHeader]: error.errorName, 'x-amzn-RequestId': newRequestContext().requestId, 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: error.message }),
    errorName: error.errorName,
  });
  const tooLarge = () => refusal(new ProtocolError('RequestTooLargeException', 413, `The request body is larger than ${maxBodyBytes} bytes.`));

  return (req, res) => {
    const started = onResponse ? performance.now() : 0;
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
    const finish = (response: ServerResponse, closeAfter = false) => {
      if (!send(res, response, closeAfter)) return;
      onResponse?.({
        method: req.method ?? 'GET',
        path,
        query,
        status: response.status,
        errorName: response.errorName,
        durationMs: performance.now() - started,
        requestId: response.headers['x-amzn-RequestId'],
      });
    };

    // A declared length over the limit is refused before a byte of the body is read.
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBodyBytes) return finish(tooLarge(), true);

    readBody(req, maxBodyBytes, (failure, body) => {
      // The client went away mid-body: nobody would receive an answer, so none is sent or logged.
      if (failure === 'aborted') return;
      // The rest of an oversized body is never read: the answer closes the connection.
      if (failure === 'too large') return finish(tooLarge(), true);
      const request: ServerRequest = { method: req.method ?? 'GET', path, query: new URLSearchParams(query), headers: req.headers, body: body.toString('utf8'), bytes: body };
      if (authenticate) {
        // An authenticator that throws (synchronously or not) met credentials it cannot read: that is
        // the client's request, refused as an unreadable signature, never a 500.
        new Promise<ProtocolError | undefined>((resolve) => resolve(authenticate(request))).then(
          (refused) => (refused ? finish(refusal(refused)) : serve(request)),
          () => finish(refusal(new ProtocolError('IncompleteSignatureException', 403, 'The request signature could not be read; sign the request with AWS Signature Version 4.'))),
        );
      } else {
        serve(request);
      }
    });

    // The body's media type is the operation's to check (checkContentType in its handler): what it
    // must be depends on the operation, and one without a modeled body ignores a body sent bare.
    function serve(request: ServerRequest): void {
      handle(request).then(finish);
    }
  };
}

const EMPTY = Buffer.alloc(0);

/**
 * Collects the body with callbacks rather than a promise, and without copying when it arrives in
 * one chunk, as a small JSON body does: this runs once per request.
 */
function readBody(req: IncomingMessage, maxBytes: number, done: (failure: 'too large' | 'aborted' | undefined, body: Buffer) => void): void {
  let first: Buffer | undefined;
  let rest: Buffer[] | undefined;
  let size = 0;
  let failed = false;
  const onData = (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > maxBytes) {
      failed = true;
      req.off('data', onData);
      req.pause();
      done('too large', EMPTY);
    } else if (first === undefined) {
      first = chunk;
    } else {
      (rest ??= [first]).push(chunk);
    }
  };
  req.on('data', onData);
  req.on('end', () => {
    if (!failed) done(undefined, rest ? Buffer.concat(rest) : (first ?? EMPTY));
  });
  req.on('error', () => {
    if (failed) return;
    failed = true;
    done('aborted', EMPTY);
  });
}

/** Writes the response; false when the connection is already gone. */
function send(res: NodeResponse, response: ServerResponse, closeAfter: boolean): boolean {
  if (res.headersSent || res.destroyed || res.socket?.destroyed) return false;
  if (response.events) return sendEvents(res, response, response.events);
  // The response's headers are its own: completed in place rather than copied.
  const headers: Record<string, string | number> = response.headers;
  const body = response.bytes ?? response.body;
  headers['Content-Length'] = Buffer.byteLength(body);
  if (closeAfter) headers['Connection'] = 'close';
  res.writeHead(response.status, headers);
  if (closeAfter) {
    // Node closes a `Connection: close` response's socket once it is written; the unread rest of
    // the request is then dropped, not read.
    const socket = res.socket;
    res.end(body, () => socket?.destroySoon());
  } else {
    res.end(body);
  }
  return true;
}

/**
 * Writes an event stream: the headers at once, then each frame as the operation produces it
 * (chunked, no Content-Length), waiting for the socket to drain; a client that goes away ends it.
 */
function sendEvents(res: NodeResponse, response: ServerResponse, events: AsyncIterable<Uint8Array>): boolean {
  res.writeHead(response.status, response.headers);
  res.flushHeaders();
  void (async () => {
    try {
      for await (const frame of events) {
        if (res.destroyed) return;
        if (!res.write(frame)) await new Promise<void>((drained) => res.once('drain', drained).once('close', drained));
      }
      res.end();
    } catch {
      // The frames already sent stand; the stream is cut rather than finished.
      res.destroy();
    }
  })();
  return true;
}
