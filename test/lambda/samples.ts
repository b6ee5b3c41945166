// Representative values for any shape of a Smithy 2.0 JSON AST model: every member of every
// structure filled, at any depth, with a value its constraints accept (whole-value pattern, length
// in code points or items, range, enum). Also an independent checker of those constraints and one
// input per operation that breaks exactly one of them (for validation-failure tests).
//
// Strings come from the project's own automaton code (codegen/diff/patterns.ts): the shortest,
// most readable value of `pattern ∩ length`, checked against JavaScript's RegExp. Lookarounds,
// which the automata cannot hold, are dropped for the search and enforced by that final check.

import { compareValueSets } from '../../codegen/diff/patterns.js';
import { unanchor } from '../../codegen/import/pattern.js';

type Traits = Record<string, any>;
export interface SmithyMember { target: string; traits?: Traits }
export interface SmithyShape { type: string; members?: Record<string, SmithyMember>; member?: SmithyMember; key?: SmithyMember; value?: SmithyMember; traits?: Traits; [k: string]: any }
export interface SmithyModel { shapes: Record<string, SmithyShape> }

const PRELUDE: Record<string, string> = {
  String: 'string', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Byte: 'byte', PrimitiveByte: 'byte', Short: 'short', PrimitiveShort: 'short',
  Integer: 'integer', PrimitiveInteger: 'integer', Long: 'long', PrimitiveLong: 'long', Float: 'float', PrimitiveFloat: 'float', Double: 'double',
  PrimitiveDouble: 'double', BigInteger: 'bigInteger', BigDecimal: 'bigDecimal', Timestamp: 'timestamp', Blob: 'blob', Document: 'document', Unit: 'structure',
};

/** One instant with whole seconds: every restJson1 timestamp format (epoch seconds, HTTP date, date-time) carries it exactly. */
export const SAMPLE_DATE = new Date('2024-05-06T07:08:09.000Z');
/** A long beyond 32 bits, where no range forbids it: longs must travel without loss. */
const SAMPLE_LONG = 5_000_000_000;

export function shapeOf(model: SmithyModel, id: string): SmithyShape {
  if (id.startsWith('smithy.api#')) {
    const type = PRELUDE[id.slice('smithy.api#'.length)];
    if (!type) throw new Error(`unknown prelude shape ${id}`);
    return { type, ...(type === 'structure' ? { members: {} } : {}) };
  }
  const shape = model.shapes[id];
  if (!shape) throw new Error(`shape ${id} is not in the model`);
  return shape;
}

/** A shape's traits with the member's own on top (member traits win, as in Smithy). */
const traitsOf = (model: SmithyModel, member: SmithyMember) => ({ ...(shapeOf(model, member.target).traits ?? {}), ...(member.traits ?? {}) });

/** The values an enum accepts: Smithy 2 `enum`/`intEnum` members, or a Smithy 1 `@enum` trait. */
export function enumValues(model: SmithyModel, id: string, traits: Traits = shapeOf(model, id).traits ?? {}): (string | number)[] | undefined {
  const shape = shapeOf(model, id);
  if (shape.type === 'enum' || shape.type === 'intEnum') {
    return Object.entries(shape.members ?? {}).map(([name, m]) => m.traits?.['smithy.api#enumValue'] ?? name);
  }
  const trait = traits['smithy.api#enum'] as { value: string }[] | undefined;
  return trait?.map((e) => e.value);
}

/** The whole-value regular expression of a Smithy pattern, as the project reads it (anchors moved out). */
export function wholeValue(pattern: string): RegExp {
  return new RegExp(`^(?:${unanchor(pattern).inner})$`, 'u');
}

const codePoints = (s: string) => [...s].length;

