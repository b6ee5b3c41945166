// Smithy 2.0 JSON AST → the intermediate DocumentModel: the operations asked for, or every one of
// a service, with their HTTP bindings and errors (exact member casing), the service's facts and
// auth, documentation converted from HTML to Markdown. Member types: SmithyShapes (smithy-shapes.ts).

import { readFileSync } from 'node:fs';
import { isSmithyIdlPath, loadSmithyModel } from '../smithy/load.js';
import { type Base, findBaseOperation } from './base.js';
import type { DocumentModel, ErrorMemberModel, ErrorModel, ImportResult, Location, MemberModel, OperationModel, ServiceModel } from './types.js';
import { conventions, errorTypeDefault, finishDocument } from './write-document.js';
import { localName, type Obj, SmithyShapes, type SmithyModel, T } from './smithy-shapes.js';
import { serviceAuth, serviceOperations, servicesOf } from './smithy-service.js';
import { firstSentence } from './doc/facts.js';
import { paginationOf, waitersOf } from './smithy-pagination.js';

export { localName, type SmithyModel };

/** No input or output at all: none named, or `smithy.api#Unit` (an empty structure is not one). */
const isUnit = (target: { target?: string } | undefined): boolean => target === undefined || target.target === 'smithy.api#Unit';

/** An operation the conventions cannot express: its input is an event stream (output streams are carried). */
export class EventStreamRefused extends Error {
  constructor(readonly operation: string, readonly member: string, readonly stream: string) {
    super(`operation ${operation} is refused: its input member ${member} is an event stream (${stream}), which permgen supports in outputs only`);
  }
}

/** The media type of AWS's event streams (`x-event-stream` names the event union beside it). */
export const EVENT_STREAM_MEDIA_TYPE = 'application/vnd.amazon.eventstream';

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

/** A Smithy model's operations, their bindings and errors, and the service (shapes: SmithyShapes). */
export class SmithyReader extends SmithyShapes {
  /** The traits of the service whose operations are read (Smithy's service-level `@paginated` defaults). */
  private serviceTraits: Obj | undefined;

  override useService(id: string | undefined): void {
    super.useService(id);
    this.serviceTraits = id ? this.model.shapes[id]?.traits : undefined;
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
  /** The event stream an operation's input or output carries, if any: `[member, union]`. */
  eventStream(structureId: string | undefined): [string, string] | undefined {
    for (const [name, member] of Object.entries(structureId ? this.shape(structureId)?.members ?? {} : {})) {
      const target = this.shape(member.target);
      if (target?.type === 'union' && target.traits?.[T.streaming] !== undefined) return [name, localName(member.target)];
    }
    return undefined;
  }

  /** Members of an input or output structure with their HTTP bindings, in model order. */
  members(structureId: string, opName: string, labels: Set<string>, output = false): MemberModel[] {
    const shape = this.shape(structureId);
    if (!shape || shape.type !== 'structure') return [];
    const out: MemberModel[] = [];
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const traits = member.traits ?? {};
      let location: Location = 'body';
      let wireName: string | undefined;
      // In a response, query and label bindings mean nothing: Smithy sends such members in the body.
      if (output && (traits[T.label] !== undefined || traits[T.query] !== undefined || traits[T.queryParams] !== undefined)) location = 'body';
      else if (traits[T.label] !== undefined) {
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
      const stream = this.shape(member.target);
      if (location === 'payload' && stream?.type === 'union' && stream.traits?.[T.streaming] !== undefined) {
        m.mediaType = EVENT_STREAM_MEDIA_TYPE;
        m.eventStream = this.nameOf(member.target);
      }
      if (wireName !== undefined && (wireName !== name || location === 'prefixHeaders')) m.wireName = wireName;
      const description = this.documentation(traits) ?? this.documentation(this.shape(member.target)?.traits);
      if (description) m.description = description;
      out.push(m);
    }
    return out;
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
    const e: ErrorModel = { name: this.nameOf(id), status: Number(status), fault, members };
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
    // An output event stream is carried (`x-event-stream`); an input one is not.
    const inputStream = this.eventStream(shape.input?.target);
    if (inputStream) throw new EventStreamRefused(name, inputStream[0], inputStream[1]);
    const labels = new Set([...path.split('?')[0].matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]));
    const members = shape.input ? this.members(shape.input.target, name, labels) : [];
    const output = shape.output ? this.members(shape.output.target, name, new Set(), true) : [];
    const description = this.documentation(shape.traits);
    const baseOp = findBaseOperation(base, name);
    const op: OperationModel = {
      name, method: String(http?.method ?? 'POST'), path,
      successStatus: Number(http?.code ?? 200),
      successDescription: baseOp?.successDescription ?? conventions.successDescription,
      summary: description ? firstSentence(description) : undefined,
      description,
      members, memberOrder: members.map((m) => m.name), output,
      ...(isUnit(shape.input) && { unitInput: true }),
      ...(isUnit(shape.output) && { unitOutput: true }),
      errors: [...new Set([...(shape.errors ?? []), ...commonErrors].map((e: Obj) => this.nameOf(e.target)))].sort(),
    };
    const paginated = paginationOf(shape.traits, this.serviceTraits);
    if (paginated) op.paginated = paginated;
    const waiters = waitersOf(shape.traits);
    if (waiters) op.waiters = waiters;
    const hostPrefix = (shape.traits?.['smithy.api#endpoint'] as { hostPrefix?: unknown } | undefined)?.hostPrefix;
    if (typeof hostPrefix === 'string' && hostPrefix !== '') op.hostPrefix = hostPrefix;
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
 * operations named, every operation of the service (its resources' too). An output event stream
 * is carried as a payload of `application/vnd.amazon.eventstream` naming its union; an operation
 * whose input is an event stream is refused: named alone it is an error, in a whole service it is
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
  reader.useService(serviceId ?? (servicesOf(reader.model.shapes).length === 1 ? servicesOf(reader.model.shapes)[0] : undefined));
  for (const id of ids) {
    let read: ReturnType<SmithyReader['operation']>;
    try {
      read = reader.operation(id, options.base, commonErrors);
    } catch (error) {
      if (!(whole && error instanceof EventStreamRefused)) throw error;
      reader.undetermined.push({ subject: `operation ${error.operation}`, fact: 'event stream', reason: `its input member ${error.member} is an event stream (${error.stream}), which permgen supports in outputs only`, assumed: 'left out' });
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
