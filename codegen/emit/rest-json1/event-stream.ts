/**
 * restJson1 event streams (`application/vnd.amazon.eventstream`): an output payload member whose
 * union's members are the events. The client reads it as an `AsyncIterable` of the union's
 * events, each from one message (`:event-type` names the member; `@eventHeader` members from the
 * message's headers; the `@eventPayload` member, or else the other members as JSON, from its
 * body), and turns an `exception` message into the modeled error it names and an `error` message
 * into the service's base exception. The server writes the operation's `AsyncIterable` the same
 * way. The framing and message rules ship beside this file (`runtime/event-stream.ts`); the
 * client and server emitters call in here where a payload is an event stream.
 */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { BoundMember, Operation, ServiceModel } from '../../model/ir.js';
import type { Member, Shape } from '../../model/shapes.js';
import { operationErrors, ownMembers } from '../../model/queries.js';
import { clientSymbols, propertyName } from '../../model/symbols.js';
import { shipRuntime } from '../shipped.js';
import { quote, tsDoc, type GeneratedFile } from '../typescript.js';
import type { JsonCodecs } from './json.js';
import { readProperty } from './json.js';
import { jsonKey } from './traits.js';

const { StructureKind } = tsMorph;

/** Whether a member is an event stream (a payload of `application/vnd.amazon.eventstream` naming its union). */
export function isEventStream(member: BoundMember | Member): boolean {
  const binding = (member as Partial<BoundMember>).binding;
  return binding?.kind === 'payload' && binding.eventStream === true;
}

const usesEventStreams = (model: ServiceModel) => model.operations.some((operation) => operation.response.some(isEventStream));

/** The event-stream runtime into `folder`, for a model that has an event stream (none otherwise). */
export function shipEventStreamRuntime(model: ServiceModel, folder: string, header: string): GeneratedFile[] {
  return usesEventStreams(model) ? shipRuntime(import.meta.url, ['event-stream.ts'], folder, header) : [];
}

/** An event header's type on the wire, by the member's shape kind. */
const HEADER_TYPES: Partial<Record<Shape['kind'], string>> = {
  boolean: 'boolean', byte: 'byte', short: 'short', integer: 'integer', intEnum: 'integer', long: 'long', blob: 'binary', timestamp: 'timestamp',
};

/** One event of a union: its members split into headers, the explicit payload, and the members of an implicit JSON payload. */
interface EventParts {
  member: Member;
  /** A modeled error event (`x-event-error`: a structure with `@error`): an `exception` message, its fault. */
  error?: 'client' | 'server';
  headers: Member[];
  payload?: Member;
  body: Member[];
}

function eventsOf(model: ServiceModel, union: string): EventParts[] {
  const shape = model.graph.shapes.get(union);
  if (shape?.kind !== 'union') throw new Error(`event stream ${union} is not a union`);
  return shape.members.map((member) => {
    const target = model.graph.shapes.get(member.target);
    const members = target?.kind === 'structure' ? target.members : [];
    const error = target?.extensions['x-event-error'];
    return {
      member,
      ...((error === 'client' || error === 'server') && { error }),
      headers: members.filter((m) => m.eventHeader),
      payload: members.find((m) => m.eventPayload),
      body: members.filter((m) => !m.eventHeader && !m.eventPayload),
    };
  });
}

const kindOf = (model: ServiceModel, member: Member) => model.graph.shapes.get(member.target)?.kind;

/** The client's readers of event streams, for `client/src/protocol.ts`. */
export class ClientEventStreams {
  private readonly unions = new Set<string>();
  private readonly operations: Operation[] = [];
  /** Names the generated code imports from the shipped runtime. */
  private readonly runtime = new Set<string>(['readEventStream', 'type ReceivedEvent']);

  constructor(
    private readonly model: ServiceModel,
    private readonly json: JsonCodecs,
    private readonly baseException: string,
  ) {}

  private eventReader(union: string): string {
    return clientSymbols.eventReader(this.model.symbols.declaredName(union) ?? union);
  }

  private exceptionReader(operation: Operation): string {
    return clientSymbols.eventExceptionReader(operation.name);
  }

