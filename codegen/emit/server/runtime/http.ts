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

/** Parses a JSON object body; an empty body is an empty object, anything else is a client error. */
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
  return parsed as Record<string, unknown>;
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

function protocolErrorResponse(error: ProtocolError, settings: ProtocolSettings, context: RequestContext): ServerResponse {
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
