/**
 * The restJson1 wire on the client side, independent of any operation: requests built from
 * encoded labels, query members and a JSON body; responses read as JSON; errors named by the
 * error-type header. The generated serializers and deserializers (protocol.ts) call into it.
 */
import type { HttpRequest, HttpResponse, ResponseMetadata } from '@smithy/types';
import type { ResolvedClientConfig } from './config.js';
import { bodyText } from './bytes.js';
import { escapeUri } from './uri.js';

export interface RequestParts {
  method: string;
  /** The path with its labels already encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  /** JSON body members; members left undefined are not sent. */
  body?: Record<string, unknown>;
}

export async function buildHttpRequest(config: ResolvedClientConfig, parts: RequestParts): Promise<HttpRequest> {
  const endpoint = await config.endpoint();
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(parts.query ?? {})) if (value !== undefined) query[key] = value;
  const headers: Record<string, string> = { host: endpoint.host };
  if (parts.body !== undefined) headers['content-type'] = 'application/json';
  const request: HttpRequest = {
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    method: parts.method,
    path: `${endpoint.pathname.replace(/\/$/, '')}${parts.path}`,
    query,
    headers,
  };
  if (endpoint.port) request.port = Number(endpoint.port);
  if (parts.body !== undefined) request.body = JSON.stringify(parts.body);
  return request;
}

/** A path label, percent-encoded the way restJson1 requires (`:` → `%3A`, `/` → `%2F`). */
export function encodeLabel(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`No value provided for input HTTP label: ${name}.`);
  return escapeUri(value);
}

function header(response: HttpResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function responseMetadata(response: HttpResponse): ResponseMetadata {
  // attempts and totalRetryDelay are the retry middleware's to set.
  const metadata: ResponseMetadata = { httpStatusCode: response.statusCode, attempts: 1, totalRetryDelay: 0 };
  const requestId = header(response, 'x-amzn-requestid') ?? header(response, 'x-amz-request-id');
  if (requestId !== undefined) metadata.requestId = requestId;
  return metadata;
}

export function responseHeader(response: HttpResponse, name: string): string | undefined {
  return header(response, name);
}

/*
 * Header-bound error members as their type. Lenient on purpose: a malformed header must not
 * hide the error the service answered with, so an unreadable value is left undefined.
 */
export function headerBoolean(value: string | undefined): boolean | undefined {
  const text = value?.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

export function headerNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export async function readJsonBody(response: HttpResponse): Promise<Record<string, any>> {
  const text = await bodyText(response.body);
  if (text.trim() === '') return {};
  const parsed = JSON.parse(text);
  return parsed !== null && typeof parsed === 'object' ? parsed : {};
}

/**
 * The error's name and body. The name comes from the error-type header without anything from its
 * first `:`; failing that from the body's `__type` or `code`, without a namespace up to `#`.
 */
export async function readError(response: HttpResponse, config: ResolvedClientConfig): Promise<{ name: string; body: Record<string, any>; message: string }> {
  let body: Record<string, any> = {};
  try {
    body = await readJsonBody(response);
  } catch {
    // A non-JSON error body still has a status and usually a name header.
  }
  const clean = (value: unknown) => (typeof value === 'string' ? value.split(':')[0]!.split('#').pop()!.trim() : undefined);
  const name = clean(header(response, config.errorTypeHeader)) || clean(body['__type']) || clean(body['code']) || `Http${response.statusCode}Error`;
  // Both casings occur, depending on the error; a body without either still gets a readable message.
  const message = typeof body['message'] === 'string' ? body['message'] : typeof body['Message'] === 'string' ? body['Message'] : name;
  return { name, body, message };
}
