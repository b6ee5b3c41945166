/**
 * restJson1 values on the wire, shared by the client and the server: timestamps in their three
 * formats, blobs as base64, the floats JSON cannot write, big numbers written without loss, lists
 * in headers, and JSON objects read member by member.
 *
 * The `parse*`/`read*` readers (the client's) are lenient on purpose: a value that is not what the
 * shape says comes back as it is (typed as the shape for the caller's convenience). The server
 * decodes with the strict `expect*` readers at the end, which refuse such a value.
 * `undefined` passes through every reader.
 */
import type { NumericValue } from '@smithy/core/serde';

/**
 * A bigDecimal as `NumericValue` of @smithy/core/serde holds one: its digits as text. Our own
 * class rather than an import of that one: loading @smithy/core/serde took a client about 50 ms
 * at start-up, most of its cold import, for the many models without a bigDecimal. Its values are
 * `instanceof NumericValue` all the same: that class recognises any object of this shape.
 */
class BigDecimal implements NumericValue {
  readonly type = 'bigDecimal' as const;
  constructor(readonly string: string) {}
  toString(): string {
    return this.string;
  }
}

/** The SDK's test for a NumericValue, without loading its class: a bigDecimal's digits. */
function isBigDecimal(value: unknown): value is NumericValue {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'bigDecimal' && typeof (value as { string?: unknown }).string === 'string';
}

export type TimestampFormat = 'date-time' | 'http-date' | 'epoch-seconds';

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A member of a JSON object, read as an own property (a member named `constructor` is not the
 * object's constructor); JSON `null` reads as absent, as restJson1 says.
 */
export function member(object: object, key: string): any {
  if (!Object.prototype.hasOwnProperty.call(object, key)) return undefined;
  const value = (object as Record<string, unknown>)[key];
  return value === null ? undefined : value;
}

/**
 * A member the model marks nullable (OpenAPI's `type: [T, 'null']`): there JSON `null` is a value
 * of its own and is kept; a member left out is `fallback` (its default, if it has one).
 */
export function nullableMember(object: object, key: string, fallback?: unknown): any {
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : fallback;
}

/** `read(value)`, except that `null` and `undefined` pass as they are (a nullable member's value). */
export function unlessNull<T>(value: unknown, read: (value: unknown) => T): T | null | undefined {
  return value === null || value === undefined ? value : read(value);
}

// --- Timestamps ---------------------------------------------------------------------------

/** A timestamp in one of restJson1's formats: epoch seconds (a number), HTTP-date or RFC 3339 date-time. */
export function formatTimestamp(date: Date, format: TimestampFormat): string | number {
  switch (format) {
    case 'epoch-seconds':
      return Math.round(date.getTime()) / 1000;
    case 'http-date':
      return date.toUTCString();
    default:
      // Whole seconds are written without a fraction, as the AWS SDK writes them.
      return date.toISOString().replace('.000Z', 'Z');
  }
}

/** A timestamp as header, label or query text. */
export function timestampText(date: Date, format: TimestampFormat): string {
  return String(formatTimestamp(date, format));
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const HTTP_DATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** A timestamp read in the given format; anything else is returned as it is. */
export function parseTimestamp(value: unknown, format: TimestampFormat): Date {
  let date: Date | undefined;
  if (format === 'epoch-seconds') {
    const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
    if (seconds !== undefined && Number.isFinite(seconds)) date = new Date(Math.round(seconds * 1000));
  } else if (typeof value === 'string' && (format === 'http-date' ? HTTP_DATE : DATE_TIME).test(value.trim())) {
    date = new Date(value.trim());
  }
  return date !== undefined && !Number.isNaN(date.getTime()) ? date : (value as Date);
}

// --- Blobs --------------------------------------------------------------------------------

/** Bytes as standard base64 (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a large array into one call would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Base64 text as bytes; anything else is returned as it is. */
export function fromBase64(value: unknown): Uint8Array {
  if (typeof value !== 'string' || !BASE64.test(value)) return value as Uint8Array;
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** A string with a media type as restJson1 sends it in a header: the base64 of its UTF-8 bytes. */
export function toBase64Text(value: string): string {
  return toBase64(utf8Encoder.encode(value));
}

/** Such a header read back: the string whose UTF-8 bytes the base64 text holds; other text as it is. */
export function fromBase64Text(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const bytes = fromBase64(value);
  return bytes instanceof Uint8Array ? utf8Decoder.decode(bytes) : value;
}

// --- Numbers ------------------------------------------------------------------------------

/** A float in JSON: `NaN` and the infinities are the strings restJson1 writes for them. */
export function formatFloat(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/** A float read from JSON or text: the strings `NaN`, `Infinity` and `-Infinity` included. */
export function parseFloatValue(value: unknown): number {
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return value as number;
}

/** A bigInteger from a JSON number or its text. */
export function parseBigInteger(value: unknown): bigint {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  return value as bigint;
}

/** A bigDecimal from a JSON number or its text, kept as its digits. */
export function parseBigDecimal(value: unknown): NumericValue {
  if (typeof value === 'number' && Number.isFinite(value)) return new BigDecimal(String(value));
  if (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value.trim())) return new BigDecimal(value.trim());
  return value as NumericValue;
}

// A private-use character cannot occur in the digits, so the marked string is found again exactly.
const RAW = '\uE000';
const RAW_NUMBER = /"\uE000(-?[0-9][0-9.eE+-]*)\uE000"/g;

/**
 * JSON text of a value; bigIntegers and bigDecimals are written as the numbers they are, with
 * every digit, where `JSON.stringify` would throw or round.
 */
export function toJson(value: unknown): string {
  let raw = false;
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') {
      raw = true;
      return `${RAW}${item.toString()}${RAW}`;
    }
    if (isBigDecimal(item)) {
      raw = true;
      return `${RAW}${item.string}${RAW}`;
    }
    return item;
  });
  return raw ? text.replace(RAW_NUMBER, '$1') : text;
}

