/**
 * What a waiter's compiled path expressions call where JMESPath's meaning is not a TypeScript
 * operator: its truthiness, its equality of lists and objects, its ordering (numbers only), and
 * the `length` and `contains` functions. Shipped only with clients whose model has waiters.
 */

/** JMESPath's truth: false, null, and empty strings, lists and objects are false. */
export function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** JMESPath's `==`: deep equality of JSON values (an absent member is null). */
export function equal(left: unknown, right: unknown): boolean {
  if (left === undefined) left = null;
  if (right === undefined) right = null;
  if (left === right) return true;
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, i) => equal(item, right[i]));
  }
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') return false;
  const keys = Object.keys(left).filter((k) => (left as Record<string, unknown>)[k] !== undefined);
  const otherKeys = Object.keys(right).filter((k) => (right as Record<string, unknown>)[k] !== undefined);
  return keys.length === otherKeys.length && keys.every((k) => equal((left as Record<string, unknown>)[k], (right as Record<string, unknown>)[k]));
}

/** JMESPath's `<`, `<=`, `>`, `>=`: numbers only; anything else compares as null. */
export function order(operator: '<' | '<=' | '>' | '>=', left: unknown, right: unknown): boolean | null {
  if (typeof left !== 'number' || typeof right !== 'number') return null;
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}

/** JMESPath's `length()`: code points of a string, entries of a list or object; null otherwise. */
export function lengthOf(value: unknown): number | null {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return null;
}

/** JMESPath's `contains()`: a list holding an equal value, or a string holding a substring. */
export function contains(subject: unknown, search: unknown): boolean | null {
  if (Array.isArray(subject)) return subject.some((item) => equal(item, search));
  if (typeof subject === 'string') return typeof search === 'string' && subject.includes(search);
  return null;
}

/** A projection's results: JMESPath leaves out what evaluates to null. */
export function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
