/** The default HTTP handler: the platform's `fetch`, so that no HTTP library ships with the client. */
import type { HeaderBag, HttpHandlerOptions, HttpRequest, HttpResponse, QueryParameterBag, RequestHandler } from '@smithy/types';
import { escapeUri } from './uri.js';

export class FetchRequestHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const query = canonicalQueryString(request.query);
    const port = request.port ? `:${request.port}` : '';
    const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {};
    // fetch sets Host itself, from the URL (the value that was signed).
    for (const [name, value] of Object.entries(request.headers)) if (name.toLowerCase() !== 'host' && value !== undefined) headers[name] = value;
    const response = await fetch(url, {
      method: request.method,
      headers,
      body: request.body as BodyInit | undefined,
      signal: (options.abortSignal as AbortSignal | undefined) ?? null,
    });
    const responseHeaders: HeaderBag = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    return { response: { statusCode: response.status, reason: response.statusText, headers: responseHeaders, body: await response.text() } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

function canonicalQueryString(query: QueryParameterBag = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${escapeUri(key)}=${escapeUri(v)}`);
  }
  return parts.join('&');
}
