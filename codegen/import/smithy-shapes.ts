// Smithy shapes → the conventions' schemas: every shape kind and constraint trait a member's
// target carries (structures and unions as named schemas, lists, sets, maps, enums, numbers,
// timestamps in the format their location implies, blobs, documents), under the service's
// renames. The operations and the service around them are SmithyReader's (smithy.ts).

import type { SmithyAst } from '../smithy/ast.js';
import { flattenMixins } from '../smithy/flatten.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { hasTopLevelAlternation, unanchor } from './pattern.js';
import { schemaOf } from './schema.js';
import type { Constraints, Location, Undetermined } from './types.js';

export type Obj = Record<string, any>;
export interface Shape { type: string; members?: Record<string, { target: string; traits?: Obj }>; traits?: Obj; [k: string]: any }
export interface SmithyModel { smithy?: string; shapes: Record<string, Shape> }

const PRELUDE: Record<string, string> = {
  String: 'string', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Byte: 'byte', PrimitiveByte: 'byte',
  Short: 'short', PrimitiveShort: 'short', Integer: 'integer', PrimitiveInteger: 'integer', Long: 'long',
  PrimitiveLong: 'long', Float: 'float', PrimitiveFloat: 'float', Double: 'double', PrimitiveDouble: 'double',
  BigInteger: 'bigInteger', BigDecimal: 'bigDecimal', Timestamp: 'timestamp', Blob: 'blob', Document: 'document', Unit: 'structure',
};

export const T = {
  doc: 'smithy.api#documentation', required: 'smithy.api#required', length: 'smithy.api#length',
  pattern: 'smithy.api#pattern', range: 'smithy.api#range', enumTrait: 'smithy.api#enum', enumValue: 'smithy.api#enumValue',
  default: 'smithy.api#default', http: 'smithy.api#http', label: 'smithy.api#httpLabel', query: 'smithy.api#httpQuery',
  header: 'smithy.api#httpHeader', payload: 'smithy.api#httpPayload', responseCode: 'smithy.api#httpResponseCode',
  queryParams: 'smithy.api#httpQueryParams', prefixHeaders: 'smithy.api#httpPrefixHeaders', error: 'smithy.api#error',
  httpError: 'smithy.api#httpError', title: 'smithy.api#title', timestampFormat: 'smithy.api#timestampFormat',
  jsonName: 'smithy.api#jsonName', uniqueItems: 'smithy.api#uniqueItems', sparse: 'smithy.api#sparse',
  idempotencyToken: 'smithy.api#idempotencyToken', clientOptional: 'smithy.api#clientOptional', hostLabel: 'smithy.api#hostLabel', mediaType: 'smithy.api#mediaType', streaming: 'smithy.api#streaming',
  eventPayload: 'smithy.api#eventPayload', eventHeader: 'smithy.api#eventHeader', internal: 'smithy.api#internal',
};

/** Smithy's numeric shapes as OpenAPI `type` and the `format` the shape graph reads back as the same kind. */
const NUMBERS: Record<string, [string, string | undefined]> = {
  byte: ['integer', 'int8'], short: ['integer', 'int16'], integer: ['integer', 'int32'], long: ['integer', 'int64'],
  bigInteger: ['integer', 'big-integer'], float: ['number', 'float'], double: ['number', undefined], bigDecimal: ['number', 'big-decimal'],
};

