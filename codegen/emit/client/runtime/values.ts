/**
 * Reading JSON members into their modeled types, as the AWS SDK does: absent stays absent, a
 * value of another type is an error rather than silently wrong.
 */

export function expectString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new TypeError(`Expected string, got ${typeof value}: ${String(value)}`);
}

export function expectBoolean(value: unknown): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string' && (value.toLowerCase() === 'true' || value.toLowerCase() === 'false')) return value.toLowerCase() === 'true';
  throw new TypeError(`Expected boolean, got ${typeof value}: ${String(value)}`);
}

export function expectNumber(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && !Number.isNaN(parseFloat(value))) return parseFloat(value);
  throw new TypeError(`Expected number, got ${typeof value}: ${String(value)}`);
}

export function expectInt32(value: unknown): number | undefined {
  const number = expectNumber(value);
  if (number !== undefined && (number | 0) !== number) throw new TypeError(`Expected 32-bit integer, got ${String(value)}`);
  return number;
}
