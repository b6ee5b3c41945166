/**
 * Constraint violations and their wording, as the service words them in a ValidationException:
 * `Value 'x' at 'member' failed to satisfy constraint: Member must …`.
 *
 * Each check's wording is worked out once, when a validator module loads (`missing`,
 * `patternMismatch`, … return a `Rule`); a failing value costs one small object (`violated`),
 * and its sentence is put together only when someone reads `message`. A valid input costs no
 * garbage at all.
 */

export type ConstraintKind = 'required' | 'type' | 'pattern' | 'maxLength' | 'minLength' | 'enum';

export interface ConstraintViolation {
  /** The member as the model names it, e.g. `ItemName`. */
  readonly member: string;
  /** The member as the service names it in messages: first letter lower-cased. */
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

/** One check of one member, with everything of its sentence that does not depend on the value. */
export interface Rule {
  readonly member: string;
  readonly path: string;
  readonly constraint: ConstraintKind;
  /** The sentence after the value: ` at 'member' failed to satisfy constraint: Member must …`. */
  readonly tail: string;
  /** The same after a quoted value: the closing quote, then the tail. */
  readonly quotedTail: string;
}

function rule(member: string, path: string, constraint: ConstraintKind, must: string): Rule {
  const tail = ` at '${path}' failed to satisfy constraint: Member must ${must}`;
  return { member, path, constraint, tail, quotedTail: `'${tail}` };
}

export const missing = (member: string, path: string): Rule => rule(member, path, 'required', 'not be null');

export const wrongType = (member: string, path: string, type: string): Rule => rule(member, path, 'type', `be of type ${type}`);

export const patternMismatch = (member: string, path: string, documented: string): Rule =>
  rule(member, path, 'pattern', `satisfy regular expression pattern: ${documented}`);

export const tooLong = (member: string, path: string, max: number): Rule =>
  rule(member, path, 'maxLength', `have length less than or equal to ${max}`);

export const tooShort = (member: string, path: string, min: number): Rule =>
  rule(member, path, 'minLength', `have length greater than or equal to ${min}`);

export const notInEnum = (member: string, path: string, allowed: string): Rule =>
  rule(member, path, 'enum', `satisfy enum value set: ${allowed}`);

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
 * A non-text value as compact JSON, written without recursion and stopping soon after
 * {@link QUOTE_LIMIT} characters: a value nested thousands of levels deep (a few kilobytes of
 * brackets) must cost no more than a flat one, and never the stack.
 */
function quoteJson(value: unknown): string {
  let text = '';
  // What remains to write, last first: values, and the punctuation between them.
  const pending: Array<{ value: unknown } | string> = [{ value }];
  while (pending.length > 0 && text.length <= QUOTE_LIMIT) {
    const next = pending.pop()!;
    if (typeof next === 'string') {
      text += next;
      continue;
    }
    const item = next.value;
    if (Array.isArray(item)) {
      pending.push(']');
      for (let i = item.length - 1; i >= 0; i--) {
        pending.push({ value: item[i] });
        if (i > 0) pending.push(',');
      }
      text += '[';
    } else if (item !== null && typeof item === 'object') {
      const keys = Object.keys(item);
      pending.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        pending.push({ value: (item as Record<string, unknown>)[keys[i]] });
        pending.push(JSON.stringify(keys[i]) + ':');
        if (i > 0) pending.push(',');
      }
      text += '{';
    } else {
      text += item === undefined ? 'null' : JSON.stringify(item);
    }
  }
  return text;
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

  /** `Value 'x'` (or `Value null` for a missing member) and the rule's sentence; `x` is at most {@link QUOTE_LIMIT} characters. */
  get message(): string {
    const value = this.value;
    if (typeof value === 'string') return "Value '" + shorten(value) + this.rule.quotedTail;
    if (value === undefined || value === null) return 'Value null' + this.rule.tail;
    return "Value '" + shorten(quoteJson(value)) + this.rule.quotedTail;
  }

  toJSON(): ConstraintViolation {
    return { member: this.member, path: this.path, constraint: this.constraint, value: this.value, message: this.message };
  }
}

/** A value that failed a rule. */
export const violated = (rule: Rule, value: unknown): ConstraintViolation => new Violation(rule, value);

/** The message of a ValidationException carrying these violations, as the service renders it. */
export function renderViolations(violations: readonly ConstraintViolation[]): string {
  const count = violations.length;
  let text = count === 1 ? '1 validation error detected: ' : `${count} validation errors detected: `;
  for (let i = 0; i < count; i++) text += (i === 0 ? '' : '; ') + violations[i].message;
  return text;
}
