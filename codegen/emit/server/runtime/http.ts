/**
 * The restJson1 server protocol, independent of any operation and of any HTTP framework:
 * requests and responses as plain values, route matching, JSON bodies, and errors rendered
 * as the service renders them (status, error-name header, request id, body member casing).
 */
import { randomUuid } from './uuid.js';

export interface ServerRequest {
  method: string;
  /** The path exactly as received, still percent-encoded, without the query. */
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw request body as text (empty when there is none). */
  body: string;
  /** The raw request body as bytes, for a blob payload (absent: the UTF-8 bytes of `body`). */
  bytes?: Uint8Array;
}

export interface ServerResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A binary body (a blob payload), sent instead of `body`. */
  bytes?: Uint8Array;
  /** An event stream's frames, sent chunked as they come, instead of `body`. */
  events?: AsyncIterable<Uint8Array>;
  /** The error name sent in the error-type header, for logs. */
  errorName?: string;
}

export interface RequestContext {
  requestId: string;
}

export interface ErrorMemberDescription {
  name: string;
  /** Header that carries the member instead of the body. */
  header?: string;
  /** Sent when the thrown error does not set the member. */
  defaultValue?: string;
  /** The key in the JSON body, when it is not the member's name. */
  jsonName?: string;
  /** Turns the member's value into its JSON value or header text, when it is not sent as it is. */
  encode?: (value: any) => unknown;
  /** True for the member that carries the error message (`message` or `Message`). */
  isMessage?: boolean;
}

export interface ErrorDescription {
  name: string;
  status: number;
  fault: 'client' | 'server';
  members: readonly ErrorMemberDescription[];
}

export interface ProtocolSettings {
  /** Header naming the error on the wire. */
  errorTypeHeader: string;
  /** The model's constraint-violation error, if it declares one. */
  validationError?: ErrorDescription | undefined;
  /** The model's server-fault error, used for unexpected failures. */
  internalError?: ErrorDescription | undefined;
}

export type OperationHandler<Implementation> = (
  request: ServerRequest,
  labels: Readonly<Record<string, string>>,
  implementation: Implementation,
  context: RequestContext,
) => Promise<ServerResponse>;

export interface Route<Implementation> {
  method: string;
  /** Path template split on `/`; `{Name}` segments are labels, a `{Name+}` segment takes one or more segments. */
  segments: readonly string[];
  handle: OperationHandler<Implementation>;
  /** Query parameters the path template fixes (`/things?kind=plain`): the request must carry them. */
  query?: readonly (readonly [string, string])[];
}

/** A route whose template fixes query parameters matches only a request that carries them. */
function queryMatches(route: { query?: readonly (readonly [string, string])[] }, query: URLSearchParams | undefined): boolean {
  return !route.query || route.query.every(([key, value]) => (value === '' ? query?.has(key) : query?.getAll(key).includes(value)) ?? false);
}

/** A failure of the protocol itself (unknown route, unreadable body), not of an operation. */
export class ProtocolError extends Error {
  constructor(
    readonly errorName: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = errorName;
  }
}

export function newRequestContext(): RequestContext {
  return { requestId: randomUuid() };
}

/**
 * Finds the route for a request and decodes its labels; labels may hold encoded `/` and `:`, and
 * a greedy label (`{Key+}`) takes one or more whole segments, joined by `/`.
 */
export function matchRoute<Implementation>(
  routes: readonly Route<Implementation>[],
  method: string,
  path: string,
  query?: URLSearchParams,
): { route: Route<Implementation>; labels: Record<string, string> } {
  const actual = path.split('/');
  let pathMatched = false;
  for (const { route, template } of compiled(routes)) {
    const matched = segmentsMatch(template, actual);
    if (!matched || !queryMatches(route, query)) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    // Labels are decoded once, for the route that answers.
    const labels: Record<string, string> = {};
    for (let i = 0; i < matched.length; i += 2) {
      const segments = matched[i + 1] as string | string[];
      labels[matched[i] as string] = typeof segments === 'string' ? decodeSegment(segments) : segments.map(decodeSegment).join('/');
    }
    return { route, labels };
  }
  throw pathMatched
    ? new ProtocolError('MethodNotAllowedException', 405, `The method ${method} is not allowed on this resource.`)
    : new ProtocolError('UnknownOperationException', 404, 'No operation matches the request path.');
}

/** A path template read once: each segment's label name (undefined for a literal) and where the greedy label is. */
interface PathTemplate {
  segments: readonly string[];
  labels: readonly (string | undefined)[];
  /** The index of the `{Name+}` segment, or -1. */
  greedy: number;
}