// --- Lists and maps -----------------------------------------------------------------------

/** Each item of a JSON array read with `read`; a non-array is returned as it is. */
export function readList<T>(value: unknown, read: (item: unknown) => T): T[] {
  return Array.isArray(value) ? value.map((item) => read(item)) : (value as T[]);
}

/** Each item of a sparse list read with `read`; `null` items stay `null`. */
export function readSparseList<T>(value: unknown, read: (item: unknown) => T): (T | null)[] {
  return Array.isArray(value) ? value.map((item) => (item === null ? null : read(item))) : (value as (T | null)[]);
}

/** Each value of a JSON object read with `read`; `null` values are dropped (a dense map has none). */
export function readMap<T>(value: unknown, read: (item: unknown) => T): Record<string, T> {
  if (!isJsonObject(value)) return value as Record<string, T>;
  const result: Record<string, T> = {};
  for (const key of Object.keys(value)) if (value[key] !== null) result[key] = read(value[key]);
  return result;
}

/** Each value of a sparse map read with `read`; `null` values stay `null`. */
export function readSparseMap<T>(value: unknown, read: (item: unknown) => T): Record<string, T | null> {
  if (!isJsonObject(value)) return value as Record<string, T | null>;
  const result: Record<string, T | null> = {};
  for (const key of Object.keys(value)) result[key] = value[key] === null ? null : read(value[key]);
  return result;
}

/** Each value of a record written with `write`. */
export function mapValues<T, R>(record: Readonly<Record<string, T>>, write: (value: T) => R): Record<string, R> {
  const result: Record<string, R> = {};
  for (const key of Object.keys(record)) result[key] = write(record[key] as T);
  return result;
}

/** The one member a union's JSON object sets: its name and value, or nothing when it sets none or several. */
export function unionMember(value: Record<string, unknown>): [string, unknown] | undefined {
  const set = Object.keys(value).filter((key) => value[key] !== null && key !== '__type');
  return set.length === 1 ? [set[0]!, value[set[0]!]] : undefined;
}

// --- Header lists -------------------------------------------------------------------------

