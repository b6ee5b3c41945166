/**
 * Constraint violations and their wording, as the service words them in a ValidationException:
 * `Value 'x' at 'member' failed to satisfy constraint: Member must …`.
 *
 * Each check's wording is worked out once, when a validator module loads (`missing`,
 * `patternMismatch`, … return a `Rule`); a failing value costs one small object (`violated`),
 * and its sentence is put together only when someone reads `message`. A valid input costs no
 * garbage at all.
 */

export type ConstraintKind =
  | 'required'
  | 'type'
  | 'pattern'
  | 'maxLength'
  | 'minLength'
  | 'length'
  | 'enum'
  | 'minimum'
  | 'maximum'
  | 'range'
  | 'uniqueItems'
  | 'union'
  | 'depth'
  /** A list member, map key or map value broke its own constraints (AWS's wording names the list or map). */
  | 'member';

export interface ConstraintViolation {
  /** The member as the model names it, e.g. `ItemName`. */
  readonly member: string;
  /**
   * Where the value sits, as the service names it in messages: members first letter lower-cased
   * and joined by `.` (`environment.variables`) in AWS's wording; a JSON pointer (`/list/0/name`)
   * in the framework's.
   */
  readonly path: string;
  readonly constraint: ConstraintKind;
  /** The offending value (`undefined` for a missing member). */
  readonly value: unknown;
  /** The whole sentence for this violation, exactly as the service writes it. */
  readonly message: string;
}

/** Shared result for a valid input: frozen, so callers cannot append to it. */
export const NO_VIOLATIONS: readonly ConstraintViolation[] = Object.freeze([]);

const SURROGATE = /[\uD800-\uDFFF]/;

/** Length in characters (code points), as the service counts it. */
export function codePointLength(value: string): number {
  // Without surrogates every UTF-16 unit is a character; the regular expression scans far faster than a loop.
  if (!SURROGATE.test(value)) return value.length;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low surrogate is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * Whose wording a validator uses: `aws` is the AWS JSON services' (`Value 'x' at 'member.nested'
 * failed to satisfy constraint: …`, the summary after a colon); `framework` is Smithy's
 * `smithy.framework#ValidationException` (`Value at '/member/0' …`, no value quoted, JSON pointers,
 * lengths as `Value with length N`, the summary after a full stop, and a `fieldList`).
 * Where each phrase comes from: WORDING.md beside this file.
 */
export type Wording = 'aws' | 'framework';

/** One check of one member, with everything of its sentence that does not depend on the value. */
export interface Rule {
  readonly member: string;
  /** Where the member sits, as the wording names it; a violation at a list index or map key carries its own. */
  readonly path: string;
  readonly constraint: ConstraintKind;
  readonly wording: Wording;
  /** `Member must …` (or `Map keys must …`): the constraint's own sentence. */
  readonly must: string;
  /** The sentence after the value: ` at 'member' failed to satisfy constraint: Member must …`. */
  readonly tail: string;
  /** The same after a quoted value: the closing quote, then the tail. */
  readonly quotedTail: string;
  /** The framework quotes a length violation's length (`Value with length 7 at …`). */
  readonly measured: boolean;
  /** The value is sensitive (Smithy's `@sensitive`): AWS leaves it out (`Value at 'member' …`). */
  readonly sensitive?: boolean;
}

function rule(member: string, path: string, constraint: ConstraintKind, must: string, wording: Wording = 'aws', measured = false): Rule {
  const tail = ` at '${path}' failed to satisfy constraint: ${must}`;
  return { member, path, constraint, wording, must, tail, quotedTail: `'${tail}`, measured: measured && wording === 'framework' };
}

