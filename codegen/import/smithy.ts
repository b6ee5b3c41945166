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
  jsonName: 'smithy.api#jsonName',
};

/**
 * The text of a source to import: a page or a single JSON AST file as it is; Smithy IDL (`.smithy`
 * files, folders, several paths forming one model) as the JSON AST the IDL reader makes of it.
 */
export function readSourceText(...paths: string[]): string {
  if (paths.length === 1 && !isSmithyIdlPath(paths[0])) return readFileSync(paths[0], 'utf8');
  return JSON.stringify(loadSmithyModel(paths), null, 2);
}

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

  service(forOperation?: string): { id?: string; model: Partial<ServiceModel> } {
    const services = Object.keys(this.model.shapes).filter((id) => this.model.shapes[id].type === 'service');
    let id = services[0];
    if (services.length > 1 && forOperation) {
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
      case 'byte': case 'short': case 'integer': c.type = 'integer'; c.format = 'int32'; break;
      case 'long': c.type = 'integer'; c.format = 'int64'; break;
      case 'float': case 'double': case 'bigDecimal': c.type = 'number'; break;
      case 'bigInteger': c.type = 'integer'; break;
      case 'blob': c.type = 'string'; c.format = 'byte'; break;
      case 'timestamp': {
        const fmt = traits[T.timestampFormat] ?? (location === 'header' ? 'http-date' : location === 'body' ? 'epoch-seconds' : 'date-time');
        if (fmt === 'epoch-seconds') { c.type = 'number'; c.format = 'epoch-seconds'; } else { c.type = 'string'; c.format = fmt; }
        break;
      }
      case 'list': case 'set':
        c.type = 'array';
        c.items = shape.member ? this.constraints(shape.member.target, shape.member.traits ?? {}, 'body', `${context}[]`) : {};
        break;
      case 'map':
        c.type = 'object';
        c.additionalProperties = shape.value ? this.constraints(shape.value.target, shape.value.traits ?? {}, 'body', `${context}{}`) : {};
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
      const [lo, hi] = c.type === 'array' ? ['minItems', 'maxItems'] as const : ['minLength', 'maxLength'] as const;
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
    if (traits[T.default] !== undefined && traits[T.default] !== null && typeof traits[T.default] !== 'object') c.default = traits[T.default];
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
      else if (traits[T.responseCode] !== undefined) continue;
      else if (traits[T.queryParams] !== undefined || traits[T.prefixHeaders] !== undefined) {
        this.undetermined.push({ subject: `member ${opName}.${name}`, fact: 'HTTP binding', reason: 'httpQueryParams/httpPrefixHeaders bind a map; the conventions have no rendering for it', assumed: 'left out' });
        continue;
      } else if (traits[T.payload] !== undefined) {
        this.notes.push(`${opName}.${name} is the HTTP payload; rendered as a body member.`);
      }
      const m: MemberModel = {
        name, location, required: traits[T.required] !== undefined,
        schema: this.constraints(member.target, traits, location, `${opName}.${name}`),
      };
      if (wireName && wireName !== name) m.wireName = wireName;
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
    const e: ErrorModel = { name: localName(id), status: Number(status), fault, members };
    const description = this.documentation(shape?.traits);
    if (description) e.description = description;
    return e;
  }

  /** One operation in the intermediate form, and the errors it lists. */
  operation(id: string, base?: Base): { op: OperationModel; errors: ErrorModel[] } {
    const shape = this.model.shapes[id];
    const name = localName(id);
    const http = shape.traits?.[T.http];
    if (!http) this.undetermined.push({ subject: `operation ${name}`, fact: 'HTTP binding', reason: 'no smithy.api#http trait', assumed: 'POST /' });
    const path = String(http?.uri ?? '/').split('?')[0];
    const labels = new Set([...path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]));
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
      errors: (shape.errors ?? []).map((e: Obj) => localName(e.target)).sort(),
    };
    const errors = (shape.errors ?? []).map((e: Obj) => this.error(e.target));
    return { op, errors };
  }
}

export interface SmithyImportOptions {
  /** Source file name recorded in the provenance. */
  file?: string;
  name?: string;
  era?: string;
  /** A committed revision: the validation error and success-response wording the model lacks. */
  base?: Base;
}

/** Converts the named operations of a Smithy 2.0 JSON AST model into one document. */
export function importSmithy(json: string | SmithyModel, operations: string[], options: SmithyImportOptions = {}): ImportResult {
  const model = typeof json === 'string' ? (JSON.parse(json) as SmithyModel) : json;
  const reader = new SmithyReader(model);
  const ops: OperationModel[] = [];
  const errors = new Map<string, ErrorModel>();
  const fromServiceBehavior: string[] = [];
  const carriedOver: string[] = [];
  let firstId: string | undefined;
  for (const name of operations) {
    const id = reader.operationId(name);
    if (!id) throw new Error(`operation ${name} is not in the model (or is ambiguous)`);
    firstId ??= id;
    const { op, errors: errs } = reader.operation(id, options.base);
    ops.push(op);
    for (const e of errs) errors.set(e.name, e);
  }
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
  const service = reader.service(firstId);
  const full: ServiceModel = {
    title: service.model.title ?? options.base?.service.title ?? 'Service',
    version: service.model.version ?? options.base?.service.version ?? '',
    endpointPrefix: service.model.endpointPrefix ?? options.base?.service.endpointPrefix ?? '',
    signingName: service.model.signingName ?? service.model.endpointPrefix ?? '',
    errorTypeHeader: service.model.errorTypeHeader ?? conventions.errorTypeHeader,
    defaultRegion: options.base?.service.defaultRegion ?? conventions.defaultRegion,
  };
  if (!service.model.signingName) {
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
  let validationError: ErrorModel | undefined;
  if (options.base?.validationError) {
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
      description: `${full.title} ${operations.join(', ')} as the Smithy model defines ${operations.length === 1 ? 'it' : 'them'}.`,
      sources: [{ file: options.file ?? 'Smithy model', format: 'Smithy 2.0 JSON AST' }],
      repairs: [],
      carriedOver,
      fromServiceBehavior,
      notes: reader.notes,
      undetermined: reader.undetermined,
    },
    header: [
      `# ${full.title} ${operations.join(', ')}, imported from a Smithy model (${options.file ?? 'Smithy 2.0 JSON AST'}).`,
      '# Conventions: model/README.md. Written by `npm run import -- smithy`.',
    ],
  };
  return finishDocument(doc);
}
