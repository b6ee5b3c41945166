// Requests and inputs the harness needs besides the ones a case states: the HTTP request of a
// request or malformed case as bytes on the wire, and, for a response case (which states only the
// response), some valid way into its operation: the request (server side) or the input (client
// side) of one of the operation's own request cases, else one made from the operation's HTTP
// binding with a plain value for each label and required member.

import type { AstMember, AstShape, NodeValue, SmithyAst } from '../../../codegen/smithy/ast.js';
import type { HttpMalformedRequestTestCase, HttpRequestTestCase, ProtocolCase, RequestCase } from '../suite/cases.js';
import { shapeOf, typedStructure } from './values.js';

export interface RawRequest {
  method: string;
  /** Path and query exactly as sent. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const T = {
  http: 'smithy.api#http', label: 'smithy.api#httpLabel', query: 'smithy.api#httpQuery', header: 'smithy.api#httpHeader',
  required: 'smithy.api#required', payload: 'smithy.api#httpPayload', queryParams: 'smithy.api#httpQueryParams',
  prefixHeaders: 'smithy.api#httpPrefixHeaders', responseCode: 'smithy.api#httpResponseCode', timestampFormat: 'smithy.api#timestampFormat',
};

/**
 * The request a request case describes, for a server. A case lists only the headers it asserts
 * ("no constraints on additional headers"); a restJson1 client always states its body's media
 * type, so a case with a body and no Content-Type gets the one its `bodyMediaType` names, as the
 * client would have sent it (some of the suite's server cases rely on that, while its malformed
 * cases require a server to refuse a JSON body without one).
 */
export function requestOfCase(test: HttpRequestTestCase): RawRequest {
  const request = rawRequest(test);
  const hasType = Object.keys(request.headers).some((h) => h.toLowerCase() === 'content-type');
  if (!hasType && test.body && test.bodyMediaType) request.headers['Content-Type'] = test.bodyMediaType;
  return request;
}

/** The request exactly as a case states it (a malformed case's is sent as it is, nothing added). */
export function rawRequest(test: Pick<HttpRequestTestCase, 'method' | 'uri' | 'queryParams' | 'headers' | 'body' | 'host'> | HttpMalformedRequestTestCase['request']): RawRequest {
  const query = (test.queryParams ?? []).join('&');
  const headers: Record<string, string> = { ...(test.headers ?? {}) };
  if (test.host && !Object.keys(headers).some((h) => h.toLowerCase() === 'host')) headers.Host = test.host.replace(/\/.*$/, '');
  const request: RawRequest = { method: test.method, target: `${test.uri}${query ? `${test.uri.includes('?') ? '&' : '?'}${query}` : ''}`, headers };
  if (test.body !== undefined) request.body = Buffer.from(test.body, 'utf8');
  return request;
}

/** A request case of the same operation to borrow a valid request or input from, preferring ones both sides run. */
export function siblingRequestCase(cases: readonly ProtocolCase[], operation: string, side: 'client' | 'server'): RequestCase | undefined {
  const own = cases.filter((c): c is RequestCase => c.kind === 'request' && c.operation === operation && c.side === side);
  return own.find((c) => !c.test.appliesTo) ?? own[0];
}

const inputShape = (ast: SmithyAst, operation: string): AstShape | undefined => {
  const target = ast.shapes[operation]?.input?.target;
  return target ? shapeOf(ast, target) : undefined;
};

/** A typed input for the operation: a sibling request case's parameters, else plain values for its labels and required members. */
export function inputFor(ast: SmithyAst, cases: readonly ProtocolCase[], operation: string): Record<string, unknown> {
  const shape = inputShape(ast, operation);
  if (!shape) return {};
  const sibling = siblingRequestCase(cases, operation, 'client');
  if (sibling) return typedStructure(ast, shape, sibling.test.params ?? {});
  const params: Record<string, NodeValue> = {};
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    if (member.traits?.[T.label] !== undefined || member.traits?.[T.required] !== undefined) params[name] = sampleNode(ast, member);
  }
  return typedStructure(ast, shape, params);
}