/** `Member must …` phrases, shared by single rules and by the bracketed lists of element rules. */
export const phrases = {
  notNull: 'Member must not be null',
  type: (type: string) => `Member must be of type ${type}`,
  pattern: (documented: string) => `Member must satisfy regular expression pattern: ${documented}`,
  maxLength: (max: number) => `Member must have length less than or equal to ${max}`,
  minLength: (min: number) => `Member must have length greater than or equal to ${min}`,
  lengthBetween: (min: number, max: number) => `Member must have length between ${min} and ${max}, inclusive`,
  enum: (allowed: string) => `Member must satisfy enum value set: ${allowed}`,
  /** AWS: `Member must have value greater than or equal to 1`; the framework: `Member must be greater than or equal to 1`. */
  minimum: (min: number, exclusive: boolean, wording: Wording) => `Member must ${wording === 'aws' ? 'have value ' : 'be '}greater than ${exclusive ? '' : 'or equal to '}${min}`,
  maximum: (max: number, exclusive: boolean, wording: Wording) => `Member must ${wording === 'aws' ? 'have value ' : 'be '}less than ${exclusive ? '' : 'or equal to '}${max}`,
  rangeBetween: (min: number, max: number) => `Member must be between ${min} and ${max}, inclusive`,
  unique: 'Member must have unique values',
  oneMember: 'Member must have exactly one member set',
  depth: (max: number) => `Member must have nesting depth less than or equal to ${max}`,
};

export const missing = (member: string, path: string, wording?: Wording): Rule => rule(member, path, 'required', phrases.notNull, wording);

export const wrongType = (member: string, path: string, type: string, wording?: Wording): Rule => rule(member, path, 'type', phrases.type(type), wording);

export const patternMismatch = (member: string, path: string, documented: string, wording?: Wording): Rule =>
  rule(member, path, 'pattern', phrases.pattern(documented), wording);

export const tooLong = (member: string, path: string, max: number, wording?: Wording): Rule =>
  rule(member, path, 'maxLength', phrases.maxLength(max), wording, true);

export const tooShort = (member: string, path: string, min: number, wording?: Wording): Rule =>
  rule(member, path, 'minLength', phrases.minLength(min), wording, true);

/** The framework's wording when both bounds are modeled: `Member must have length between 2 and 8, inclusive`. */
export const lengthOutside = (member: string, path: string, min: number, max: number): Rule =>
  rule(member, path, 'length', phrases.lengthBetween(min, max), 'framework', true);

export const notInEnum = (member: string, path: string, allowed: string, wording?: Wording): Rule =>
  rule(member, path, 'enum', phrases.enum(allowed), wording);

export const tooSmall = (member: string, path: string, min: number, exclusive: boolean, wording: Wording = 'aws'): Rule =>
  rule(member, path, 'minimum', phrases.minimum(min, exclusive, wording), wording);

export const tooLarge = (member: string, path: string, max: number, exclusive: boolean, wording: Wording = 'aws'): Rule =>
  rule(member, path, 'maximum', phrases.maximum(max, exclusive, wording), wording);

/** The framework's wording when both bounds are modeled (inclusive): `Member must be between 2 and 8, inclusive`. */
export const rangeOutside = (member: string, path: string, min: number, max: number): Rule =>
  rule(member, path, 'range', phrases.rangeBetween(min, max), 'framework');

export const notUnique = (member: string, path: string, wording?: Wording): Rule => rule(member, path, 'uniqueItems', phrases.unique, wording);

export const notOneMember = (member: string, path: string, wording?: Wording): Rule => rule(member, path, 'union', phrases.oneMember, wording);

/** The same rule for a sensitive value, which the message leaves out: `Value at 'environment.variables' failed …`. */
export const hidden = (rule: Rule): Rule => ({ ...rule, sensitive: true });

/**
 * How deep a shape that contains itself is checked. Deeper input is one violation rather than a
 * stack overflow: a request body can nest far deeper than any model means it to.
 */
export const MAX_NESTING = 100;

export const tooDeep = (member: string, path: string, max: number, wording?: Wording): Rule => rule(member, path, 'depth', phrases.depth(max), wording);

/**
 * AWS's wording for a list member, map key or map value that breaks its shape's constraints: one
 * violation on the list or map, quoting it whole, with every constraint of the element listed:
 * `Member must satisfy constraint: [Member must have length less than or equal to 140, …]`,
 * `Map keys must satisfy constraint: […]`, `Map value must satisfy constraint: […]`.
 */
export const elementsBreak = (member: string, path: string, subject: 'Member' | 'Map keys' | 'Map value', musts: readonly string[]): Rule =>
  rule(member, path, 'member', `${subject} must satisfy constraint: [${musts.join(', ')}]`, 'aws');

/**
 * The most characters of an offending value a message repeats. Every value the model accepts is
 * at most 256 characters long, so any value a client could have meant is quoted whole; a longer
 * one is cut here, so that a megabyte of input never comes back as a megabyte of error message.
 */
export const QUOTE_LIMIT = 1024;
const CUT_MARKER = '...';