  /** The output member's value: the events of the response body, read as they arrive. */
  read(operation: Operation, member: BoundMember): string {
    this.unions.add(member.target);
    if (!this.operations.includes(operation)) this.operations.push(operation);
    const error = `new ${this.baseException}({ name: code, $fault: 'server', $metadata: responseMetadata(response), message })`;
    return `readEventStream(response.body, {\n    event: ${this.eventReader(member.target)},\n    exception: (message) => ${this.exceptionReader(operation)}(message, responseMetadata(response)),\n    error: (code, message) => ${error},\n  })`;
  }

  /** The reader and exception functions asked for; call before the JSON codecs' functions are collected. */
  functions(): StatementStructures[] {
    if (this.unions.size === 0) return [];
    const statements: StatementStructures[] = [];
    for (const union of this.unions) statements.push(this.eventFunction(union));
    for (const operation of this.operations) statements.push(this.exceptionFunction(operation));
    return statements;
  }

  /** Imports of the shipped runtime and the metadata type, when a stream is read. */
  imports(): StatementStructures[] {
    if (this.unions.size === 0) return [];
    const unions = [...this.unions].map((union) => this.model.symbols.shapeType(union)).sort();
    return [
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '@smithy/types', namedImports: ['ResponseMetadata as __ResponseMetadata'] },
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './models.js', namedImports: unions },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/event-stream.js', namedImports: [...this.runtime].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))) },
    ];
  }

  private eventFunction(union: string): StatementStructures {
    const type = this.model.symbols.shapeType(union);
    // Error events arrive as exception messages (exceptionFunction), never as events.
    const cases = eventsOf(this.model, union)
      .filter((event) => !event.error)
      .map((event) => `  case ${quote(event.member.name)}:\n    return { ${propertyName(event.member.name)}: ${this.eventValue(event)} };`);
    return {
      kind: StructureKind.Function,
      name: this.eventReader(union),
      docs: [tsDoc(`Reads one event of ${type}, named by the message's \`:event-type\`; undefined for an event this client does not know (skipped, as the AWS SDK skips it).`)],
      parameters: [{ name: 'message', type: 'ReceivedEvent' }],
      returnType: `${type} | undefined`,
      statements: [`switch (message.type) {\n${cases.join('\n')}\n  default:\n    return undefined;\n}`],
    };
  }

  private eventValue(event: EventParts): string {
    const fields: string[] = [];
    const target = this.model.graph.shapes.get(event.member.target);
    if (event.payload) {
      const kind = kindOf(this.model, event.payload);
      let value: string;
      if (kind === 'blob') value = 'message.body';
      else if (kind === 'string' || kind === 'enum') {
        this.runtime.add('eventText');
        value = 'eventText(message)';
      } else {
        this.runtime.add('eventJson');
        value = this.json.read(event.payload.target, 'eventJson(message)', event.payload) ?? 'eventJson(message)';
      }
      fields.push(`${propertyName(event.payload.name)}: ${value}`);
    } else if (event.body.length > 0 && target?.kind === 'structure') {
      this.runtime.add('eventJson');
      fields.push(`...${this.json.read(target.id, 'eventJson(message)', event.member) ?? 'eventJson(message)'}`);
    }
    for (const header of event.headers) {
      this.runtime.add('eventHeader');
      const type = this.model.symbols.shapeType(header.target);
      fields.push(`${propertyName(header.name)}: eventHeader(message, ${quote(header.name)}) as ${header.required ? type : `${type} | undefined`}`);
    }
    if (fields.length === 1 && fields[0].startsWith('...')) return fields[0].slice(3);
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }

  private exceptionFunction(operation: Operation): StatementStructures {
    this.runtime.add('exceptionBody');
    const cases = operationErrors(this.model, operation).map((error) => {
      const own = new Set(ownMembers(error).map((m) => m.name));
      const members = error.bound
        .filter((m) => own.has(m.name) && m.binding.kind !== 'header')
        .map((m) => `, ${propertyName(m.name)}: ${this.json.readMember('body', m, jsonKey(this.model.graph, m, m.binding.kind === 'body' ? m.binding.name : m.name))}`);
      return `  case ${quote(error.name)}:\n    return new ${error.name}({ $metadata, message: text${members.join('')} });`;
    });
    // The stream's own modeled error events, named by their union member: the base exception named as their structure, with its members.
    for (const stream of operation.response.filter(isEventStream)) {
      for (const event of eventsOf(this.model, stream.target).filter((e) => e.error)) {
        const members = this.json.read(event.member.target, 'body', event.member) ?? 'body';
        const name = this.model.symbols.shapeType(event.member.target);
        cases.push(`  case ${quote(event.member.name)}:\n    return Object.assign(new ${this.baseException}({ name: ${quote(name)}, $fault: ${quote(event.error!)}, $metadata, message: text }), ${members}, { message: text });`);
      }
    }
    return {
      kind: StructureKind.Function,
      name: this.exceptionReader(operation),
      docs: [tsDoc(`The error an \`exception\` message of ${operation.name}'s event stream carries: the modeled error its \`:exception-type\` names, else a plain ${this.baseException} carrying that name.`)],
      parameters: [
        { name: 'message', type: 'ReceivedEvent' },
        { name: '$metadata', type: '__ResponseMetadata' },
      ],
      returnType: 'Error',
      statements: [
        'const body = exceptionBody(message);',
        "const text: string = typeof body['message'] === 'string' ? body['message'] : typeof body['Message'] === 'string' ? body['Message'] : message.type;",
        `switch (message.type) {\n${cases.join('\n')}${cases.length ? '\n' : ''}  default:\n    return new ${this.baseException}({ name: message.type, $fault: 'server', $metadata, message: text });\n}`,
      ],
    };
  }
}

