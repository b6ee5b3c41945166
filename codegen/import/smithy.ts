// Smithy 2.0 JSON AST → the intermediate DocumentModel (HTTP bindings, constraint traits, enums,
// errors with their exact member casing, documentation converted from HTML to Markdown).

import { readFileSync } from 'node:fs';
import type { SmithyAst } from '../smithy/ast.js';
import { flattenMixins } from '../smithy/flatten.js';
import { isSmithyIdlPath, loadSmithyModel } from '../smithy/load.js';
import { type Base, findBaseOperation } from './base.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { hasTopLevelAlternation, unanchor } from './pattern.js';
import type {
  Constraints, DocumentModel, ErrorMemberModel, ErrorModel, ImportResult, Location, MemberModel,
  OperationModel, ServiceModel, Undetermined,
} from './types.js';
import { conventions, errorTypeDefault, finishDocument } from './write-document.js';
import { schemaOf } from './schema.js';
import { serviceAuth, serviceOperations, servicesOf } from './smithy-service.js';
import { firstSentence } from './doc/facts.js';

type Obj = Record<string, any>;
interface Shape { type: string; members?: Record<string, { target: string; traits?: Obj }>; traits?: Obj; [k: string]: any }
export interface SmithyModel { smithy?: string; shapes: Record<string, Shape> }

const PRELUDE: Record<string, string> = {
  String: 'string', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Byte: 'byte', PrimitiveByte: 'byte',
  Short: 'short', PrimitiveShort: 'short', Integer: 'integer', PrimitiveInteger: 'integer', Long: 'long',
  PrimitiveLong: 'long', Float: 'float', PrimitiveFloat: 'float', Double: 'double', PrimitiveDouble: 'double',
  BigInteger: 'bigInteger', BigDecimal: 'bigDecimal', Timestamp: 'timestamp', Blob: 'blob', Document: 'document', Unit: 'structure',
};

const T = {
  doc: 'smithy.api#documentation', required: 'smithy.api#required', length: 'smithy.api#length',
  pattern: 'smithy.api#pattern', range: 'smithy.api#range', enumTrait: 'smithy.api#enum', enumValue: 'smithy.api#enumValue',
  default: 'smithy.api#default', http: 'smithy.api#http', label: 'smithy.api#httpLabel', query: 'smithy.api#httpQuery',
  header: 'smithy.api#httpHeader', payload: 'smithy.api#httpPayload', responseCode: 'smithy.api#httpResponseCode',
  queryParams: 'smithy.api#httpQueryParams', prefixHeaders: 'smithy.api#httpPrefixHeaders', error: 'smithy.api#error',
  httpError: 'smithy.api#httpError', title: 'smithy.api#title', timestampFormat: 'smithy.api#timestampFormat',
  jsonName: 'smithy.api#jsonName', uniqueItems: 'smithy.api#uniqueItems', sparse: 'smithy.api#sparse',
  idempotencyToken: 'smithy.api#idempotencyToken', mediaType: 'smithy.api#mediaType', streaming: 'smithy.api#streaming',
};

/** Smithy's numeric shapes as OpenAPI `type` and the `format` the shape graph reads back as the same kind. */
const NUMBERS: Record<string, [string, string | undefined]> = {
  byte: ['integer', 'int8'], short: ['integer', 'int16'], integer: ['integer', 'int32'], long: ['integer', 'int64'],
  bigInteger: ['integer', 'big-integer'], float: ['number', 'float'], double: ['number', undefined], bigDecimal: ['number', 'big-decimal'],
};

/** An operation the conventions cannot express: its input or output is an event stream. */
export class EventStreamRefused extends Error {
  constructor(readonly operation: string, readonly member: string, readonly stream: string) {
    super(`operation ${operation} is refused: its member ${member} is an event stream (${stream}), which permgen does not support`);
  }
}