/** Lookarounds removed (their text balanced by parentheses); the final RegExp check enforces them. */
function withoutLookarounds(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') { out += pattern.slice(i, i + 2); i++; continue; }
    const look = /^\(\?<?[=!]/.exec(pattern.slice(i));
    if (!look) { out += pattern[i]; continue; }
    let depth = 0;
    let inClass = false;
    for (; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') { i++; continue; }
      if (inClass) { if (c === ']') inClass = false; continue; }
      if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
  }
  // Anchors inside the whole-value group hold trivially at its edges; refa removes those at the edges.
  return out;
}

const FALLBACKS = ['a', 'abc', 'a1', 'example', 'a.b', '1', '123456789012', 'Example-1'];

export interface StringConstraints { pattern?: string; minLength?: number; maxLength?: number }

export function acceptsString(c: StringConstraints, value: string): boolean {
  const n = codePoints(value);
  if (c.minLength !== undefined && n < c.minLength) return false;
  if (c.maxLength !== undefined && n > c.maxLength) return false;
  return c.pattern === undefined || wholeValue(c.pattern).test(value);
}

const stringCache = new Map<string, string>();

/**
 * Values tried before the automaton's shortest one, so that inputs exercise the wire: a full ARN
 * (colons in a path label), a name with a qualifier, and text with a space and a slash (encoded in
 * labels and queries).
 */
const PREFERRED = ['arn:aws:lambda:us-east-1:123456789012:function:my-function', 'my-function:PROD', 'example value/1', 'my-function'];

/** A realistic string the constraints accept where one of PREFERRED fits, else the shortest, most readable one. */
export function sampleString(c: StringConstraints): string {
  const key = JSON.stringify(c);
  const cached = stringCache.get(key);
  if (cached !== undefined) return cached;
  let found = PREFERRED.find((p) => acceptsString(c, p));
  if (found === undefined) {
    const part = { minLength: c.minLength, maxLength: c.maxLength, ...(c.pattern !== undefined ? { pattern: withoutLookarounds(unanchor(c.pattern).inner) } : {}) };
    // "In the constraints and not in the empty set": the shortest member of the constraints.
    const { oldOnly } = compareValueSets([part], [{ enum: [] }]);
    if (oldOnly !== undefined && acceptsString(c, oldOnly)) found = oldOnly;
  }
  found ??= FALLBACKS.find((f) => acceptsString(c, f)) ?? FALLBACKS.map((f) => f.repeat(Math.max(1, c.minLength ?? 1))).find((f) => acceptsString(c, f));
  if (found === undefined) throw new Error(`no sample string for ${JSON.stringify(c)}`);
  stringCache.set(key, found);
  return found;
}

export function stringConstraints(traits: Traits): StringConstraints {
  const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
  return {
    ...(traits['smithy.api#pattern'] !== undefined ? { pattern: traits['smithy.api#pattern'] as string } : {}),
    ...(length?.min !== undefined ? { minLength: length.min } : {}),
    ...(length?.max !== undefined ? { maxLength: length.max } : {}),
  };
}

function sampleNumber(type: string, traits: Traits): number {
  const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
  const integral = ['byte', 'short', 'integer', 'long', 'intEnum', 'bigInteger'].includes(type);
  const preferred = type === 'long' ? SAMPLE_LONG : integral ? 7 : 1.5;
  const min = range?.min ?? -Infinity;
  const max = range?.max ?? Infinity;
  if (preferred >= min && preferred <= max) return preferred;
  if (Number.isFinite(min) && Number.isFinite(max)) return integral ? Math.floor((min + max) / 2) : (min + max) / 2;
  return Number.isFinite(min) ? min : max;
}

/** Bytes for a blob: JSON text (what Lambda payloads carry), padded to the minimum length. */
function sampleBlob(traits: Traits): Uint8Array {
  const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
  let text = '{"sample":true}';
  if (length?.max !== undefined && text.length > length.max) text = 'x'.repeat(Math.max(length.min ?? 1, 1));
  while (length?.min !== undefined && text.length < length.min) text += ' ';
  return new TextEncoder().encode(text);
}

export interface SampleOptions {
  /** Structures nested deeper than this leave out optional members that recurse into an enclosing structure. */
  maxDepth?: number;
}

/** A value of the member's target that satisfies the member's and the target's constraints. */
export function sampleValue(model: SmithyModel, member: SmithyMember, path: string[] = [], options: SampleOptions = {}): unknown {
  const shape = shapeOf(model, member.target);
  const traits = traitsOf(model, member);
  const enums = enumValues(model, member.target, traits);
  if (enums?.length) return enums[0];
  switch (shape.type) {
    case 'string':
      return sampleString(stringConstraints(traits));
    case 'boolean':
      return true;
    case 'byte': case 'short': case 'integer': case 'long': case 'float': case 'double': case 'bigInteger': case 'bigDecimal':
      return sampleNumber(shape.type, traits);
    case 'timestamp':
      return new Date(SAMPLE_DATE);
    case 'blob':
      return sampleBlob(traits);
    case 'document':
      return { sample: [1, 'two', true, null] };
    case 'list': case 'set': {
      const count = Math.max(1, (traits['smithy.api#length'] as { min?: number } | undefined)?.min ?? 1);
      return Array.from({ length: count }, (_, i) => sampleValue(model, shape.member!, [...path, String(i)], options));
    }
    case 'map': {
      const count = Math.max(1, (traits['smithy.api#length'] as { min?: number } | undefined)?.min ?? 1);
      const keyTraits = traitsOf(model, shape.key!);
      const keyEnums = enumValues(model, shape.key!.target, keyTraits);
      const keys = keyEnums?.length ? keyEnums.map(String) : distinctStrings(stringConstraints(keyTraits), count);
      return Object.fromEntries(keys.slice(0, count).map((k) => [k, sampleValue(model, shape.value!, [...path, k], options)]));
    }
    case 'union': {
      const [name, first] = Object.entries(shape.members ?? {})[0]!;
      return { [name]: sampleValue(model, first, [...path, name], options) };
    }
    case 'structure':
      return sampleStructure(model, member.target, path, options);
    default:
      throw new Error(`no sample for a ${shape.type} (${member.target} at ${path.join('.') || 'the top'})`);
  }
}

/** Several different strings the constraints accept (map keys). */
function distinctStrings(c: StringConstraints, count: number): string[] {
  const first = sampleString(c);
  const out = [first];
  for (const candidate of [`${first}2`, `${first}b`, `b${first}`, ...FALLBACKS]) {
    if (out.length >= count) break;
    if (!out.includes(candidate) && acceptsString(c, candidate)) out.push(candidate);
  }
  return out;
}

/** Every member of a structure filled. */
export function sampleStructure(model: SmithyModel, id: string, path: string[] = [], options: SampleOptions = {}): Record<string, unknown> {
  const shape = shapeOf(model, id);
  const out: Record<string, unknown> = {};
  const depth = path.length;
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const required = member.traits?.['smithy.api#required'] !== undefined;
    if (!required && depth > (options.maxDepth ?? 12) && reaches(model, member.target, id)) continue;
    out[name] = sampleValue(model, member, [...path, name], options);
  }
  return out;
}