/** A list header: items joined by `, `, an item holding a comma or a double quote written quoted. */
export function joinHeaderList(items: readonly string[], quote = true): string {
  return items.map((item) => (quote && /[,"]/.test(item) ? `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : item)).join(', ');
}

/** A list header's items: split at commas outside quoted strings, trimmed and unquoted. */
export function splitHeaderList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (quoted && char === '\\' && i + 1 < value.length) current += value[++i];
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  items.push(current.trim());
  return items;
}

/** A header list of HTTP-dates, whose items hold a comma themselves (`Mon, 16 Dec 2019 …`). */
export function splitHttpDateList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((part) => part.trim());
  const items: string[] = [];
  for (let i = 0; i < parts.length; i += 2) items.push(parts.slice(i, i + 2).join(', '));
  return items;
}

/** A fresh idempotency token for a member the caller left out. */
export function idempotencyToken(): string {
  return globalThis.crypto.randomUUID();
}

// --- Text (labels, query values, headers) ---------------------------------------------------

/** `true` or `false` as a boolean; other text stays text. */
export function parseBooleanText(text: unknown): boolean {
  const trimmed = typeof text === 'string' ? text.trim() : text;
  return (trimmed === 'true' ? true : trimmed === 'false' ? false : text) as boolean;
}

/** A number written out; other text stays text. */
export function parseNumberText(text: unknown): number {
  if (typeof text !== 'string' || text.trim() === '') return text as number;
  const number = Number(text);
  return (Number.isFinite(number) ? number : text) as number;
}

/** A float written out, `NaN`, `Infinity` and `-Infinity` included; other text stays text. */
export function parseFloatText(text: unknown): number {
  const special = parseFloatValue(typeof text === 'string' ? text.trim() : text);
  return typeof special === 'number' ? special : parseNumberText(text);
}

/** JSON text (a document in a header); text that is not JSON stays text. */
export function parseJsonText(text: unknown): any {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A map written as headers named `prefix` + key. */
export function withPrefix(prefix: string, values: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (values) for (const key of Object.keys(values)) headers[`${prefix}${key}`] = values[key]!;
  return headers;
}

/** The headers whose name starts with `prefix` (in any case), keyed by the rest of their name; undefined when there are none. */
export function prefixedHeaders(headers: Readonly<Record<string, string | string[] | undefined>>, prefix: string): Record<string, string> | undefined {
  const wanted = prefix.toLowerCase();
  let result: Record<string, string> | undefined;
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined || !name.toLowerCase().startsWith(wanted)) continue;
    (result ??= {})[name.slice(prefix.length)] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

// --- Strict readers (the server's decoder) --------------------------------------------------
//
// A server refuses what it cannot read as the member's shape before anything else sees it:
// each reader below returns the typed value, passes `undefined` (an absent member) through, and
// throws a WireValueError for anything else, which the server answers with
// 400 SerializationException, as restJson1's malformed-request cases require.

/** A wire value that cannot be read as its shape. */
export class WireValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SerializationException';
    // The mark the server's protocol runtime (server/http.ts, shipped apart from this file) knows it by.
    Object.defineProperty(this, Symbol.for('permgen.wireValueError'), { value: true });
  }
}

/** The value, shortened, for a message. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function refuse(value: unknown, wanted: string): never {
  throw new WireValueError(`Expected ${wanted}, found ${shown(value)}.`);
}

export type IntegerKind = 'byte' | 'short' | 'integer' | 'long';

const INTEGER_RANGES: Readonly<Record<IntegerKind, readonly [bigint, bigint]>> = {
  byte: [-(2n ** 7n), 2n ** 7n - 1n],
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  integer: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

function inRange(value: bigint, kind: IntegerKind): boolean {
  const [low, high] = INTEGER_RANGES[kind];
  return value >= low && value <= high;
}

/** A JSON boolean. */
export function expectBoolean(value: unknown): boolean {
  if (value === undefined || typeof value === 'boolean') return value as boolean;
  return refuse(value, 'a boolean');
}

/** A JSON string; typed as the string enum the caller expects (whether it is one of its values is the validator's to say). */
export function expectString<T extends string | undefined = string>(value: unknown): T {
  if (value === undefined || typeof value === 'string') return value as T;
  return refuse(value, 'a string');
}

/** A JSON number that is a whole number within the range of its integer type. */
export function expectInteger<T extends number | undefined = number>(value: unknown, kind: IntegerKind): T {
  if (value === undefined) return value as unknown as T;
  // A long beyond 2^53 arrives rounded; its range is checked on the rounded value, which is exact at 2^63.
  if (typeof value !== 'number' || !Number.isInteger(value)) return refuse(value, `a whole number (${kind})`);
  if (!inRange(BigInt(value), kind)) return refuse(value, `a value within the range of ${kind}`);
  return value as T;
}