export const localName = (id: string) => id.replace(/^.*#/, '').replace(/\$.*$/, '');

/** The shapes of one model, read as member types; SmithyReader adds operations and the service. */
export class SmithyShapes {
  readonly notes: string[] = [];
  readonly undetermined: Undetermined[] = [];
  /** Named structures referenced from members, in the conventions' schema form. */
  readonly extraSchemas: Record<string, unknown> = {};

  readonly model: SmithyModel;
  /** The service's `rename` map: shapes of other namespaces whose local names would collide. */
  private renames: Record<string, string> = {};

  /** Mixins are flattened first: every shape is read with its inherited members and traits. */
  constructor(model: SmithyModel) {
    this.model = flattenMixins(model as unknown as SmithyAst) as unknown as SmithyModel;
  }

  /** Shapes are named as the service's closure names them: renamed, else by their local name. */
  useService(id: string | undefined): void {
    this.renames = (id && this.model.shapes[id]?.rename) || {};
  }

  nameOf(id: string): string {
    return this.renames[id] ?? localName(id);
  }

  shape(id: string): Shape | undefined {
    if (id.startsWith('smithy.api#')) {
      const t = PRELUDE[localName(id)];
      return t ? { type: t } : undefined;
    }
    return this.model.shapes[id];
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
      case 'enum': {
        c.type = 'string';
        const members = Object.entries(shape.members ?? {});
        c.enum = members.map(([n, m]) => String(m.traits?.[T.enumValue] ?? n));
        const internal = members.filter(([, m]) => m.traits?.[T.internal] !== undefined).map(([n, m]) => String(m.traits?.[T.enumValue] ?? n));
        if (internal.length > 0) c.internalEnum = internal;
        break;
      }
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
        c.ref = this.nameOf(target);
        this.unionSchema(target);
        break;
      case 'structure':
        c.ref = this.nameOf(target);
        this.structureSchema(target);
        break;
      case 'document': break;
      default:
        this.undetermined.push({ subject: context || target, fact: 'type', reason: `Smithy shape type ${shape.type} has no rendering in the conventions`, assumed: 'any value' });
    }
    if (Array.isArray(traits[T.enumTrait])) {
      c.enum = traits[T.enumTrait].map((e: Obj) => String(e.value));
      // The @enum trait marks an entry internal by its tags (an enum shape by the @internal trait, above).
      const internal = traits[T.enumTrait].filter((e: Obj) => Array.isArray(e.tags) && e.tags.includes('internal')).map((e: Obj) => String(e.value));
      if (internal.length > 0) c.internalEnum = internal;
    }
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
    if (shape.type === 'string' && typeof traits[T.mediaType] === 'string') c.contentMediaType = traits[T.mediaType];
    if (traits[T.default] !== undefined && traits[T.default] !== null && !c.ref) c.default = traits[T.default];
    if (typeof memberTraits[T.jsonName] === 'string') c.jsonName = memberTraits[T.jsonName];
    if (memberTraits[T.idempotencyToken] !== undefined) c.idempotencyToken = true;
    if (memberTraits[T.clientOptional] !== undefined) c.clientOptional = true;
    if (memberTraits[T.hostLabel] !== undefined) c.hostLabel = true;
    if (memberTraits[T.eventPayload] !== undefined) c.eventPayload = true;
    if (memberTraits[T.eventHeader] !== undefined) c.eventHeader = true;
    return c;
  }

  /** A structure used as a member type, as a named schema in extraSchemas. */
  structureSchema(id: string): void {
    const name = this.nameOf(id);
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
    // An error structure used as a member: an event stream's modeled error event, sent as an exception message.
    if (shape?.traits?.[T.error] !== undefined) schema['x-event-error'] = shape.traits[T.error] === 'server' ? 'server' : 'client';
    this.extraSchemas[name] = schema;
  }

  /**
   * A union used as a member type, as a named schema in extraSchemas, in the tagged form restJson1
   * sends: exactly one of its members, as an object with that one key.
   */
  unionSchema(id: string): void {
    const name = this.nameOf(id);
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

  /** A payload's media type: the target's `@mediaType`, else restJson1's default for its kind. */
  mediaType(target: string): string {
    const shape = this.shape(target);
    const declared = shape?.traits?.[T.mediaType];
    if (typeof declared === 'string') return declared;
    return shape?.type === 'blob' ? 'application/octet-stream' : shape?.type === 'string' || shape?.type === 'enum' ? 'text/plain' : 'application/json';
  }
}