// A route table's templates are read on its first request and kept: every request is matched
// against the table, and reading a template means scanning its segments for braces.
const tables = new WeakMap<readonly Route<any>[], readonly { route: Route<any>; template: PathTemplate }[]>();

function compiled<Implementation>(routes: readonly Route<Implementation>[]): readonly { route: Route<Implementation>; template: PathTemplate }[] {
  let table = tables.get(routes);
  if (table === undefined) tables.set(routes, (table = routes.map((route) => ({ route, template: templateOf(route.segments) }))));
  return table;
}

function templateOf(segments: readonly string[]): PathTemplate {
  const greedy = segments.findIndex((segment) => segment.startsWith('{') && segment.endsWith('+}'));
  const labels = segments.map((segment, i) => (i === greedy ? segment.slice(1, -2) : segment.startsWith('{') && segment.endsWith('}') ? segment.slice(1, -1) : undefined));
  return { segments, labels, greedy };
}

/**
 * Each label's name followed by its segment (its segments, for a greedy label) when the path
 * fits the template; undefined when it does not. One flat array: most requests match one
 * template with one or two labels.
 */
function segmentsMatch({ segments: expected, labels: names, greedy }: PathTemplate, actual: string[]): (string | string[])[] | undefined {
  if (greedy === -1 ? expected.length !== actual.length : actual.length < expected.length) return undefined;
  const labels: (string | string[])[] = [];
  // After a greedy label, the template's last segments match the path's last segments.
  const shift = greedy === -1 ? 0 : actual.length - expected.length;
  for (let i = 0; i < expected.length; i++) {
    const at = greedy !== -1 && i > greedy ? i + shift : i;
    // Both in range: the lengths were compared above.
    const name = names[i];
    const segment = actual[at]!;
    if (i === greedy) {
      const taken = actual.slice(i, i + shift + 1);
      if (taken.some((part) => part === '')) return undefined;
      labels.push(name!, taken);
    } else if (name !== undefined) {
      if (segment === '') return undefined;
      labels.push(name, segment);
    } else if (expected[i] !== segment) {
      return undefined;
    }
  }
  return labels;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ProtocolError('SerializationException', 400, 'The request path is not correctly percent-encoded.');
  }
}

/**
 * Parses a JSON object body; an empty body is an empty object, anything else is a client error.
 * A member whose value is JSON `null` is a member not sent, as restJson1 reads it: the generated
 * readers (`member` in wire.ts) take it so at every depth, except in a member the model marks
 * nullable; sparse lists and maps keep their nulls.
 */
export function parseJsonObject(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ProtocolError('SerializationException', 400, 'The request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ProtocolError('SerializationException', 400, 'The request body must be a JSON object.');
  }
  // JSON null members stay: the readers take them as absent, except in members the model marks nullable.
  return parsed as Record<string, unknown>;
}

/** A Content-Type or media range without its parameters, in lower case. */
function bareMediaType(text: string): string {
  const semicolon = text.indexOf(';');
  return (semicolon === -1 ? text : text.slice(0, semicolon)).trim().toLowerCase();
}

/**
 * The Content-Type an operation takes, checked in its handler: `null` for an operation whose
 * input binds nothing to the body (a body sent with a Content-Type is refused), else the media
 * type its body must have (a modeled `@mediaType` of a payload included). A mismatch is 415
 * UnsupportedMediaTypeException, as restJson1's malformed-request cases require.
 */
export function checkContentType(request: ServerRequest, expected: string | null): void {
  const header = request.headers['content-type'];
  const text = Array.isArray(header) ? header[0] : header;
  if (request.body.length === 0 && (request.bytes?.length ?? 0) === 0) return;
  if (expected === null) {
    if (text !== undefined) throw new ProtocolError('UnsupportedMediaTypeException', 415, 'This operation takes no request body; send none, and no Content-Type.');
    return;
  }
  if (text === undefined) throw new ProtocolError('UnsupportedMediaTypeException', 415, `The request body has no Content-Type; send it as ${expected}.`);
  if (bareMediaType(text) !== expected.toLowerCase()) {
    // Quoted shortened: a header can be long, and the answer need not repeat it whole.
    throw new ProtocolError('UnsupportedMediaTypeException', 415, `The request body's Content-Type must be ${expected}, not ${JSON.stringify(text.slice(0, 100))}.`);
  }
}

/**
 * The Accept header against the media type the operation answers with: absent, or one of its
 * ranges (`*\/*`, `type/*` or the type itself, without `q=0`) allows it; else 406
 * NotAcceptableException.
 */