/**
 * The server's `events` part of a response: the operation's events written as they come, a thrown
 * modeled error as an `exception` message, anything else as an `error` message. `table` is the
 * operation's error table; the names the expression imports from the shipped runtime go to `runtime`.
 */
export function serverEventStream(model: ServiceModel, member: BoundMember, access: string, table: string, json: JsonCodecs, runtime: Set<string>): string {
  runtime.add('writeEventStream');
  runtime.add('failureMessage');
  const value = (event: EventParts) => `event.${propertyName(event.member.name)}`;
  const branches = eventsOf(model, member.target).map((event) => {
    const parts = [`type: ${quote(event.member.name)}`];
    const v = value(event);
    if (event.headers.length > 0) {
      runtime.add('headerValue');
      parts.push(`headers: { ${event.headers.map((h) => `${quote(h.name)}: headerValue(${quote(HEADER_TYPES[kindOf(model, h)!] ?? 'string')}, ${readProperty(v, h.name, json.helpers)})`).join(', ')} }`);
    }
    const target = model.graph.shapes.get(event.member.target);
    if (event.error && target?.kind === 'structure') {
      // A modeled error event: an exception message named by the union member, its members as JSON.
      const written = json.write(target.id, v, event.member) ?? v;
      return `    if (${v} !== undefined) return { type: ${quote(event.member.name)}, exception: true, body: ${json.stringifier([target.id])}(${written}) };`;
    }
    if (event.payload) {
      const kind = kindOf(model, event.payload);
      const access = readProperty(v, event.payload.name, json.helpers);
      if (kind === 'blob') parts.push(`body: ${access} ?? new Uint8Array(0)`, "contentType: 'application/octet-stream'");
      else if (kind === 'string' || kind === 'enum') parts.push(`body: ${access} ?? ''`, "contentType: 'text/plain'");
      else {
        const written = json.write(event.payload.target, access, event.payload) ?? access;
        parts.push(`body: ${access} === undefined ? '' : ${json.stringifier([event.payload.target])}(${written})`, "contentType: 'application/json'");
      }
    } else if (event.body.length > 0 && target?.kind === 'structure') {
      let written = json.write(target.id, v, event.member) ?? v;
      if (event.headers.length > 0) {
        runtime.add('withoutKeys');
        written = `withoutKeys(${written}, [${event.headers.map((h) => quote(jsonKey(model.graph, h))).join(', ')}])`;
      }
      parts.push(`body: ${json.stringifier([target.id])}(${written})`, "contentType: 'application/json'");
    } else {
      parts.push("body: new Uint8Array(0)");
    }
    return `    if (${v} !== undefined) return { ${parts.join(', ')} };`;
  });
  const writer = `(event) => {\n${branches.join('\n')}\n    // An event this side does not know ($unknown) is not sent.\n    return undefined;\n  }`;
  const failure = `(error) => failureMessage(error, ${table}, (thrown) => errorResponse(thrown, ${table}, PROTOCOL_SETTINGS, context))`;
  return `writeEventStream(${access}, ${writer}, ${failure})`;
}
