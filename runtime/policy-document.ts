/**
 * The policy document GetPolicy returns, and its size in bytes. The size is kept as a running
 * total so that checking the limit costs the size of one statement, not of the whole policy.
 */

const PREFIX = '{"Version":"2012-10-17","Id":"default","Statement":[';
const SUFFIX = ']}';
const SEPARATOR = ',';

export const EMPTY_POLICY_BYTES = Buffer.byteLength(PREFIX + SUFFIX, 'utf8');

export const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Statements in insertion order, each exactly as AddPermission returned it. */
export function renderPolicy(statements: Iterable<string>): string {
  return PREFIX + [...statements].join(SEPARATOR) + SUFFIX;
}

/** Size after appending a statement to a policy of `count` statements and `bytes` bytes. */
export function sizeAfterAppend(bytes: number, count: number, statementBytes: number): number {
  return (count === 0 ? EMPTY_POLICY_BYTES : bytes + SEPARATOR.length) + statementBytes;
}

/** Size after removing one statement from a policy of `count` statements and `bytes` bytes. */
export function sizeAfterRemove(bytes: number, count: number, statementBytes: number): number {
  return count <= 1 ? EMPTY_POLICY_BYTES : bytes - statementBytes - SEPARATOR.length;
}
