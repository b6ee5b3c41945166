/**
 * Constraint violations and their wording, as the service words them in a ValidationException:
 * `Value 'x' at 'member' failed to satisfy constraint: Member must …`.
 * Helpers allocate only when a value fails, so a valid input costs no garbage.
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

/** Length in characters (code points), as the service counts it. */
export function codePointLength(value: string): number {
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

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  return `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
}

function violation(member: string, path: string, constraint: ConstraintKind, value: unknown, rule: string): ConstraintViolation {
  return { member, path, constraint, value, message: `Value ${describe(value)} at '${path}' failed to satisfy constraint: Member must ${rule}` };
}

export const missing = (member: string, path: string): ConstraintViolation =>
  violation(member, path, 'required', undefined, 'not be null');

export const wrongType = (member: string, path: string, value: unknown, type: string): ConstraintViolation =>
  violation(member, path, 'type', value, `be of type ${type}`);

export const patternMismatch = (member: string, path: string, value: string, documented: string): ConstraintViolation =>
  violation(member, path, 'pattern', value, `satisfy regular expression pattern: ${documented}`);

export const tooLong = (member: string, path: string, value: string, max: number): ConstraintViolation =>
  violation(member, path, 'maxLength', value, `have length less than or equal to ${max}`);

export const tooShort = (member: string, path: string, value: string, min: number): ConstraintViolation =>
  violation(member, path, 'minLength', value, `have length greater than or equal to ${min}`);

export const notInEnum = (member: string, path: string, value: string, allowed: string): ConstraintViolation =>
  violation(member, path, 'enum', value, `satisfy enum value set: ${allowed}`);

/** The message of a ValidationException carrying these violations, as the service renders it. */
export function renderViolations(violations: readonly ConstraintViolation[]): string {
  const count = violations.length;
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.map((v) => v.message).join('; ')}`;
}
