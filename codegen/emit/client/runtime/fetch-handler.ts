/** The default HTTP handler: the platform's `fetch`, so that no HTTP library ships with the client. Bodies are read as bytes (a blob payload is not text). */
import type { HeaderBag, HttpHandlerOptions, HttpRequest, HttpResponse, QueryParameterBag, RequestHandler } from '@smithy/types';
import { escapeUri } from './uri.js';

/** Headers fetch writes itself from the URL and the body (the same values that were signed); browsers refuse them from callers. */
const SET_BY_FETCH = new Set(['host', 'content-length']);

export class FetchRequestHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const query = canonicalQueryString(request.query);
    const port = request.port ? `:${request.port}` : '';
    const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (!SET_BY_FETCH.has(name.toLowerCase()) && value !== undefined) headers[name] = value;
    const init: RequestInit = { method: request.method, headers, signal: (options.abortSignal as AbortSignal | undefined) ?? null };
    if (request.body !== undefined) init.body = request.body as BodyInit;
    const response = await fetch(url, init).catch((error: unknown) => {
      throw networkError(error, init.signal);
    });
    const responseHeaders: HeaderBag = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    // An event stream is handed over as it arrives, for its events to be read one by one.
    const streamed = response.body !== null && responseHeaders['content-type']?.startsWith('application/vnd.amazon.eventstream');
    return { response: { statusCode: response.status, reason: response.statusText, headers: responseHeaders, body: streamed ? response.body : new Uint8Array(await response.arrayBuffer()) } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

/**
 * A request that never got an answer (refused, reset, unreachable) is worth another attempt, as the
 * AWS SDK's own handlers report it. Node's fetch says only `fetch failed`, with the socket's error
 * as its cause under codes of its own, so the error is marked retryable the way the SDK marks one:
 * with `$retryable`. An aborted request is not.
 */
function networkError(error: unknown, signal: AbortSignal | null | undefined): unknown {
  // Browsers' wordings for the same failure are ones the SDK already knows.
  if (signal?.aborted || !(error instanceof TypeError) || error.message !== 'fetch failed') return error;
  return Object.assign(error, { $retryable: { throttling: false } });
}

function canonicalQueryString(query: QueryParameterBag = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${escapeUri(key)}=${escapeUri(v)}`);
  }
  return parts.join('&');
}
