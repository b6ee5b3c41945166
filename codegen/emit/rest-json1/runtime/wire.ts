/**
 * restJson1 values on the wire, shared by the client and the server: timestamps in their three
 * formats, blobs as base64, the floats JSON cannot write, big numbers written without loss, lists
 * in headers, and JSON objects read member by member.
 *
 * The readers are lenient on purpose: a value that is not what the shape says comes back as it
 * is (typed as the shape for the caller's convenience), so that a server's validator reports it
 * with its value instead of the decoder throwing. `undefined` passes through every reader.
 */
import { NumericValue } from '@smithy/core/serde';

export { NumericValue };

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
  if (typeof value === 'number' && Number.isFinite(value)) return new NumericValue(String(value), 'bigDecimal');
  if (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value.trim())) return new NumericValue(value.trim(), 'bigDecimal');
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
    if (item instanceof NumericValue) {
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