/** A JSON number, or one of the strings `NaN`, `Infinity` and `-Infinity` restJson1 writes for floats. */
export function expectFloat(value: unknown): number {
  if (value === undefined || typeof value === 'number') return value as number;
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return parseFloatValue(value);
  return refuse(value, 'a number');
}

/** A bigInteger: a whole JSON number (or its digits as a string). */
export function expectBigInteger(value: unknown): bigint {
  if (value === undefined) return value as unknown as bigint;
  const read = parseBigInteger(value);
  return typeof read === 'bigint' ? read : refuse(value, 'a whole number');
}

/** A bigDecimal: a JSON number (or its digits as a string). */
export function expectBigDecimal(value: unknown): NumericValue {
  if (value === undefined) return value as unknown as NumericValue;
  const read = parseBigDecimal(value);
  return isBigDecimal(read) ? read : refuse(value, 'a number');
}

/** Base64 text (standard alphabet, padded) as bytes. */
export function expectBase64(value: unknown): Uint8Array {
  if (value === undefined) return value as unknown as Uint8Array;
  const read = fromBase64(value);
  return read instanceof Uint8Array ? read : refuse(value, 'base64 text');
}

/** A string with a media type from its header, refusing text that is not base64. */
export function expectBase64Text(value: string | undefined): string | undefined {
  return value === undefined ? undefined : utf8Decoder.decode(expectBase64(value));
}

/** RFC 3339 date-time in UTC (`Z`, no offset), as Smithy's `date-time` format requires. */
const STRICT_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?[Zz]$/;
/** IMF-fixdate, as HTTP writes dates (`Tue, 29 Apr 2014 18:30:38 GMT`); fractional seconds allowed. */
const STRICT_HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2})(\.\d+)? GMT$/;
/** Epoch seconds written out: digits, optionally a fraction. */
const EPOCH_SECONDS_TEXT = /^-?\d+(\.\d+)?$/;

function validDate(date: Date, value: unknown, wanted: string): Date {
  return Number.isNaN(date.getTime()) ? refuse(value, wanted) : date;
}

/** A timestamp as text in its format (labels, query values, headers, and JSON's date strings). */
function timestampFromText(text: string, format: TimestampFormat, value: unknown): Date {
  if (format === 'epoch-seconds') {
    if (!EPOCH_SECONDS_TEXT.test(text)) return refuse(value, 'epoch seconds');
    return validDate(new Date(Math.round(Number(text) * 1000)), value, 'epoch seconds');
  }
  if (format === 'http-date') {
    if (!STRICT_HTTP_DATE.test(text)) return refuse(value, 'an HTTP-date (IMF-fixdate)');
    return validDate(new Date(text), value, 'an HTTP-date (IMF-fixdate)');
  }
  const parts = STRICT_DATE_TIME.exec(text);
  if (!parts) return refuse(value, 'an RFC 3339 date-time in UTC');
  const [month, day, hour, minute, second] = parts.slice(2, 7).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return refuse(value, 'an RFC 3339 date-time');
  return validDate(new Date(text), value, 'an RFC 3339 date-time');
}

/** A timestamp in a JSON body: epoch seconds as a JSON number, the other formats as strings. */
export function expectTimestamp(value: unknown, format: TimestampFormat): Date {
  if (value === undefined) return value as unknown as Date;
  if (format === 'epoch-seconds') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(value, 'epoch seconds as a number');
    return new Date(Math.round(value * 1000));
  }
  return typeof value === 'string' ? timestampFromText(value, format, value) : refuse(value, 'a timestamp string');
}

/** A JSON object (a structure's or a map's value). */
export function expectObject(value: unknown): Record<string, unknown> {
  return isJsonObject(value) ? value : refuse(value, 'an object');
}

// The item type of a list or map comes from where the value goes (an enum's list is a list of
// that enum, which a callback typed `string` could not say): `read` returns what it checked.

/** A dense list: a JSON array without nulls, each item read with `read`. */
export function expectList<T>(value: unknown, read: (item: unknown) => unknown): T[] {
  if (value === undefined) return value as unknown as T[];
  if (!Array.isArray(value)) return refuse(value, 'a list');
  return value.map((item) => (item === null ? refuse(item, 'a list item (the list is not sparse)') : read(item))) as T[];
}

