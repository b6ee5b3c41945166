/**
 * restJson1, server side: how a generated operation handler reads its input off the request
 * (labels, query members and maps, headers and prefix headers, the JSON body or the payload, each
 * decoded to its type, refusing a value that is not one) and writes its output (status code, headers, a JSON body or a
 * payload). The JSON writers and readers of nested shapes go to `server/serde.ts` (./json.ts);
 * the framework-free protocol runtime ships with the server (`server/runtime/http.ts`) and the
 * wire helpers beside this file (`runtime/wire.ts`).
 */
import type { BoundMember, Operation, ServiceModel } from '../../model/ir.js';
import { propertyName } from '../../model/symbols.js';
import { quote } from '../typescript.js';
import { payloadMediaType } from './client.js';
import { TextCodecs } from './http-text.js';
import { JsonCodecs, literal, readProperty, readRecordProperty } from './json.js';
import { jsonKey } from './traits.js';
import { isEventStream, serverEventStream } from './event-stream.js';
import { errorTableName } from '../server/names.js';

/** Lines of a handler, the protocol runtime helpers (http.ts) and wire helpers (wire.ts) they call, and the serde functions they use. */
export interface Binding {
  lines: string[];
  helpers: string[];
  wire: string[];
  serde: string[];
  /** Event-stream runtime helpers (runtime/event-stream.ts) the lines call, when the output is an event stream. */
  events?: string[];
}

/** The serde functions (`se_X`, `de_X`) some lines call. */
function serdeNames(lines: string[]): string[] {
  return [...new Set(lines.join('\n').match(/\b(?:se|de)_[A-Za-z0-9_$]+(?=\()|\b(?:se|de)_[A-Za-z0-9_$]+(?=[),])/g) ?? [])].sort();
}

/** Fresh codecs for one operation's lines; the shared `json` collects the serde functions for server/serde.ts. */
function codecs(model: ServiceModel, json?: JsonCodecs) {
  // Strict: the server refuses a value it cannot read as its shape (400 SerializationException) before validating.
  return { json: json ?? new JsonCodecs(model, 'server'), text: new TextCodecs(model, true) };
}

/** A member's default, for members the request leaves out (Smithy servers fill them in). */
function withDefault(model: ServiceModel, member: BoundMember, expression: string): string {
  // A payload left out stays absent: a streaming blob's `@default("")` only says it may be empty.
  if (member.default === undefined || member.default === null || member.binding.kind === 'payload') return expression;
  return `${expression} ?? ${typedDefault(model.graph.shapes.get(member.target)?.kind, member.default)}`;
}

/** A `@default` (as the model writes it: base64 for blobs, epoch seconds or a date for timestamps) as a typed value. */
function typedDefault(kind: string | undefined, value: unknown): string {
  if (kind === 'blob') {
    const bytes = [...Buffer.from(String(value), 'base64')];
    return bytes.length ? `new Uint8Array([${bytes.join(', ')}])` : 'new Uint8Array(0)';
  }
  if (kind === 'timestamp') return `new Date(${typeof value === 'number' ? value * 1000 : literal(value)})`;
  return literal(value);
}

/** A blob payload's media type when the model names one; `application/octet-stream` (any bytes) names none. */
function modeledMediaType(model: ServiceModel, payload: BoundMember): string | undefined {
  const mediaType = payloadMediaType(model, payload);
  return model.graph.shapes.get(payload.target)?.kind === 'blob' && mediaType === 'application/octet-stream' ? undefined : mediaType;
}

/**
 * The Content-Type a request body must have: `null` when the operation has no input (`Unit`) or
 * binds none of its members to the body; undefined when anything goes (bytes of no modeled media
 * type, or an empty input structure, for which a client may send `{}`).
 */
export function takesMediaType(model: ServiceModel, operation: Operation): string | null | undefined {
  const payload = operation.request.find((m) => m.binding.kind === 'payload');
  if (payload) return modeledMediaType(model, payload);
  if (operation.request.some((m) => m.binding.kind === 'body')) return 'application/json';
  return operation.request.length || operation.unitInput ? null : undefined;
}