export function checkAccept(request: ServerRequest, produces: string): void {
  const header = request.headers['accept'];
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text === undefined || text.trim() === '') return;
  const wanted = produces.toLowerCase();
  const [type] = wanted.split('/');
  for (const range of text.split(',')) {
    if (/;\s*q\s*=\s*0(?:\.0*)?\s*(?:;|$)/i.test(range)) continue;
    const media = bareMediaType(range);
    if (media === '*/*' || media === wanted || media === `${type}/*`) return;
  }
  throw new ProtocolError('NotAcceptableException', 406, `The response is ${produces}, which the Accept header does not allow.`);
}

export function jsonResponse(status: number, body: unknown, context: RequestContext): ServerResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': context.requestId },
    body: JSON.stringify(body),
  };
}

export interface ResponseParts {
  /** Response headers; those left undefined are not sent. */
  headers?: Record<string, string | undefined>;
  /** A JSON body, as text. */
  json?: string;
  /** A payload: text or bytes, with its media type. */
  payload?: string | Uint8Array | undefined;
  contentType?: string;
  /** An event stream's frames (../event-stream.ts), instead of a body. */
  events?: AsyncIterable<Uint8Array>;
}

/** A success response with headers and a JSON body or a payload. */
export function restResponse(status: number, parts: ResponseParts, context: RequestContext): ServerResponse {
  // A status without a body (a response-code member may choose one) sends none.
  const bodiless = status === 204 || status === 304;
  // Content-Type first, as it was always sent; a header member of that name replaces it below.
  const headers: Record<string, string> = !bodiless && parts.json !== undefined ? { 'Content-Type': 'application/json' } : {};
  const members = parts.headers;
  if (members !== undefined) {
    for (const name in members) {
      const value = members[name];
      if (value !== undefined) headers[name] = value;
    }
  }
  headers['x-amzn-RequestId'] = context.requestId;
  if (bodiless) return { status, headers, body: '' };
  if (parts.json !== undefined) return { status, headers, body: parts.json };
  if (parts.events !== undefined) {
    headers['Content-Type'] ??= 'application/vnd.amazon.eventstream';
    return { status, headers, body: '', events: parts.events };
  }
  if (parts.payload === undefined) return { status, headers, body: '' };
  // A member bound to Content-Type names the payload's type itself.
  headers['Content-Type'] ??= parts.contentType ?? 'application/octet-stream';
  return typeof parts.payload === 'string' ? { status, headers, body: parts.payload } : { status, headers, body: '', bytes: parts.payload };
}

export function emptyResponse(status: number, context: RequestContext): ServerResponse {
  return { status, headers: { 'x-amzn-RequestId': context.requestId }, body: '' };
}

/** An error response: status from the model, name in the error-type header, members in model casing. */
export function renderError(
  error: ErrorDescription,
  thrown: { message?: unknown; [member: string]: unknown },
  settings: ProtocolSettings,
  context: RequestContext,
): ServerResponse {
  const headers: Record<string, string> = {
    [settings.errorTypeHeader]: error.name,
    'x-amzn-RequestId': context.requestId,
    'Content-Type': 'application/json',
  };
  const body: Record<string, unknown> = {};
  for (const member of error.members) {
    const own = Object.prototype.hasOwnProperty.call(thrown, member.name) || member.name === 'message' ? thrown[member.name] : undefined;
    const value = member.isMessage ? thrown.message ?? own : own ?? member.defaultValue;
    if (value === undefined || value === null) continue;
    const encoded = member.encode && value !== member.defaultValue ? member.encode(value) : value;
    if (member.header) headers[member.header] = String(encoded);
    else body[member.jsonName ?? member.name] = encoded;
  }
  return { status: error.status, headers, body: JSON.stringify(body), errorName: error.name };
}

/**
 * The answer to a request that failed the model's constraints: 400 with the service's message,
 * and the list of violations where the model's validation error has one (`fieldList`).
 */
export function validationFailure(failure: string | { message: string; fieldList?: unknown }, settings: ProtocolSettings, context: RequestContext): ServerResponse {
  const members = typeof failure === 'string' ? { message: failure } : failure;
  if (settings.validationError) return renderError(settings.validationError, members, settings, context);
  return protocolErrorResponse(new ProtocolError('ValidationException', 400, members.message), settings, context);
}

/**
 * Labels, query members and headers arrive as text. A boolean or number member is decoded;
 * text that is neither stays as it is, so that the validator reports it with its value.
 */
export function booleanParameter(value: string | undefined): boolean | string | undefined {
  return value === 'true' ? true : value === 'false' ? false : value;
}