/** `value` cut to {@link QUOTE_LIMIT} characters, never between the two halves of a surrogate pair. */
function shorten(value: string): string {
  if (value.length <= QUOTE_LIMIT) return value;
  let end = QUOTE_LIMIT;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end) + CUT_MARKER;
}

/**
 * A non-text value as compact text, written without recursion and stopping soon after
 * {@link QUOTE_LIMIT} characters: a value nested thousands of levels deep (a few kilobytes of
 * brackets) must cost no more than a flat one, and never the stack. The framework's wording never
 * quotes values; AWS's quotes lists and maps as its Java services print them (`[a, b]`,
 * `{KEY=value}`), and other values as JSON.
 */
function quoteValue(value: unknown): string {
  const java = Array.isArray(value) || value instanceof Uint8Array || (value !== null && typeof value === 'object' && !(value instanceof Date) && !isNumericValue(value));
  let text = '';
  // What remains to write, last first: values, and the punctuation between them.
  const pending: Array<{ value: unknown } | string> = [{ value }];
  const separator = java ? ', ' : ',';
  while (pending.length > 0 && text.length <= QUOTE_LIMIT) {
    const next = pending.pop()!;
    if (typeof next === 'string') {
      text += next;
      continue;
    }
    const item = next.value;
    if (Array.isArray(item) || item instanceof Uint8Array) {
      pending.push(']');
      for (let i = item.length - 1; i >= 0; i--) {
        pending.push({ value: item[i] });
        if (i > 0) pending.push(separator);
      }
      text += '[';
    } else if (item instanceof Date) {
      text += Number.isNaN(item.getTime()) ? 'Invalid Date' : item.toISOString();
    } else if (isNumericValue(item)) {
      text += item.string;
    } else if (item !== null && typeof item === 'object') {
      const keys = Object.keys(item);
      pending.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        pending.push({ value: (item as Record<string, unknown>)[key] });
        pending.push(java ? `${key}=` : JSON.stringify(key) + ':');
        if (i > 0) pending.push(separator);
      }
      text += '{';
    } else if (java && typeof item === 'string') {
      text += item;
    } else {
      text += item === undefined ? 'null' : typeof item === 'bigint' ? String(item) : JSON.stringify(item);
    }
  }
  return text;
}

/** The SDK's NumericValue, as a bigDecimal arrives decoded: quoted by its digits. */
function isNumericValue(value: unknown): value is { string: string; type: string } {
  return value !== null && typeof value === 'object' && typeof (value as { string?: unknown }).string === 'string' && (value as { type?: unknown }).type === 'bigDecimal';
}

/** How long a value is, as its length constraint counts: characters, items, entries or bytes. */
export function lengthOf(value: unknown): number {
  if (typeof value === 'string') return codePointLength(value);
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length;
  return value !== null && typeof value === 'object' ? Object.keys(value).length : 0;
}

/** The framework's sentence: no value quoted, a length violation's length given (`Value with length 7 at '/m' …`). */
function frameworkMessage(rule: Rule, value: unknown, path: string): string {
  return (rule.measured ? 'Value with length ' + lengthOf(value) : 'Value') + " at '" + path + "' failed to satisfy constraint: " + rule.must;
}

/** `Value 'x'` (or `Value null` for a missing member); `x` is at most {@link QUOTE_LIMIT} characters. */
function quotedValue(value: unknown): string {
  if (typeof value === 'string') return "Value '" + shorten(value) + "'";
  if (value === undefined || value === null) return 'Value null';
  return "Value '" + shorten(quoteValue(value)) + "'";
}

class Violation implements ConstraintViolation {
  // Two fields: a failing value costs about as little as an object can. The rest is the rule's.
  constructor(
    readonly rule: Rule,
    readonly value: unknown,
  ) {}

  get member(): string {
    return this.rule.member;
  }

  get path(): string {
    return this.rule.path;
  }

  get constraint(): ConstraintKind {
    return this.rule.constraint;
  }

  /** `Value 'x'` (or `Value null` for a missing member) and the rule's sentence, precomputed after the value. */
  get message(): string {
    const { rule, value } = this;
    if (rule.wording === 'framework') return frameworkMessage(rule, value, rule.path);
    if (rule.sensitive) return 'Value' + rule.tail;
    if (typeof value === 'string') return "Value '" + shorten(value) + rule.quotedTail;
    if (value === undefined || value === null) return 'Value null' + rule.tail;
    return "Value '" + shorten(quoteValue(value)) + rule.quotedTail;
  }