/** The media type of a success response's body; undefined when it has none or it is bytes of any type. */
export function answersMediaType(model: ServiceModel, operation: Operation): string | undefined {
  if (operation.successStatus === 204 || operation.successStatus === 304 || operation.unitOutput) return undefined;
  const payload = operation.response.find((m) => m.binding.kind === 'payload');
  // An event stream's frames are negotiated by the stream itself, not by Accept.
  if (payload && isEventStream(payload)) return undefined;
  return payload ? modeledMediaType(model, payload) : 'application/json';
}

export function decodeRequest(model: ServiceModel, operation: Operation, shared?: JsonCodecs): Binding {
  const { json, text } = codecs(model, shared);
  const helpers = new Set<string>();
  const wire = new Set<string>();
  const lines: string[] = [];
  // The media types first: a request the operation cannot take or answer is refused unread (415, 406).
  const takes = takesMediaType(model, operation);
  if (takes !== undefined) {
    helpers.add('checkContentType');
    lines.push(`checkContentType(request, ${takes === null ? 'null' : quote(takes)});`);
  }
  const answers = answersMediaType(model, operation);
  if (answers !== undefined) {
    helpers.add('checkAccept');
    lines.push(`checkAccept(request, ${quote(answers)});`);
  }
  const body = operation.request.filter((m) => m.binding.kind === 'body');
  if (body.length) {
    helpers.add('parseJsonObject');
    lines.push('const body = parseJsonObject(request.body);');
  }
  const entries = operation.request.map((m) => {
    let value: string;
    switch (m.binding.kind) {
      case 'label':
        value = text.readLabel(m, readRecordProperty('labels', m.binding.name.replace(/\+$/, ''), wire));
        break;
      case 'query':
        if (text.isList(m)) {
          helpers.add('queryValues');
          value = text.readQuery(m, `queryValues(request, ${quote(m.binding.name)})`);
        } else {
          value = text.readQuery(m, `request.query.get(${quote(m.binding.name)}) ?? undefined`);
        }
        break;
      case 'queryParams': {
        // Every query parameter goes into the map, those bound to members too, as Smithy servers do.
        const valueShape = model.graph.shapes.get(model.graph.shapes.get(m.target)?.kind === 'map' ? (model.graph.shapes.get(m.target) as { value: { target: string } }).value.target : '');
        helpers.add(valueShape?.kind === 'list' ? 'queryListMap' : 'queryMap');
        value = `${valueShape?.kind === 'list' ? 'queryListMap' : 'queryMap'}(request)`;
        break;
      }
      case 'header':
        helpers.add('headerValue');
        value = text.readHeader(m, `headerValue(request, ${quote(m.binding.name.toLowerCase())})`);
        break;
      case 'prefixHeaders':
        if (m.binding.prefix === '') {
          // An empty prefix takes every header the message carries, not those of the connection.
          helpers.add('messageHeaders');
          value = 'messageHeaders(request)';
          break;
        }
        wire.add('prefixedHeaders');
        value = `prefixedHeaders(request.headers, ${quote(m.binding.prefix.toLowerCase())})`;
        break;
      case 'payload': {
        const kind = model.graph.shapes.get(m.target)!.kind;
        const reader = kind === 'blob' ? 'payloadBytes' : kind === 'string' || kind === 'enum' ? 'payloadText' : 'parseJsonPayload';
        helpers.add(reader);
        value = reader === 'parseJsonPayload' ? (json.read(m.target, `${reader}(request)`, m) ?? `${reader}(request)`) : `${reader}(request)`;
        break;
      }
      case 'body': {
        // A default is read as the wire would carry it, so that it gets its type as a sent value does.
        return `  ${propertyName(m.name)}: ${json.readMember('body', m, jsonKey(model.graph, m, m.binding.name), json.wireDefault(m))},`;
      }
      default:
        value = 'undefined';
    }
    return `  ${propertyName(m.name)}: ${withDefault(model, m, value)},`;
  });
  lines.push(entries.length ? `const input = {\n${entries.join('\n')}\n};` : 'const input = {};');
  for (const name of [...json.helpers, ...text.helpers]) wire.add(name);
  return { lines, helpers: [...helpers], wire: usedIn(lines, wire), serde: serdeNames(lines) };
}