export function numberParameter(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return value;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

/** Every value of a query parameter; undefined when it is absent. */
export function queryValues(request: ServerRequest, name: string): string[] | undefined {
  const values = request.query.getAll(name);
  return values.length === 0 ? undefined : values;
}

/**
 * Every query parameter, as a map of their first values (`@httpQueryParams`): those bound to a
 * member by `@httpQuery` too, as the protocol's server cases expect.
 */
export function queryMap(request: ServerRequest): Record<string, string> | undefined {
  let map: Record<string, string> | undefined;
  for (const [key, value] of request.query) if (!(map && Object.prototype.hasOwnProperty.call(map, key))) (map ??= {})[key] = value;
  return map;
}

/** Every query parameter, as a map of all their values. */
export function queryListMap(request: ServerRequest): Record<string, string[]> | undefined {
  let map: Record<string, string[]> | undefined;
  for (const [key, value] of request.query) ((map ??= {})[key] ??= []).push(value);
  return map;
}

/** A blob payload: the body's bytes; undefined for an empty body. */
export function payloadBytes(request: ServerRequest): Uint8Array | undefined {
  const bytes = request.bytes ?? new TextEncoder().encode(request.body);
  // A plain Uint8Array, whatever view (a Node Buffer) the adapter read the body into.
  return bytes.length === 0 ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** A string payload: the body's text; undefined for an empty body. */
export function payloadText(request: ServerRequest): string | undefined {
  return request.body === '' ? undefined : request.body;
}

/** A JSON payload (a structure, union or document); undefined for an empty body. */
export function parseJsonPayload(request: ServerRequest): unknown {
  if (request.body.trim() === '') return undefined;
  try {
    return JSON.parse(request.body);
  } catch {
    throw new ProtocolError('SerializationException', 400, 'The request body is not valid JSON.');
  }
}

/** Headers of the connection rather than of the message (RFC 9110 §7.6.1, and the framing ones). */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'host', 'content-length', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection']);

/** Every header of the message, by lower-case name (`@httpPrefixHeaders("")`); undefined when there is none. */
export function messageHeaders(request: ServerRequest): Record<string, string> | undefined {
  let result: Record<string, string> | undefined;
  for (const name of Object.keys(request.headers)) {
    const value = request.headers[name];
    if (value === undefined || CONNECTION_HEADERS.has(name.toLowerCase())) continue;
    (result ??= {})[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

/** One request header as a single string (repeated headers joined as HTTP allows). */
export function headerValue(request: ServerRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The decoder's refusal of a value it cannot read as its shape (`WireValueError` of wire.ts, the
 * helpers both sides share), known by its mark: this file ships apart from wire.ts.
 */
function isWireValueError(thrown: unknown): thrown is Error {
  return thrown instanceof Error && (thrown as { [WIRE_VALUE_ERROR]?: unknown })[WIRE_VALUE_ERROR] === true;
}

const WIRE_VALUE_ERROR = Symbol.for('permgen.wireValueError');

export function protocolErrorResponse(error: ProtocolError, settings: ProtocolSettings, context: RequestContext): ServerResponse {
  return {
    status: error.status,
    headers: {
      [settings.errorTypeHeader]: error.errorName,
      'x-amzn-RequestId': context.requestId,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ message: error.message }),
    errorName: error.errorName,
  };
}

/**
 * Turns anything an operation threw into a response. Errors the operation models (by `name`)
 * are rendered as the model says; anything else becomes the model's internal error with a
 * generic message, so no internal detail leaves the server.
 */
export function errorResponse(
  thrown: unknown,
  modeled: Readonly<Record<string, ErrorDescription>>,
  settings: ProtocolSettings,
  context: RequestContext,
): ServerResponse {
  if (thrown instanceof ProtocolError) return protocolErrorResponse(thrown, settings, context);
  // The decoder met a value it cannot read as its shape.
  if (isWireValueError(thrown)) return protocolErrorResponse(new ProtocolError('SerializationException', 400, thrown.message), settings, context);
  const name = typeof thrown === 'object' && thrown !== null ? (thrown as { name?: unknown }).name : undefined;
  if (typeof name === 'string') {
    const description = Object.prototype.hasOwnProperty.call(modeled, name)
      ? modeled[name]
      : settings.validationError?.name === name
        ? settings.validationError
        : undefined;
    if (description) return renderError(description, thrown as Record<string, unknown>, settings, context);
  }
  const message = 'The service encountered an internal error. Try again later.';
  if (settings.internalError) return renderError(settings.internalError, { message }, settings, context);
  return protocolErrorResponse(new ProtocolError('InternalFailure', 500, message), settings, context);
}