/** Whether `from` leads back to `to` (a recursive member). */
function reaches(model: SmithyModel, from: string, to: string, seen = new Set<string>()): boolean {
  if (from === to) return true;
  if (seen.has(from) || from.startsWith('smithy.api#')) return false;
  seen.add(from);
  const s = model.shapes[from];
  if (!s) return false;
  const next = [...Object.values(s.members ?? {}), s.member, s.key, s.value].filter((m): m is SmithyMember => !!m);
  return next.some((m) => reaches(model, m.target, to, seen));
}

/** Every constraint the value breaks, at any depth, each as `path: what` (empty when it satisfies them all). */
export function violations(model: SmithyModel, member: SmithyMember, value: unknown, path = ''): string[] {
  const shape = shapeOf(model, member.target);
  const traits = traitsOf(model, member);
  const out: string[] = [];
  const at = path || '(top)';
  const enums = enumValues(model, member.target, traits);
  if (enums?.length && !enums.includes(value as string)) out.push(`${at}: ${JSON.stringify(value)} is not one of the enum values`);
  const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
  const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
  const sizeOf = (v: unknown) => (typeof v === 'string' ? codePoints(v) : v instanceof Uint8Array ? v.length : Array.isArray(v) ? v.length : Object.keys(v as object).length);
  if (length && value !== undefined) {
    const n = sizeOf(value);
    if ((length.min !== undefined && n < length.min) || (length.max !== undefined && n > length.max)) out.push(`${at}: length ${n} outside ${JSON.stringify(length)}`);
  }
  if (range && typeof value === 'number' && ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max))) {
    out.push(`${at}: ${value} outside ${JSON.stringify(range)}`);
  }
  const pattern = traits['smithy.api#pattern'] as string | undefined;
  if (pattern !== undefined && typeof value === 'string' && !wholeValue(pattern).test(value)) out.push(`${at}: ${JSON.stringify(value)} does not match ${pattern}`);
  const expect = (ok: boolean, what: string) => { if (!ok) out.push(`${at}: not ${what}`); };
  switch (shape.type) {
    case 'string': case 'enum': expect(typeof value === 'string', 'a string'); break;
    case 'boolean': expect(typeof value === 'boolean', 'a boolean'); break;
    case 'byte': case 'short': case 'integer': case 'long': case 'intEnum': expect(Number.isInteger(value), 'an integer'); break;
    case 'float': case 'double': expect(typeof value === 'number', 'a number'); break;
    case 'timestamp': expect(value instanceof Date, 'a Date'); break;
    case 'blob': expect(value instanceof Uint8Array, 'bytes'); break;
    case 'list': case 'set':
      if (!Array.isArray(value)) { expect(false, 'a list'); break; }
      value.forEach((v, i) => out.push(...violations(model, shape.member!, v, `${path}[${i}]`)));
      break;
    case 'map':
      if (typeof value !== 'object' || value === null) { expect(false, 'a map'); break; }
      for (const [k, v] of Object.entries(value)) {
        out.push(...violations(model, shape.key!, k, `${path}{key ${k}}`), ...violations(model, shape.value!, v, `${path}.${k}`));
      }
      break;
    case 'union': {
      const set = Object.keys((value ?? {}) as object);
      expect(set.length === 1 && shape.members![set[0]!] !== undefined, 'a union with exactly one known member set');
      if (set.length === 1 && shape.members![set[0]!]) out.push(...violations(model, shape.members![set[0]!]!, (value as Record<string, unknown>)[set[0]!], `${path}.${set[0]}`));
      break;
    }
    case 'structure':
      if (typeof value !== 'object' || value === null) { expect(false, 'a structure'); break; }
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        const v = (value as Record<string, unknown>)[name];
        const where = path ? `${path}.${name}` : name;
        if (v === undefined) {
          if (m.traits?.['smithy.api#required'] !== undefined) out.push(`${where}: required but absent`);
          continue;
        }
        out.push(...violations(model, m, v, where));
      }
      break;
  }
  return out;
}