/**
 * The text of a source to import: a page or a single JSON AST file as it is; Smithy IDL (`.smithy`
 * files, folders, several paths forming one model) as the JSON AST the IDL reader makes of it.
 */
export function readSourceText(...paths: string[]): string {
  if (paths.length === 1 && !isSmithyIdlPath(paths[0])) return readFileSync(paths[0], 'utf8');
  return JSON.stringify(loadSmithyModel(paths), null, 2);
}

/** The framework's error for constraint violations (`smithy.framework#ValidationException`). */
const VALIDATION_EXCEPTION = 'smithy.framework#ValidationException';

const fail = (message: string): never => {
  throw new Error(message);
};

export const localName = (id: string) => id.replace(/^.*#/, '').replace(/\$.*$/, '');

export class SmithyReader {
  readonly notes: string[] = [];
  readonly undetermined: Undetermined[] = [];
  /** Named structures referenced from members, in the conventions' schema form. */
  readonly extraSchemas: Record<string, unknown> = {};

  readonly model: SmithyModel;

  /** Mixins are flattened first: every shape is read with its inherited members and traits. */
  constructor(model: SmithyModel) {
    this.model = flattenMixins(model as unknown as SmithyAst) as unknown as SmithyModel;
  }

  shape(id: string): Shape | undefined {
    if (id.startsWith('smithy.api#')) {
      const t = PRELUDE[localName(id)];
      return t ? { type: t } : undefined;
    }
    return this.model.shapes[id];
  }

  /** The operation's shape id for a bare name (`GetItem`) or a full id. */
  operationId(name: string): string | undefined {
    if (this.model.shapes[name]?.type === 'operation') return name;
    const ids = Object.keys(this.model.shapes).filter((id) => this.model.shapes[id].type === 'operation' && localName(id) === name);
    return ids.length === 1 ? ids[0] : undefined;
  }

  /** The operation whose HTTP binding is `method path`. */
  operationByHttp(method: string, path: string): string | undefined {
    return Object.keys(this.model.shapes).find((id) => {
      const http = this.model.shapes[id].traits?.[T.http];
      return this.model.shapes[id].type === 'operation' && http && http.method === method && http.uri.split('?')[0] === path;
    });
  }

  service(forOperation?: string, serviceId?: string): { id?: string; model: Partial<ServiceModel> } {
    const services = servicesOf(this.model.shapes);
    let id = serviceId ?? services[0];
    if (!serviceId && services.length > 1 && forOperation) {
      id = services.find((s) => JSON.stringify(this.model.shapes[s]).includes(`"${forOperation}"`)) ?? id;
    }
    if (!id) return { model: {} };
    const s = this.model.shapes[id];
    const aws = s.traits?.['aws.api#service'] ?? {};
    const model: Partial<ServiceModel> = {};
    if (s.traits?.[T.title]) model.title = String(s.traits[T.title]);
    if (s.version) model.version = String(s.version);
    const prefix = aws.endpointPrefix ?? aws.arnNamespace;
    if (prefix) model.endpointPrefix = String(prefix);
    const sigv4 = s.traits?.['aws.auth#sigv4']?.name;
    if (sigv4) model.signingName = String(sigv4);
    model.auth = serviceAuth(s.traits ?? {}, this.notes, localName(id));
    if (model.auth.length === 0) this.notes.push(`Service ${localName(id)} declares no authentication: the document has no security requirement.`);
    if (s.traits?.['aws.protocols#restJson1']) model.errorTypeHeader = conventions.errorTypeHeader;
    else this.notes.push(`Service ${localName(id)} does not use restJson1; its error header is not known to the conventions.`);
    if (!model.title && aws.sdkId) {
      model.title = String(aws.sdkId);
      this.undetermined.push({ subject: 'document', fact: 'info.title', reason: 'the model has no smithy.api#title trait', assumed: model.title });
    }
    return { id, model };
  }

  documentation(traits: Obj | undefined): string | undefined {
    const html = traits?.[T.doc];
    return typeof html === 'string' && html.trim() ? htmlToMarkdown(html) : undefined;
  }

  /** Constraints of a member: its target's traits, overridden by the member's own. */
  constraints(target: string, memberTraits: Obj = {}, location: Location = 'body', context = ''): Constraints {
    const shape = this.shape(target);
    if (!shape) {
      this.undetermined.push({ subject: context || target, fact: 'type', reason: `target ${target} is not in the model`, assumed: 'string' });
      return { type: 'string' };
    }
    const traits = { ...(shape.traits ?? {}), ...memberTraits };
    const c: Constraints = {};
    switch (shape.type) {
      case 'string': c.type = 'string'; break;
      case 'enum': c.type = 'string'; c.enum = Object.entries(shape.members ?? {}).map(([n, m]) => String(m.traits?.[T.enumValue] ?? n)); break;
      case 'intEnum': c.type = 'integer'; c.enum = Object.values(shape.members ?? {}).map((m) => Number(m.traits?.[T.enumValue])); break;
      case 'boolean': c.type = 'boolean'; break;
      case 'byte': case 'short': case 'integer': case 'long': case 'bigInteger': case 'float': case 'double': case 'bigDecimal':
        [c.type, c.format] = NUMBERS[shape.type];
        if (c.format === undefined) delete c.format;
        break;
      // Base64 text in JSON; the raw bytes as a payload.
      case 'blob': c.type = 'string'; c.format = location === 'payload' ? 'binary' : 'byte'; break;
      case 'timestamp': {
        const fmt = traits[T.timestampFormat] ?? (location === 'header' ? 'http-date' : location === 'body' ? 'epoch-seconds' : 'date-time');
        if (fmt === 'epoch-seconds') { c.type = 'number'; c.format = 'epoch-seconds'; } else { c.type = 'string'; c.format = fmt; }
        break;
      }
      case 'list': case 'set': {
        c.type = 'array';
        // Entries of a header or query list are written as headers or query values are.
        const entries: Location = location === 'header' || location === 'query' ? location : 'body';
        c.items = shape.member ? this.constraints(shape.member.target, shape.member.traits ?? {}, entries, `${context}[]`) : {};
        if (shape.type === 'set' || traits[T.uniqueItems] !== undefined) c.uniqueItems = true;
        if (traits[T.sparse] !== undefined) c.sparse = true;
        break;
      }
      case 'map': {
        c.type = 'object';
        const keys = shape.key ? this.constraints(shape.key.target, shape.key.traits ?? {}, 'body', `${context}{key}`) : {};
        const { type: _string, ...keyConstraints } = keys;
        if (Object.keys(keyConstraints).length > 0) c.propertyNames = keyConstraints;
        c.additionalProperties = shape.value ? this.constraints(shape.value.target, shape.value.traits ?? {}, location === 'prefixHeaders' ? 'header' : 'body', `${context}{}`) : {};
        if (traits[T.sparse] !== undefined) c.sparse = true;
        break;
      }
      case 'union':
        c.ref = localName(target);
        this.unionSchema(target);
        break;
      case 'structure':
        c.ref = localName(target);
        this.structureSchema(target);
        break;
      case 'document': break;
      default:
        this.undetermined.push({ subject: context || target, fact: 'type', reason: `Smithy shape type ${shape.type} has no rendering in the conventions`, assumed: 'any value' });
    }
    if (Array.isArray(traits[T.enumTrait])) c.enum = traits[T.enumTrait].map((e: Obj) => String(e.value));
    const len = traits[T.length];
    if (len) {
      const [lo, hi] = c.type === 'array' ? ['minItems', 'maxItems'] as const : c.type === 'object' ? ['minProperties', 'maxProperties'] as const : ['minLength', 'maxLength'] as const;
      if (typeof len.min === 'number') c[lo] = len.min;
      if (typeof len.max === 'number') c[hi] = len.max;
    }
    const range = traits[T.range];
    if (range) {
      if (range.min !== undefined) c.minimum = Number(range.min);
      if (range.max !== undefined) c.maximum = Number(range.max);
    }
    if (typeof traits[T.pattern] === 'string') {
      const raw = traits[T.pattern] as string;
      const { inner, anchored } = unanchor(raw);
      c.documentedPattern = inner;
      c.pattern = `^(?:${inner})$`;
      if (!anchored) this.notes.push(`${context}: the model's pattern \`${raw}\` is not anchored; read as a whole-value match, as the service validates.`);
      else if (hasTopLevelAlternation(inner)) this.notes.push(`${context}: the pattern \`${raw}\` has a top-level alternation; under whole-value matching it is read as one alternation of whole values.`);
    }
    if (traits[T.default] !== undefined && traits[T.default] !== null && !c.ref) c.default = traits[T.default];
    if (typeof memberTraits[T.jsonName] === 'string') c.jsonName = memberTraits[T.jsonName];
    if (memberTraits[T.idempotencyToken] !== undefined) c.idempotencyToken = true;
    return c;
  }

  /** A structure used as a member type, as a named schema in extraSchemas. */
  structureSchema(id: string): void {
    const name = localName(id);
    if (name in this.extraSchemas) return;
    this.extraSchemas[name] = {}; // guards recursion
    const shape = this.model.shapes[id];
    const required: string[] = [];
    const properties: Record<string, unknown> = {};
    for (const [m, member] of Object.entries(shape?.members ?? {})) {
      if (member.traits?.[T.required]) required.push(m);
      const c = this.constraints(member.target, member.traits ?? {}, 'body', `${name}.${m}`);
      const description = this.documentation(member.traits) ?? this.documentation(this.shape(member.target)?.traits);
      properties[m] = { ...schemaOf(c), ...(description ? { description } : {}) };
    }
    const schema: Obj = { type: 'object' };
    const description = this.documentation(shape?.traits);
    if (description) schema.description = description;
    if (required.length) schema.required = required;
    schema.properties = properties;
    this.extraSchemas[name] = schema;
  }

  /**
   * A union used as a member type, as a named schema in extraSchemas, in the tagged form restJson1
   * sends: exactly one of its members, as an object with that one key.
   */
  unionSchema(id: string): void {
    const name = localName(id);
    if (name in this.extraSchemas) return;
    this.extraSchemas[name] = {}; // guards recursion
    const shape = this.model.shapes[id];
    const alternatives = Object.entries(shape?.members ?? {}).map(([m, member]) => {
      const c = this.constraints(member.target, member.traits ?? {}, 'body', `${name}.${m}`);
      const description = this.documentation(member.traits) ?? this.documentation(this.shape(member.target)?.traits);
      return { type: 'object', title: m, required: [m], properties: { [m]: { ...schemaOf(c), ...(description ? { description } : {}) } }, additionalProperties: false };
    });
    const schema: Obj = { type: 'object' };
    const description = this.documentation(shape?.traits);
    if (description) schema.description = description;
    schema.oneOf = alternatives;
    this.extraSchemas[name] = schema;
  }

  /** The event stream an operation's input or output carries, if any: `[member, union]`. */
  eventStream(structureId: string | undefined): [string, string] | undefined {
    for (const [name, member] of Object.entries(structureId ? this.shape(structureId)?.members ?? {} : {})) {
      const target = this.shape(member.target);
      if (target?.type === 'union' && target.traits?.[T.streaming] !== undefined) return [name, localName(member.target)];
    }
    return undefined;
  }

  /** Members of an input or output structure with their HTTP bindings, in model order. */
  members(structureId: string, opName: string, labels: Set<string>): MemberModel[] {
    const shape = this.shape(structureId);
    if (!shape || shape.type !== 'structure') return [];
    const out: MemberModel[] = [];
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const traits = member.traits ?? {};
      let location: Location = 'body';
      let wireName: string | undefined;
      if (traits[T.label] !== undefined) {
        location = 'path';
        if (!labels.has(name)) this.undetermined.push({ subject: `member ${opName}.${name}`, fact: 'HTTP binding', reason: 'httpLabel member without a matching label in the URI', assumed: 'path' });
      } else if (traits[T.query] !== undefined) { location = 'query'; wireName = String(traits[T.query]); }
      else if (traits[T.header] !== undefined) { location = 'header'; wireName = String(traits[T.header]); }
      else if (traits[T.responseCode] !== undefined) location = 'responseCode';
      else if (traits[T.queryParams] !== undefined) location = 'queryParams';
      else if (traits[T.prefixHeaders] !== undefined) { location = 'prefixHeaders'; wireName = String(traits[T.prefixHeaders]); }
      else if (traits[T.payload] !== undefined) location = 'payload';
      const m: MemberModel = {
        name, location, required: traits[T.required] !== undefined,
        schema: this.constraints(member.target, traits, location, `${opName}.${name}`),
      };
      if (location === 'payload') m.mediaType = this.mediaType(member.target);
      if (wireName && (wireName !== name || location === 'prefixHeaders')) m.wireName = wireName;
      const description = this.documentation(traits) ?? this.documentation(this.shape(member.target)?.traits);
      if (description) m.description = description;
      out.push(m);
    }
    return out;
  }

  /** A payload's media type: the target's `@mediaType`, else restJson1's default for its kind. */
  mediaType(target: string): string {
    const shape = this.shape(target);
    const declared = shape?.traits?.[T.mediaType];
    if (typeof declared === 'string') return declared;
    return shape?.type === 'blob' ? 'application/octet-stream' : shape?.type === 'string' || shape?.type === 'enum' ? 'text/plain' : 'application/json';
  }

  error(id: string): ErrorModel {
    const shape = this.model.shapes[id];
    const fault = shape?.traits?.[T.error] === 'server' ? 'server' : 'client';
    const status = shape?.traits?.[T.httpError] ?? (fault === 'server' ? 500 : 400);
    const members: ErrorMemberModel[] = Object.entries(shape?.members ?? {}).map(([name, member]) => {
      const traits = member.traits ?? {};
      const m: ErrorMemberModel = { name, schema: this.constraints(member.target, traits, traits[T.header] ? 'header' : 'body', `${localName(id)}.${name}`) };
      const description = this.documentation(traits) ?? this.documentation(this.shape(member.target)?.traits);
      if (description) m.description = description;
      if (traits[T.header]) m.httpHeader = String(traits[T.header]);
      return m;
    });
    const e: ErrorModel = { name: localName(id), status: Number(status), fault, members };
    const description = this.documentation(shape?.traits);
    if (description) e.description = description;
    return e;
  }

  /** One operation in the intermediate form, and the errors it lists. */
  operation(id: string, base?: Base, commonErrors: Obj[] = []): { op: OperationModel; errors: ErrorModel[]; validationError?: string } {
    const shape = this.model.shapes[id];
    const name = localName(id);
    const http = shape.traits?.[T.http];
    if (!http) this.undetermined.push({ subject: `operation ${name}`, fact: 'HTTP binding', reason: 'no smithy.api#http trait', assumed: 'POST /' });
    // A constant query (`/layers?find=LayerVersion`) stays in the path: it tells operations on one path apart.
    const path = String(http?.uri ?? '/');
    for (const side of [shape.input?.target, shape.output?.target]) {
      const stream = this.eventStream(side);
      if (stream) throw new EventStreamRefused(name, stream[0], stream[1]);
    }
    const labels = new Set([...path.split('?')[0].matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]));
    const members = shape.input ? this.members(shape.input.target, name, labels) : [];
    const output = shape.output ? this.members(shape.output.target, name, new Set()) : [];
    const description = this.documentation(shape.traits);
    const baseOp = findBaseOperation(base, name);
    const op: OperationModel = {
      name, method: String(http?.method ?? 'POST'), path,
      successStatus: Number(http?.code ?? 200),
      successDescription: baseOp?.successDescription ?? conventions.successDescription,
      summary: description ? firstSentence(description) : undefined,
      description,
      members, memberOrder: members.map((m) => m.name), output,
      errors: [...new Set([...(shape.errors ?? []), ...commonErrors].map((e: Obj) => localName(e.target)))].sort(),
    };
    const targets = [...new Map([...(shape.errors ?? []), ...commonErrors].map((e: Obj) => [e.target, e])).keys()];
    const errors = targets.map((target) => this.error(target));
    const validationError = targets.includes(VALIDATION_EXCEPTION) ? localName(VALIDATION_EXCEPTION) : undefined;
    return { op, errors, validationError };
  }
}

