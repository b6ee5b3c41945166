// Parameters of a test case (Smithy node values: timestamps as epoch seconds, blobs as their text,
// `"NaN"` for a float that is not a number) as the typed values the generated code takes and
// gives (Date, Uint8Array, number), following the shapes of the model; and the generated code's
// values made comparable (streams and Buffers read into bytes, `$metadata` left out).

import type { AstShape, NodeValue, SmithyAst } from '../../../codegen/smithy/ast.js';

const PRELUDE_KINDS: Record<string, string> = {
  String: 'string', Blob: 'blob', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Byte: 'byte', PrimitiveByte: 'byte',
  Short: 'short', PrimitiveShort: 'short', Integer: 'integer', PrimitiveInteger: 'integer', Long: 'long', PrimitiveLong: 'long',
  Float: 'float', PrimitiveFloat: 'float', Double: 'double', PrimitiveDouble: 'double', BigInteger: 'bigInteger',
  BigDecimal: 'bigDecimal', Timestamp: 'timestamp', Document: 'document', Unit: 'structure',
};

export function shapeOf(ast: SmithyAst, id: string): AstShape | undefined {
  if (id.startsWith('smithy.api#')) {
    const kind = PRELUDE_KINDS[id.slice('smithy.api#'.length)];
    return kind ? { type: kind, members: {} } : undefined;
  }
  return ast.shapes[id];
}

const encoder = new TextEncoder();

/** A node value of the given shape as the generated code types it. */
export function typedValue(ast: SmithyAst, target: string, node: NodeValue): unknown {
  const shape = shapeOf(ast, target);
  if (!shape || node === null) return node;
  switch (shape.type) {
    case 'timestamp':
      return typeof node === 'number' ? new Date(node * 1000) : node;
    case 'blob':
      return typeof node === 'string' ? encoder.encode(node) : node;
    case 'float':
    case 'double':
      return node === 'NaN' ? NaN : node === 'Infinity' ? Infinity : node === '-Infinity' ? -Infinity : node;
    case 'list':
    case 'set':
      return Array.isArray(node) ? node.map((item) => typedValue(ast, shape.member!.target, item)) : node;
    case 'map':
      return isObject(node) ? mapObject(node, (value) => typedValue(ast, shape.value!.target, value)) : node;
    case 'structure':
    case 'union':
      return isObject(node) ? typedStructure(ast, shape, node) : node;
    default:
      return node;
  }
}

/** An input, output or error structure's parameters, typed member by member. */
export function typedStructure(ast: SmithyAst, shape: AstShape, node: Record<string, NodeValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) {
    const member = shape.members?.[name];
    out[name] = member ? typedValue(ast, member.target, value) : value;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, NodeValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapObject<T>(object: Record<string, T>, f: (value: T) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) Object.defineProperty(out, key, { value: f(value), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Whatever a body or a blob arrived as (bytes, text, Node or web stream, Blob, SDK stream mixin), as bytes. */
export async function readBytes(value: unknown): Promise<Uint8Array | undefined> {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return encoder.encode(value);
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  const v = value as any;
  if (typeof v.transformToByteArray === 'function') return new Uint8Array(await v.transformToByteArray());
  if (typeof v.arrayBuffer === 'function') return new Uint8Array(await v.arrayBuffer());
  if (typeof v.getReader === 'function') return new Uint8Array(await new Response(value as ReadableStream).arrayBuffer());
  if (typeof v[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of value as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    return new Uint8Array(Buffer.concat(chunks));
  }
  return undefined;
}

const isStream = (value: object) =>
  typeof (value as any).transformToByteArray === 'function' || typeof (value as any).getReader === 'function' ||
  typeof (value as any).pipe === 'function' || (typeof Blob !== 'undefined' && value instanceof Blob);

/** A value of the generated code made plain for comparison: bytes for any binary form, no `$metadata`, no undefined members. */
export async function plainValue(value: unknown): Promise<unknown> {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer || isStream(value)) return readBytes(value);
  if (Array.isArray(value)) return Promise.all(value.map(plainValue));
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (key === '$metadata' || member === undefined) continue;
    Object.defineProperty(out, key, { value: await plainValue(member), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The first difference between what a case expects and what the generated code gave, as
 * `path: want …, got …`; undefined when they agree. Dates compare by instant, bytes by content,
 * NaN equals NaN, object key order is ignored, list order is not.
 */
export function difference(want: unknown, got: unknown, path = ''): string | undefined {
  const at = path || '(the whole value)';
  const show = (v: unknown) => describe(v);
  if (want instanceof Date || got instanceof Date) {
    return want instanceof Date && got instanceof Date && want.getTime() === got.getTime() ? undefined : `${at}: want ${show(want)}, got ${show(got)}`;
  }
  if (want instanceof Uint8Array || got instanceof Uint8Array) {
    return want instanceof Uint8Array && got instanceof Uint8Array && Buffer.from(want).equals(Buffer.from(got)) ? undefined : `${at}: want ${show(want)}, got ${show(got)}`;
  }
  if (typeof want === 'number' && typeof got === 'number') {
    return Object.is(want, got) || want === got ? undefined : `${at}: want ${show(want)}, got ${show(got)}`;
  }
  if (typeof want !== 'object' || want === null || typeof got !== 'object' || got === null) {
    return want === got ? undefined : `${at}: want ${show(want)}, got ${show(got)}`;
  }
  if (Array.isArray(want) !== Array.isArray(got)) return `${at}: want ${show(want)}, got ${show(got)}`;
  if (Array.isArray(want)) {
    const g = got as unknown[];
    if (want.length !== g.length) return `${at}: want ${want.length} items ${show(want)}, got ${g.length} ${show(g)}`;
    for (let i = 0; i < want.length; i++) {
      const d = difference(want[i], g[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const w = want as Record<string, unknown>;
  const g = got as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(w), ...Object.keys(g)])].filter((k) => w[k] !== undefined || g[k] !== undefined);
  for (const key of keys) {
    const child = path ? `${path}.${key}` : key;
    if (!(key in w) || w[key] === undefined) return `${child}: not expected, got ${show(g[key])}`;
    if (!(key in g) || g[key] === undefined) return `${child}: want ${show(w[key])}, got nothing`;
    const d = difference(w[key], g[key], child);
    if (d) return d;
  }
  return undefined;
}

export function describe(value: unknown): string {
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (value instanceof Uint8Array) return `bytes(${JSON.stringify(Buffer.from(value).toString('utf8').slice(0, 60))})`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value, (_, v) => (v instanceof Uint8Array ? `bytes(${Buffer.from(v).toString('utf8')})` : typeof v === 'bigint' ? `${v}n` : v));
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