/** A request that reaches the operation: a sibling request case's request, else one made from its binding. */
export function requestFor(ast: SmithyAst, cases: readonly ProtocolCase[], operation: string): RawRequest {
  const sibling = siblingRequestCase(cases, operation, 'server');
  if (sibling) return requestOfCase(sibling.test);
  const http = (ast.shapes[operation]?.traits?.[T.http] ?? { method: 'POST', uri: '/' }) as { method: string; uri: string };
  const shape = inputShape(ast, operation);
  const members = Object.entries(shape?.members ?? {});
  let uri = http.uri;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const body: Record<string, NodeValue> = {};
  let hasBody = false;
  for (const [name, member] of members) {
    const traits = member.traits ?? {};
    const required = traits[T.required] !== undefined;
    if (traits[T.label] !== undefined) {
      uri = uri.replace(new RegExp(`\\{${name}\\+?\\}`), encodeURIComponent(sampleText(ast, member, 'date-time')));
    } else if (traits[T.query] !== undefined) {
      if (required) query.push(`${encodeURIComponent(String(traits[T.query]))}=${encodeURIComponent(sampleText(ast, member, 'date-time'))}`);
    } else if (traits[T.header] !== undefined) {
      if (required) headers[String(traits[T.header])] = sampleText(ast, member, 'http-date');
    } else if (traits[T.payload] !== undefined || traits[T.queryParams] !== undefined || traits[T.prefixHeaders] !== undefined || traits[T.responseCode] !== undefined) {
      continue;
    } else {
      hasBody = true;
      if (required) body[name] = sampleNode(ast, member);
    }
  }
  const request: RawRequest = { method: http.method, target: `${uri}${query.length ? `${uri.includes('?') ? '&' : '?'}${query.join('&')}` : ''}`, headers };
  if (hasBody) {
    headers['Content-Type'] = 'application/json';
    request.body = Buffer.from(JSON.stringify(body));
  }
  return request;
}

/** A plain valid value of the member's type, as a node value (timestamps as epoch seconds). */
function sampleNode(ast: SmithyAst, member: AstMember): NodeValue {
  const shape = shapeOf(ast, member.target);
  switch (shape?.type) {
    case 'enum': {
      const first = Object.entries(shape.members ?? {})[0];
      return first ? String(first[1].traits?.['smithy.api#enumValue'] ?? first[0]) : 'x';
    }
    case 'intEnum': return Number(Object.values(shape.members ?? {})[0]?.traits?.['smithy.api#enumValue'] ?? 1);
    case 'boolean': return true;
    case 'byte': case 'short': case 'integer': case 'long': case 'float': case 'double': case 'bigInteger': case 'bigDecimal': case 'timestamp': return 1;
    case 'list': case 'set': return [];
    case 'map': return {};
    case 'structure': {
      const out: Record<string, NodeValue> = {};
      for (const [name, m] of Object.entries(shape.members ?? {})) if (m.traits?.[T.required] !== undefined) out[name] = sampleNode(ast, m);
      return out;
    }
    default: return 'x';
  }
}

/** The same value as it is written in a label, query or header. */
function sampleText(ast: SmithyAst, member: AstMember, defaultFormat: 'date-time' | 'http-date'): string {
  const shape = shapeOf(ast, member.target);
  if (shape?.type === 'timestamp') {
    const format = member.traits?.[T.timestampFormat] ?? shape.traits?.[T.timestampFormat] ?? defaultFormat;
    return format === 'epoch-seconds' ? '1' : format === 'http-date' ? 'Thu, 01 Jan 1970 00:00:01 GMT' : '1970-01-01T00:00:01Z';
  }
  const value = sampleNode(ast, member);
  return typeof value === 'object' ? '' : String(value);
}
