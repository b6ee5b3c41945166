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
import { JsonCodecs, readProperty } from './json.js';
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
  return { json: json ?? new JsonCodecs(model, true), text: new TextCodecs(model, true) };
}

/** A member's default, for members the request leaves out (Smithy servers fill them in). */
function withDefault(member: BoundMember, expression: string): string {
  return member.default === undefined || member.default === null ? expression : `${expression} ?? ${JSON.stringify(member.default)}`;
}

export function decodeRequest(model: ServiceModel, operation: Operation, shared?: JsonCodecs): Binding {
  const { json, text } = codecs(model, shared);
  const helpers = new Set<string>();
  const wire = new Set<string>();
  const lines: string[] = [];
  const body = operation.request.filter((m) => m.binding.kind === 'body');
  if (body.length) {
    helpers.add('parseJsonObject');
    lines.push('const body = parseJsonObject(request.body);');
  }
  const boundQuery = operation.request.flatMap((m) => (m.binding.kind === 'query' ? [m.binding.name] : []));
  const entries = operation.request.map((m) => {
    let value: string;
    switch (m.binding.kind) {
      case 'label':
        value = text.readLabel(m, readProperty('labels', m.binding.name.replace(/\+$/, ''), wire));
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
        const valueShape = model.graph.shapes.get(model.graph.shapes.get(m.target)?.kind === 'map' ? (model.graph.shapes.get(m.target) as { value: { target: string } }).value.target : '');
        helpers.add(valueShape?.kind === 'list' ? 'queryListMap' : 'queryMap');
        value = `${valueShape?.kind === 'list' ? 'queryListMap' : 'queryMap'}(request, [${boundQuery.map(quote).join(', ')}])`;
        break;
      }
      case 'header':
        helpers.add('headerValue');
        value = text.readHeader(m, `headerValue(request, ${quote(m.binding.name.toLowerCase())})`);
        break;
      case 'prefixHeaders':
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
        // parseJsonObject has dropped the body's null members: a plain read is an own, non-null value.
        const access = readProperty('body', jsonKey(model.graph, m, m.binding.name), json.helpers);
        value = json.read(m.target, access, m) ?? access;
        break;
      }
      default:
        value = 'undefined';
    }
    return `  ${propertyName(m.name)}: ${withDefault(m, value)},`;
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
  if (members.length === 0) return { lines: [`return emptyResponse(${operation.successStatus}, context);`], helpers: ['emptyResponse'], wire: [], serde: [] };
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
    const entries = body.map((m) => `    ${propertyName(jsonKey(model.graph, m, (m.binding as { name: string }).name))}: ${json.optional(access(m), json.write(m.target, access(m), m), false)},`);
    parts.push(`json: ${stringify}({\n${entries.join('\n')}\n  })`);
  }
  const payload = members.find((m) => m.binding.kind === 'payload');
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
