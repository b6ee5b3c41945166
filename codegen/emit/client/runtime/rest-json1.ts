/**
 * The restJson1 wire on the client side, independent of any operation: requests built from
 * encoded labels, query members, headers and a JSON body or a payload; responses read as JSON,
 * text or bytes; errors named by the error-type header. The generated serializers and
 * deserializers (protocol.ts) call into it.
 */
import type { HttpRequest, HttpResponse, ResponseMetadata } from '@smithy/types';
import type { ResolvedClientConfig } from './config.js';
import { bodyBytes, bodyText } from './bytes.js';
import { escapeUri } from './uri.js';

export interface RequestParts {
  method: string;
  /** The path with its labels already encoded. */
  path: string;
  /** Query members: a list is the parameter repeated; members left undefined are not sent. */
  query?: Record<string, string | string[] | undefined>;
  /** A query map (`@httpQueryParams`): its keys never override a query member. */
  queryMap?: Readonly<Record<string, string | string[]>> | undefined;
  /** Headers; those left undefined are not sent. */
  headers?: Record<string, string | undefined>;
  /** Prepended to the endpoint's host (`@endpoint`'s host prefix, its labels filled); absent for most operations. */
  hostPrefix?: string;
  /** The JSON body, as text (`toJson` of the members that are set). */
  json?: string;
  /** The whole payload (`@httpPayload`) instead of a JSON body; not sent when its body is undefined. */
  payload?: { body: string | Uint8Array | undefined; contentType: string };
}

export async function buildHttpRequest(config: ResolvedClientConfig, parts: RequestParts): Promise<HttpRequest> {
  const endpoint = await config.endpoint();
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(parts.queryMap ?? {})) query[key] = value;
  for (const [key, value] of Object.entries(parts.query ?? {})) if (value !== undefined) query[key] = value;
  const hostname = `${parts.hostPrefix ?? ''}${endpoint.hostname}`;
  const headers: Record<string, string> = { host: `${parts.hostPrefix ?? ''}${endpoint.host}` };
  for (const [name, value] of Object.entries(parts.headers ?? {})) if (value !== undefined) headers[name.toLowerCase()] = value;
  let body: string | Uint8Array | undefined;
  if (parts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = parts.json;
  } else if (parts.payload?.body !== undefined) {
    headers['content-type'] ??= parts.payload.contentType;
    body = parts.payload.body;
  }
  const request: HttpRequest = {
    protocol: endpoint.protocol,
    hostname,
    method: parts.method,
    path: `${endpoint.pathname.replace(/\/$/, '')}${parts.path}`,
    query,
    headers,
  };
  if (endpoint.port) request.port = Number(endpoint.port);
  if (body !== undefined) {
    request.body = body;
    // As the SDK's content-length middleware does: the length is signed and checked by the service.
    const length = typeof body === 'string' ? utf8Length(body) : (body as { byteLength?: unknown }).byteLength;
    // A stream's length is unknown until it is read: fetch sends it chunked.
    if (typeof length === 'number') headers['content-length'] = String(length);
  }
  return request;
}

/** The UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** A label of a host prefix: letters, digits and hyphens, at most 63 of them, as a DNS host label must be. */
export function hostLabel(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`No value provided for input host label: ${name}.`);
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(value)) throw new Error(`Input host label ${name} is not a valid host label: ${JSON.stringify(value)}.`);
  return value;
}

/** A path label, percent-encoded the way restJson1 requires (`:` → `%3A`, `/` → `%2F`). */
export function encodeLabel(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`No value provided for input HTTP label: ${name}.`);
  return escapeUri(value);
}

/** A greedy label (`{Key+}`): each segment percent-encoded, the `/` between them kept. */
export function encodeGreedyLabel(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`No value provided for input HTTP label: ${name}.`);
  return value.split('/').map(escapeUri).join('/');
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

/** Every response header, for prefix-header members. */
export function responseHeaders(response: HttpResponse): Record<string, string> {
  return response.headers;
}

/** A payload member's bytes; undefined for an empty body. */
export async function readPayloadBytes(response: HttpResponse): Promise<Uint8Array | undefined> {
  const bytes = await bodyBytes(response.body);
  return bytes.length === 0 ? undefined : bytes;
}

/** A payload member's text; undefined for an empty body. */
export async function readPayloadText(response: HttpResponse): Promise<string | undefined> {
  const text = await bodyText(response.body);
  return text === '' ? undefined : text;
}

/** A JSON payload (a structure, union or document); undefined for an empty body. */
export async function readJsonPayload(response: HttpResponse): Promise<unknown> {
  const text = await bodyText(response.body);
  return text.trim() === '' ? undefined : JSON.parse(text);
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