/** Keeps the helpers the lines really call (a shared codec remembers every operation's). */
function usedIn(lines: string[], names: Set<string>): string[] {
  const text = lines.join('\n');
  // Called, or passed as a callback (`expectList(value, expectString)`).
  return [...names].filter((name) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}(?=[(),])`).test(text)).sort();
}

/** The handler's last line: `output` (or nothing) as the success response. */
export function encodeResponse(model: ServiceModel, operation: Operation, shared?: JsonCodecs): Binding {
  const { json, text } = codecs(model, shared);
  const members = operation.response;
  // restJson1 answers `{}` where no member is bound to the body, except for an operation without
  // output (`Unit`) and with a status that has no body.
  const noBody = operation.successStatus === 204 || operation.successStatus === 304 || operation.unitOutput === true;
  if (members.length === 0) {
    if (noBody) return { lines: [`return emptyResponse(${operation.successStatus}, context);`], helpers: ['emptyResponse'], wire: [], serde: [] };
    return { lines: [`return restResponse(${operation.successStatus}, { json: '{}' }, context);`], helpers: ['restResponse'], wire: [], serde: [] };
  }
  const wire = new Set<string>();
  const access = (m: BoundMember) => readProperty('output', m.name, wire);
  const code = members.find((m) => m.binding.kind === 'responseCode');
  const status = code ? `${access(code)} ?? ${operation.successStatus}` : String(operation.successStatus);
  const parts: string[] = [];
  const headers = members.flatMap((m) => {
    if (m.binding.kind === 'header') return [`    ${quote(m.binding.name)}: ${json.optional(access(m), text.headerText(m, access(m)), false)},`];
    if (m.binding.kind === 'prefixHeaders') {
      wire.add('withPrefix');
      return [`    ...withPrefix(${quote(m.binding.prefix)}, ${access(m)}),`];
    }
    return [];
  });
  if (headers.length) parts.push(`headers: {\n${headers.sort((a, b) => (a.trimStart().startsWith('...') ? -1 : b.trimStart().startsWith('...') ? 1 : 0)).join('\n')}\n  }`);
  const body = members.filter((m) => m.binding.kind === 'body');
  if (body.length) {
    const stringify = json.stringifier(body.map((m) => m.target));
    const entries = body.map((m) => {
      // A member the implementation leaves out is answered with its default.
      return `    ${propertyName(jsonKey(model.graph, m, (m.binding as { name: string }).name))}: ${json.writeMember(access(m), m, false, json.wireDefault(m))},`;
    });
    parts.push(`json: ${stringify}({\n${entries.join('\n')}\n  })`);
  }
  const payload = members.find((m) => m.binding.kind === 'payload');
  if (!body.length && !payload && !noBody) parts.push(`json: '{}'`);
  const events = new Set<string>();
  if (payload && isEventStream(payload)) {
    parts.push(`events: ${serverEventStream(model, payload, access(payload), errorTableName(operation), json, events)}`);
  } else if (payload) {
    const kind = model.graph.shapes.get(payload.target)!.kind;
    let encoded = access(payload);
    if (kind !== 'blob' && kind !== 'string' && kind !== 'enum') {
      encoded = json.optional(access(payload), `${json.stringifier([payload.target])}(${json.write(payload.target, access(payload), payload) ?? access(payload)})`, false);
    }
    parts.push(`payload: ${encoded}`, `contentType: ${quote(payloadMediaType(model, payload))}`);
  }
  const lines = [parts.length ? `return restResponse(${status}, {\n  ${parts.join(',\n  ')},\n}, context);` : `return restResponse(${status}, {}, context);`];
  for (const name of [...json.helpers, ...text.helpers]) wire.add(name);
  return { lines, helpers: ['restResponse'], wire: usedIn(lines, wire), serde: serdeNames(lines), ...(events.size > 0 && { events: [...events].sort() }) };
}
