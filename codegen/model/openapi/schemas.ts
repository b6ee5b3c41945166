/**
 * JSON Schema (OpenAPI 3.0 and 3.1) → shapes. Decides each schema's shape kind, its
 * constraints and nullability; OpenAPI 3.0's `nullable` and boolean `exclusiveMinimum` and
 * 3.1's `type: [T, 'null']` and numeric `exclusiveMinimum` read the same. A schema this reader
 * cannot type (no `type`, several types) is a `document`: never an error, so that the diff can
 * read any model and the generator can name what it refuses.
 */
import { child } from '../pointer.js';
import { References } from '../refs.js';
import type { Constraints, Member, Shape, ShapeKind, TimestampFormat } from '../shapes.js';

type Obj = Record<string, unknown>;
export const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);

/** What a use of a schema adds to the shape it targets. */
export interface Target {
  target: string;
  nullable: boolean;
  documentation?: string;
  default?: unknown;
  deprecated?: boolean | string;
}

const INTEGER_FORMATS: Record<string, ShapeKind> = { int8: 'byte', int16: 'short', int32: 'integer', int64: 'long', 'big-integer': 'bigInteger' };
const NUMBER_FORMATS: Record<string, ShapeKind> = { float: 'float', double: 'double', 'big-decimal': 'bigDecimal' };
const TIMESTAMP_FORMATS: Record<string, TimestampFormat> = { 'date-time': 'date-time', 'http-date': 'http-date', 'epoch-seconds': 'epoch-seconds' };

export class SchemaReader {
  constructor(
    private readonly shapes: Map<string, Shape>,
    private readonly refs: References,
    private readonly document: string,
  ) {}

  /**
   * The shape `node` (a schema or a `$ref` to one, found at `at`) describes, registered under
   * its component name or else under `id`.
   */
  read(node: unknown, at: string, id: string): Target {
    const ownDescription = isObject(node) && typeof node.description === 'string' ? node.description : undefined;
    const name = References.componentName(node);
    const resolved = this.refs.resolve(node, at);
    const schema = isObject(resolved.node) ? resolved.node : {};
    const shapeId = name ?? id;
    const { types, nullable } = typesOf(schema);
    // One non-null alternative in oneOf/anyOf ({ oneOf: [X, { type: 'null' }] }) is X, nullable.
    const alternatives = alternativesOf(schema);
    const nonNull = alternatives?.filter((a) => !(isObject(a) && a.type === 'null'));
    if (alternatives && nonNull && nonNull.length === 1 && nonNull.length < alternatives.length && types.length === 0) {
      const index = alternatives.indexOf(nonNull[0]);
      const inner = this.read(nonNull[0], child(resolved.at, schema.oneOf ? 'oneOf' : 'anyOf', index), shapeId);
      return { ...inner, nullable: true, documentation: ownDescription ?? stringOf(schema.description) ?? inner.documentation };
    }
    if (!this.shapes.has(shapeId)) this.define(shapeId, schema, resolved.at, types);
    return {
      target: shapeId,
      nullable: nullable || schema.nullable === true,
      documentation: ownDescription ?? stringOf(schema.description),
      default: schema.default,
      deprecated: schema.deprecated === true ? (stringOf(schema['x-deprecated-message']) ?? true) : undefined,
    };
  }

  private define(id: string, schema: Obj, at: string, types: string[]): void {
    const base = {
      id,
      documentation: stringOf(schema.description),
      deprecated: schema.deprecated === true ? (stringOf(schema['x-deprecated-message']) ?? true) : undefined,
      constraints: constraintsOf(schema),
      extensions: Object.fromEntries(Object.entries(schema).filter(([key]) => key.startsWith('x-'))),
      origin: { document: this.document, pointer: at },
    };
    const kind = kindOf(schema, types);
    switch (kind) {
      case 'structure':
      case 'union': {
        // Registered before its members are read: a member may refer back to it.
        const shape = { ...base, kind, members: [] as Member[] };
        this.shapes.set(id, shape);
        shape.members = kind === 'structure' ? this.properties(schema, at, id) : this.alternatives(schema, at, id);
        return;
      }
      case 'list': {
        const shape = { ...base, kind, member: placeholder(this.document, child(at, 'items')), ...sparse(schema) };
        this.shapes.set(id, shape);
        shape.member = this.member('member', schema.items ?? {}, child(at, 'items'), `${id}$member`, false);
        return;
      }
      case 'map': {
        const shape = { ...base, kind, key: placeholder(this.document, at), value: placeholder(this.document, child(at, 'additionalProperties')), ...sparse(schema) };
        this.shapes.set(id, shape);
        shape.key = this.member('key', isObject(schema.propertyNames) ? { type: 'string', ...schema.propertyNames } : { type: 'string' }, child(at, 'propertyNames'), `${id}$key`, false);
        shape.value = this.member('value', schema.additionalProperties, child(at, 'additionalProperties'), `${id}$value`, false);
        return;
      }
      case 'timestamp':
        this.shapes.set(id, { ...base, kind, format: timestampFormat(schema) });
        return;
      default:
        this.shapes.set(id, { ...base, kind, ...(kind === 'string' && typeof schema.contentMediaType === 'string' && { mediaType: schema.contentMediaType }) });
    }
  }