/** A string one code point past the maximum that still matches the pattern where one is cheap to find, so only the length is broken. */
function tooLong(traits: Traits, max: number): string {
  const pattern = traits['smithy.api#pattern'] as string | undefined;
  if (pattern !== undefined && max < 2_000) {
    try {
      return sampleString({ pattern, minLength: max + 1, maxLength: max + 1 });
    } catch {
      // No value of that length matches: the pattern is broken too.
    }
  }
  return 'a'.repeat(max + 1);
}

export interface InvalidInput {
  input: Record<string, unknown>;
  /** The member broken and how, e.g. `Qualifier: 129 code points, longer than 128`. */
  broken: string;
}

/**
 * The sample input with exactly one top-level constraint broken, preferring body and query members
 * (a label outside its pattern may route elsewhere): a string past its maximum length, a number
 * past its range, a value outside its enum, or a required member left out. Undefined when the input
 * has no constraint at all.
 */
export function invalidInput(model: SmithyModel, inputId: string, sample: Record<string, unknown>): InvalidInput | undefined {
  const members = Object.entries(shapeOf(model, inputId).members ?? {});
  const isLabel = (m: SmithyMember) => m.traits?.['smithy.api#httpLabel'] !== undefined;
  const candidates: (InvalidInput | undefined)[] = [];
  for (const labels of [false, true]) {
    for (const [name, member] of members) {
      if (isLabel(member) !== labels) continue;
      const shape = shapeOf(model, member.target);
      const traits = traitsOf(model, member);
      const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
      const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
      const enums = enumValues(model, member.target, traits);
      if (shape.type === 'string' && !enums?.length && length?.max !== undefined && length.max < 10_000) {
        const value = tooLong(traits, length.max);
        candidates.push({ input: { ...sample, [name]: value }, broken: `${name}: ${length.max + 1} code points, longer than ${length.max}` });
      } else if (['byte', 'short', 'integer', 'long', 'float', 'double'].includes(shape.type) && range?.max !== undefined) {
        candidates.push({ input: { ...sample, [name]: range.max + 1 }, broken: `${name}: ${range.max + 1}, above the maximum ${range.max}` });
      } else if (['byte', 'short', 'integer', 'long', 'float', 'double'].includes(shape.type) && range?.min !== undefined) {
        candidates.push({ input: { ...sample, [name]: range.min - 1 }, broken: `${name}: ${range.min - 1}, below the minimum ${range.min}` });
      } else if (shape.type !== 'intEnum' && enums?.length && !labels) {
        candidates.push({ input: { ...sample, [name]: 'NotAnEnumValue' }, broken: `${name}: "NotAnEnumValue" is not one of its enum values` });
      } else if (member.traits?.['smithy.api#required'] !== undefined && !labels && member.traits?.['smithy.api#httpPayload'] === undefined) {
        const { [name]: _left, ...rest } = sample;
        candidates.push({ input: rest, broken: `${name}: required, left out` });
      }
    }
    const found = candidates.find((c) => c !== undefined);
    if (found) return found;
  }
  return undefined;
}