/** A sparse list: a JSON array; `null` items stay `null`. */
export function expectSparseList<T>(value: unknown, read: (item: unknown) => unknown): (T | null)[] {
  if (value === undefined) return value as unknown as T[];
  if (!Array.isArray(value)) return refuse(value, 'a list');
  return value.map((item) => (item === null ? null : read(item))) as (T | null)[];
}

/** A dense map: a JSON object without null values, each value read with `read`. */
export function expectMap<T>(value: unknown, read: (item: unknown) => unknown): Record<string, T> {
  if (value === undefined) return value as unknown as Record<string, T>;
  const object = expectObject(value);
  const result: Record<string, T> = {};
  for (const key of Object.keys(object)) result[key] = object[key] === null ? refuse(null, `a value for map key ${JSON.stringify(key)} (the map is not sparse)`) : (read(object[key]) as T);
  return result;
}

/** A sparse map: a JSON object; `null` values stay `null`. */
export function expectSparseMap<T>(value: unknown, read: (item: unknown) => unknown): Record<string, T | null> {
  if (value === undefined) return value as unknown as Record<string, T | null>;
  const object = expectObject(value);
  const result: Record<string, T | null> = {};
  for (const key of Object.keys(object)) result[key] = object[key] === null ? null : (read(object[key]) as T);
  return result;
}

/** The one member a union's JSON object sets, which must be one of `known`. */
export function expectUnionMember(value: unknown, known: readonly string[]): [string, unknown] {
  const object = expectObject(value);
  const set = Object.keys(object).filter((key) => object[key] !== null && key !== '__type');
  if (set.length !== 1) return refuse(value, `a union with exactly one member set (${set.length} are)`);
  if (!known.includes(set[0]!)) return refuse(set[0], `a member of the union (one of ${known.join(', ')})`);
  return [set[0]!, object[set[0]!]];
}

// Text (labels, query values, headers): the same rules for values written out as text.

/** `true` or `false`, exactly. */
export function expectBooleanText(text: unknown): boolean {
  if (text === undefined) return text as unknown as boolean;
  if (typeof text !== 'string') return refuse(text, 'true or false');
  return text === 'true' ? true : text === 'false' ? false : refuse(text, 'true or false');
}

/** Digits (optionally signed) of a whole number within the range of its integer type. */
export function expectIntegerText(text: unknown, kind: IntegerKind): number {
  if (text === undefined) return text as unknown as number;
  if (typeof text !== 'string' || !/^-?\d+$/.test(text)) return refuse(text, `a whole number (${kind})`);
  if (!inRange(BigInt(text), kind)) return refuse(text, `a value within the range of ${kind}`);
  return Number(text);
}

const FLOAT_TEXT = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number, or `NaN`, `Infinity` or `-Infinity`. */
export function expectFloatText(text: unknown): number {
  if (text === undefined) return text as unknown as number;
  if (typeof text !== 'string') return refuse(text, 'a number');
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') return parseFloatValue(text);
  return FLOAT_TEXT.test(text) ? Number(text) : refuse(text, 'a number');
}

/** A timestamp written out in its format. */
export function expectTimestampText(text: unknown, format: TimestampFormat): Date {
  if (text === undefined) return text as unknown as Date;
  return typeof text === 'string' ? timestampFromText(text, format, text) : refuse(text, 'a timestamp');
}

/** A bigInteger written out. */
export function expectBigIntegerText(text: unknown): bigint {
  if (text === undefined) return text as unknown as bigint;
  return typeof text === 'string' && /^-?\d+$/.test(text) ? BigInt(text) : refuse(text, 'a whole number');
}

/** A bigDecimal written out. */
export function expectBigDecimalText(text: unknown): NumericValue {
  if (text === undefined) return text as unknown as NumericValue;
  return typeof text === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? new BigDecimal(text) : refuse(text, 'a number');
}

/** JSON text (a document or structure in a header). */
export function expectJsonText(text: unknown): any {
  if (text === undefined) return text;
  if (typeof text !== 'string') return refuse(text, 'JSON text');
  try {
    return JSON.parse(text);
  } catch {
    return refuse(text, 'JSON text');
  }
}
