/**
 * The restJson1 server protocol, independent of any operation and of any HTTP framework:
 * requests and responses as plain values, route matching, JSON bodies, and errors rendered
 * as the service renders them (status, error-name header, request id, body member casing).
 */
import { randomUUID } from 'node:crypto';

export interface ServerRequest {
  method: string;
  /** The path exactly as received, still percent-encoded, without the query. */
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw request body (empty when there is none). */
  body: string;
}

export interface ServerResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
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
  validationError?: ErrorDescription;
  /** The model's server-fault error, used for unexpected failures. */
  internalError?: ErrorDescription;
}

export type OperationHandler<Implementation> = (
  request: ServerRequest,
  labels: Readonly<Record<string, string>>,
  implementation: Implementation,
  context: RequestContext,
) => Promise<ServerResponse>;

export interface Route<Implementation> {
  method: string;
  /** Path template split on `/`; `{Name}` segments are labels. */
  segments: readonly string[];
  handle: OperationHandler<Implementation>;
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
  return { requestId: randomUUID() };
}

/** Finds the route for a request and decodes its labels; labels may hold encoded `/` and `:`. */
export function matchRoute<Implementation>(
  routes: readonly Route<Implementation>[],
  method: string,
  path: string,
): { route: Route<Implementation>; labels: Record<string, string> } {
  const actual = path.split('/');
  let pathMatched = false;
  for (const route of routes) {
    if (route.segments.length !== actual.length || !segmentsMatch(route.segments, actual)) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    // Labels are decoded once, for the route that answers.
    const labels: Record<string, string> = {};
    route.segments.forEach((segment, i) => {
      if (isLabel(segment)) labels[segment.slice(1, -1)] = decodeSegment(actual[i]);
    });
    return { route, labels };
  }
  throw pathMatched
    ? new ProtocolError('MethodNotAllowedException', 405, `The method ${method} is not allowed on this resource.`)
    : new ProtocolError('UnknownOperationException', 404, 'No operation matches the request path.');
}

const isLabel = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

function segmentsMatch(expected: readonly string[], actual: string[]): boolean {
  for (let i = 0; i < expected.length; i++) {
    if (isLabel(expected[i]) ? actual[i] === '' : expected[i] !== actual[i]) return false;
  }
  return true;
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
 * A member whose value is JSON `null` is a member not sent, as restJson1 reads it: such members
 * are removed here, at every depth of nested objects, so nothing behind the protocol ever tells
 * `null` from absent.
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
  dropNullMembers(parsed as Record<string, unknown>);
  return parsed as Record<string, unknown>;
}

/** Removes `null` members of objects, nested ones included, with a work list rather than recursion (bodies may nest deep). */
function dropNullMembers(root: Record<string, unknown>): void {
  const objects: object[] = [root];
  while (objects.length > 0) {
    const object = objects.pop()!;
    if (Array.isArray(object)) {
      // A list keeps its nulls (their meaning is the list's), but objects inside it are visited.
      for (const item of object) if (item !== null && typeof item === 'object') objects.push(item);
      continue;
    }
    const record = object as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (value === null) delete record[key];
      else if (typeof value === 'object') objects.push(value as object);
    }
  }
}

/** The media type restJson1 bodies carry. */
const JSON_MEDIA_TYPE = 'application/json';

/**
 * restJson1 takes a request body only as `application/json` (parameters such as `charset` are
 * allowed): any other media type, or none, for a non-empty body is 415
 * UnsupportedMediaTypeException, as the protocol's malformed-request tests require. A request
 * without a body may carry any Content-Type or none.
 */
export function checkBodyMediaType(headers: ServerRequest['headers'], body: string): void {
  if (body.length === 0) return;
  const contentType = headers['content-type'];
  const text = Array.isArray(contentType) ? contentType[0] : contentType;
  const semicolon = text === undefined ? -1 : text.indexOf(';');
  const mediaType = text === undefined ? '' : (semicolon === -1 ? text : text.slice(0, semicolon)).trim().toLowerCase();
  if (mediaType !== JSON_MEDIA_TYPE) {
    throw new ProtocolError(
      'UnsupportedMediaTypeException',
      415,
      text === undefined ? 'The request body has no Content-Type; send it as application/json.' : `The request body's Content-Type must be application/json, not ${JSON.stringify(text.slice(0, 100))}.`,
    );
  }
}

export function jsonResponse(status: number, body: unknown, context: RequestContext): ServerResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': context.requestId },
    body: JSON.stringify(body),
  };
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
    const value = member.isMessage ? thrown.message ?? thrown[member.name] : thrown[member.name] ?? member.defaultValue;
    if (value === undefined || value === null) continue;
    if (member.header) headers[member.header] = String(value);
    else body[member.name] = value;
  }
  return { status: error.status, headers, body: JSON.stringify(body), errorName: error.name };
}

/** The answer to a request that failed the model's constraints: 400 with the service's message. */
export function validationFailure(message: string, settings: ProtocolSettings, context: RequestContext): ServerResponse {
  if (settings.validationError) return renderError(settings.validationError, { message }, settings, context);
  return protocolErrorResponse(new ProtocolError('ValidationException', 400, message), settings, context);
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

/** One request header as a single string (repeated headers joined as HTTP allows). */
export function headerValue(request: ServerRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

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