  member(name: string, node: unknown, at: string, id: string, required: boolean): Member {
    const target = this.read(node, at, id);
    return {
      name,
      target: target.target,
      required,
      nullable: target.nullable,
      default: target.default,
      documentation: target.documentation,
      deprecated: target.deprecated,
      ...memberTraits(node),
      origin: { document: this.document, pointer: at },
    };
  }

  private properties(schema: Obj, at: string, id: string): Member[] {
    const required = Array.isArray(schema.required) ? schema.required : [];
    const properties = isObject(schema.properties) ? schema.properties : {};
    return Object.entries(properties).map(([name, node]) => this.member(name, node, child(at, 'properties', name), `${id}$${name}`, required.includes(name)));
  }

  /**
   * A union's members. In the tagged form (every alternative an object with exactly one property,
   * required: `{ S3: {…} }`, as restJson1 sends a union) the property is the member; otherwise
   * each alternative is one, named by its component name or `title`.
   */
  private alternatives(schema: Obj, at: string, id: string): Member[] {
    const key = schema.oneOf ? 'oneOf' : 'anyOf';
    const list = alternativesOf(schema) ?? [];
    const tagged = list.map((node, i) => this.tag(node, child(at, key, i)));
    if (tagged.every((tag) => tag !== undefined)) {
      return tagged.map(({ name, node, at: tagAt }) => this.member(name, node, tagAt, `${id}$${name}`, false));
    }
    return list.map((node, i) => {
      const name = References.componentName(node) ?? (isObject(node) && typeof node.title === 'string' ? node.title : `option${i}`);
      return this.member(name, node, child(at, key, i), `${id}$${name}`, false);
    });
  }

  /** The single required property of a tagged union alternative, if it is one. */
  private tag(node: unknown, at: string): { name: string; node: unknown; at: string } | undefined {
    const resolved = this.refs.resolve(node, at);
    const schema = resolved.node;
    if (!isObject(schema) || !isObject(schema.properties) || alternativesOf(schema)) return undefined;
    const names = Object.keys(schema.properties);
    if (names.length !== 1 || !Array.isArray(schema.required) || schema.required.length !== 1 || schema.required[0] !== names[0]) return undefined;
    return { name: names[0], node: schema.properties[names[0]], at: child(resolved.at, 'properties', names[0]) };
  }
}

function placeholder(document: string, pointer: string): Member {
  return { name: '', target: '', required: false, nullable: false, origin: { document, pointer } };
}

const stringOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * What a use of a schema says about the member itself, written beside the schema or its `$ref`:
 * its JSON key (`x-json-name`), a timestamp format override, an idempotency token.
 */
export function memberTraits(node: unknown): Pick<Member, 'jsonName' | 'timestampFormat' | 'idempotencyToken' | 'clientOptional' | 'hostLabel' | 'eventPayload' | 'eventHeader'> {
  if (!isObject(node)) return {};
  const format = stringOf(node['x-timestamp-format']);
  return {
    ...(typeof node['x-json-name'] === 'string' && { jsonName: node['x-json-name'] }),
    // Beside a `$ref` it overrides the shared shape's format; on an inline schema it is that schema's own.
    ...(typeof node.$ref === 'string' && format && TIMESTAMP_FORMATS[format] && { timestampFormat: TIMESTAMP_FORMATS[format] }),
    ...(node['x-idempotency-token'] === true && { idempotencyToken: true }),
    ...(node['x-client-optional'] === true && { clientOptional: true }),
    ...(node['x-host-label'] === true && { hostLabel: true }),
    ...(node['x-event-payload'] === true && { eventPayload: true }),
    ...(node['x-event-header'] === true && { eventHeader: true }),
  };
}