export interface SmithyImportOptions {
  /** Source file name recorded in the provenance. */
  file?: string;
  name?: string;
  era?: string;
  /** A committed revision: the validation error and success-response wording the model lacks. */
  base?: Base;
  /** With no operations named, the service whose every operation is imported (a name or shape id; needed when the model has several). */
  service?: string;
}

/** The service to import as a whole: the one named, or the model's only one. */
function wholeService(reader: SmithyReader, wanted?: string): string {
  const services = servicesOf(reader.model.shapes);
  if (wanted) {
    const id = services.find((s) => s === wanted || localName(s) === wanted);
    if (!id) throw new Error(`service ${wanted} is not in the model (it has ${services.map(localName).join(', ') || 'none'})`);
    return id;
  }
  if (services.length === 1) return services[0];
  throw new Error(services.length === 0 ? 'the model has no service to import' : `the model has several services (${services.map(localName).join(', ')}): name one with --service`);
}

/**
 * Converts the named operations of a Smithy 2.0 JSON AST model into one document; with no
 * operations named, every operation of the service (its resources' too). An operation whose input
 * or output is an event stream is refused: named alone it is an error, in a whole service it is
 * left out and listed as undetermined.
 */
export function importSmithy(json: string | SmithyModel, operations: string[], options: SmithyImportOptions = {}): ImportResult {
  const model = typeof json === 'string' ? (JSON.parse(json) as SmithyModel) : json;
  const reader = new SmithyReader(model);
  const ops: OperationModel[] = [];
  const errors = new Map<string, ErrorModel>();
  const fromServiceBehavior: string[] = [];
  const carriedOver: string[] = [];
  const whole = operations.length === 0;
  const serviceId = whole ? wholeService(reader, options.service) : undefined;
  const ids = serviceId ? serviceOperations(reader.model.shapes, serviceId) : operations.map((name) => reader.operationId(name) ?? fail(`operation ${name} is not in the model (or is ambiguous)`));
  const commonErrors: Obj[] = serviceId ? (reader.model.shapes[serviceId].errors ?? []) : [];
  let validationError: ErrorModel | undefined;
  for (const id of ids) {
    let read: ReturnType<SmithyReader['operation']>;
    try {
      read = reader.operation(id, options.base, commonErrors);
    } catch (error) {
      if (!(whole && error instanceof EventStreamRefused)) throw error;
      reader.undetermined.push({ subject: `operation ${error.operation}`, fact: 'event stream', reason: `its member ${error.member} is an event stream (${error.stream}), which permgen does not support`, assumed: 'left out' });
      continue;
    }
    ops.push(read.op);
    for (const e of read.errors) errors.set(e.name, e);
    if (read.validationError) validationError = errors.get(read.validationError);
  }
  const firstId = ids[0];
  if (whole) operations = ops.map((op) => op.name);
  // Smithy writes every pattern `^…$`, so it cannot show a pattern the service itself documents
  // anchored; where the base documents exactly the model's text, that documented form is kept.
  for (const op of ops) {
    const baseOp = findBaseOperation(options.base, op.name);
    for (const m of [...op.members, ...op.output]) {
      const documented = (baseOp?.members.get(m.name) ?? baseOp?.output.get(m.name))?.schema.documentedPattern;
      if (documented && m.schema.documentedPattern !== undefined && documented === `^${m.schema.documentedPattern}$`) {
        m.schema.documentedPattern = documented;
        m.schema.pattern = documented;
        reader.notes.push(`${op.name}.${m.name}: ${options.base!.name} documents the pattern anchored (\`${documented}\`), exactly the model's text; kept as documented.`);
      }
    }
  }
  const service = reader.service(firstId, serviceId);
  const full: ServiceModel = {
    title: service.model.title ?? options.base?.service.title ?? 'Service',
    version: service.model.version ?? options.base?.service.version ?? '',
    endpointPrefix: service.model.endpointPrefix ?? options.base?.service.endpointPrefix ?? '',
    signingName: service.model.signingName ?? service.model.endpointPrefix ?? '',
    errorTypeHeader: service.model.errorTypeHeader ?? conventions.errorTypeHeader,
    defaultRegion: options.base?.service.defaultRegion ?? conventions.defaultRegion,
    auth: service.model.auth,
  };
  if (!service.model.signingName && service.model.auth === undefined) {
    reader.undetermined.push({ subject: 'document', fact: 'SigV4 signing name', reason: 'the service has no aws.auth#sigv4 trait', assumed: full.signingName });
  }
  // The conventions' `Type` default is the service's behaviour, not the model's.
  let typeDefaults = false;
  for (const e of errors.values()) {
    const baseError = options.base?.errors.get(e.name);
    for (const m of e.members) {
      const fromBase = baseError?.members.find((b) => b.name === m.name)?.schema.default;
      const d = fromBase ?? errorTypeDefault(m.name, e.fault);
      if (d !== undefined && m.schema.default === undefined) { m.schema.default = d; typeDefaults = true; }
    }
  }
  if (typeDefaults) fromServiceBehavior.push('the default of each error\'s `Type` member (User for client faults, Service for server faults)');
  if (validationError) {
    fromServiceBehavior.push(`${validationError.name}, the framework's error for constraint violations, which the operations list`);
  } else if (options.base?.validationError) {
    validationError = options.base.validationError;
    fromServiceBehavior.push(`${validationError.name}, which the model does not list (from ${options.base.name})`);
  } else {
    reader.undetermined.push({ subject: 'document', fact: 'validation error', reason: 'the model names no error for constraint violations and no --base revision records one' });
  }
  const doc: DocumentModel = {
    service: full,
    operations: ops,
    errors: [...errors.values()].sort((a, b) => a.name.localeCompare(b.name)),
    validationError,
    extraSchemas: reader.extraSchemas,
    revision: {
      name: options.name ?? 'smithy',
      era: options.era,
      description: whole
        ? `${full.title}: the ${ops.length} operations of ${localName(serviceId!)} as the Smithy model defines them.`
        : `${full.title} ${operations.join(', ')} as the Smithy model defines ${operations.length === 1 ? 'it' : 'them'}.`,
      sources: [{ file: options.file ?? 'Smithy model', format: 'Smithy 2.0 JSON AST' }],
      repairs: [],
      carriedOver,
      fromServiceBehavior,
      notes: [...new Set(reader.notes)],
      undetermined: reader.undetermined,
    },
    header: [
      `# ${full.title} ${whole ? `(every operation of ${localName(serviceId!)})` : operations.join(', ')}, imported from a Smithy model (${options.file ?? 'Smithy 2.0 JSON AST'}).`,
      '# Conventions: model/README.md. Written by `npm run import -- smithy`.',
    ],
  };
  return finishDocument(doc);
}