  toJSON(): ConstraintViolation {
    return { member: this.member, path: this.path, constraint: this.constraint, value: this.value, message: this.message };
  }
}

/** A violation at a place only known when the value fails: a list index, a map key, a recursive shape. */
class PlacedViolation extends Violation {
  constructor(
    rule: Rule,
    value: unknown,
    readonly at: string,
  ) {
    super(rule, value);
  }

  override get path(): string {
    return this.at;
  }

  override get message(): string {
    const { rule, value, at } = this;
    if (rule.wording === 'framework') return frameworkMessage(rule, value, at);
    return (rule.sensitive ? 'Value' : quotedValue(value)) + " at '" + at + "' failed to satisfy constraint: " + rule.must;
  }
}

/** A value that failed a rule. */
export const violated = (rule: Rule, value: unknown): ConstraintViolation => new Violation(rule, value);

/** A value that failed a rule at a place only known when it fails: a list index, a map key, a recursive shape. */
export const violatedAt = (rule: Rule, value: unknown, path: string): ConstraintViolation => new PlacedViolation(rule, value, path);

/** A map key as one segment of a JSON pointer (RFC 6901: `~` as `~0`, `/` as `~1`). */
export const pointerSegment = (key: string): string => (key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key);

/**
 * The message of a ValidationException carrying these violations, as the service renders it:
 * `2 validation errors detected: <first>; <second>` in AWS's wording, and
 * `1 validation error detected. <first>` in the framework's.
 */
export function renderViolations(violations: readonly ConstraintViolation[]): string {
  const count = violations.length;
  const stop = count > 0 && (violations[0] as Partial<Violation>).rule?.wording === 'framework' ? '.' : ':';
  let text = count === 1 ? '1 validation error detected' + stop + ' ' : `${count} validation errors detected${stop} `;
  for (let i = 0; i < count; i++) text += (i === 0 ? '' : '; ') + violations[i]!.message;
  return text;
}

/** `smithy.framework#ValidationException`'s `fieldList`: one entry per violation, with its JSON pointer. */
export function validationFields(violations: readonly ConstraintViolation[]): { path: string; message: string }[] {
  return violations.map((v) => ({ path: v.path, message: v.message }));
}

/** The body of a ValidationException: `message`, and `fieldList` when the validator uses the framework's wording. */
export function validationExceptionBody(violations: readonly ConstraintViolation[]): { message: string; fieldList?: { path: string; message: string }[] } {
  const framework = violations.length > 0 && (violations[0] as Partial<Violation>).rule?.wording === 'framework';
  return framework ? { message: renderViolations(violations), fieldList: validationFields(violations) } : { message: renderViolations(violations) };
}

/** Brackets and separators queued while writing {@link canonical}, told apart from string values. */
class Punctuation {
  constructor(readonly text: string) {}
}

/** A canonical text of a value for comparing list items (`uniqueItems`): object keys sorted, timestamps and bytes by content. */
function canonical(value: unknown): string {
  let text = '';
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item instanceof Punctuation) {
      text += item.text;
    } else if (item instanceof Date) {
      text += 'D' + item.getTime();
    } else if (item instanceof Uint8Array) {
      text += 'B' + item.join(',');
    } else if (Array.isArray(item)) {
      text += '[';
      pending.push(new Punctuation(']'));
      for (let i = item.length - 1; i >= 0; i--) pending.push(item[i], new Punctuation(','));
    } else if (item !== null && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      text += '{';
      pending.push(new Punctuation('}'));
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        pending.push(record[key], new Punctuation(JSON.stringify(key) + ':'));
      }
    } else {
      text += typeof item === 'bigint' ? `${item}n` : (JSON.stringify(item) ?? 'null');
    }
  }
  return text;
}

/** Whether two items of a list are equal (`uniqueItems`): by value for text, numbers and booleans, by content otherwise. */
export function hasDuplicates(items: readonly unknown[]): boolean {
  if (items.length < 2) return false;
  const seen = new Set<unknown>();
  for (const item of items) {
    const key = item !== null && typeof item === 'object' ? canonical(item) : typeof item === 'string' ? 's' + item : item;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