/** A list or map whose entries may be `null` (`x-sparse: true`). */
const sparse = (schema: Obj) => (schema['x-sparse'] === true ? { sparse: true } : {});

function typesOf(schema: Obj): { types: string[]; nullable: boolean } {
  const declared = Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : typeof schema.type === 'string' ? [schema.type] : [];
  return { types: declared.filter((t) => t !== 'null'), nullable: declared.includes('null') };
}

function alternativesOf(schema: Obj): unknown[] | undefined {
  const list = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  return list && list.length > 0 ? list : undefined;
}

function kindOf(schema: Obj, types: string[]): ShapeKind {
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const timestamp = typeof schema['x-timestamp-format'] === 'string';
  if (types.length > 1) return 'document';
  const type = types[0] ?? inferredType(schema);
  switch (type) {
    case 'string':
      if (timestamp || (format && TIMESTAMP_FORMATS[format])) return 'timestamp';
      if (format === 'byte' || format === 'binary') return 'blob';
      return Array.isArray(schema.enum) ? 'enum' : 'string';
    case 'boolean':
      return 'boolean';
    case 'integer':
      if (timestamp || format === 'epoch-seconds') return 'timestamp';
      if (Array.isArray(schema.enum)) return 'intEnum';
      return (format && INTEGER_FORMATS[format]) || 'integer';
    case 'number':
      if (timestamp || format === 'epoch-seconds') return 'timestamp';
      return (format && NUMBER_FORMATS[format]) || 'double';
    case 'array':
      return 'list';
    case 'object':
      if (alternativesOf(schema)) return 'union';
      if (!isObject(schema.properties) && isObject(schema.additionalProperties)) return 'map';
      return 'structure';
    default:
      return 'document';
  }
}

/** The type a schema without `type` evidently has. */
function inferredType(schema: Obj): string | undefined {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    if (schema.enum.every((v) => typeof v === 'string')) return 'string';
    if (schema.enum.every((v) => Number.isInteger(v))) return 'integer';
  }
  if (isObject(schema.properties) || isObject(schema.additionalProperties) || alternativesOf(schema)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function timestampFormat(schema: Obj): TimestampFormat {
  const declared = schema['x-timestamp-format'] ?? schema.format;
  if (typeof declared === 'string' && TIMESTAMP_FORMATS[declared]) return TIMESTAMP_FORMATS[declared];
  return schema.type === 'integer' || schema.type === 'number' ? 'epoch-seconds' : 'date-time';
}

function constraintsOf(schema: Obj): Constraints {
  const number = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const constraints: Constraints = {};
  const length = (min: unknown, max: unknown) => {
    if (number(min) === undefined && number(max) === undefined) return;
    constraints.length = { ...(number(min) !== undefined && { min: number(min) }), ...(number(max) !== undefined && { max: number(max) }) };
  };
  length(schema.minLength, schema.maxLength);
  length(schema.minItems ?? schema.minProperties, schema.maxItems ?? schema.maxProperties);
  if (typeof schema.pattern === 'string') constraints.pattern = schema.pattern;
  if (typeof schema['x-documented-pattern'] === 'string') constraints.documentedPattern = schema['x-documented-pattern'];
  // 3.0: `exclusiveMinimum: true` qualifies `minimum`; 3.1: `exclusiveMinimum: 5` is the bound.
  const min = number(schema.exclusiveMinimum) ?? number(schema.minimum);
  const max = number(schema.exclusiveMaximum) ?? number(schema.maximum);
  if (min !== undefined || max !== undefined) {
    constraints.range = {
      ...(min !== undefined && { min }),
      ...(max !== undefined && { max }),
      ...((schema.exclusiveMinimum === true || number(schema.exclusiveMinimum) !== undefined) && { exclusiveMin: true }),
      ...((schema.exclusiveMaximum === true || number(schema.exclusiveMaximum) !== undefined) && { exclusiveMax: true }),
    };
  }
  if (schema.uniqueItems === true) constraints.uniqueItems = true;
  if (Array.isArray(schema.enum)) constraints.enum = [...schema.enum];
  if (Array.isArray(schema['x-enum-internal'])) constraints.internalEnum = [...schema['x-enum-internal']];
  return constraints;
}
