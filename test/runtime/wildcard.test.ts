import { describe, expect, it } from 'vitest';
import { arnLike, wildcardMatch } from '../../runtime/wildcard.js';

describe('wildcardMatch', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['a*', 'a', true],
    ['a*', 'abcdef', true],
    ['*c', 'abc', true],
    ['a*c', 'abbbc', true],
    ['a*c', 'abbbd', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a?c', 'abbc', false],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['*a*b*', 'xxaxxbxx', true],
    ['*a*b*', 'xxbxxaxx', false],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  it('is case-sensitive unless asked otherwise', () => {
    expect(wildcardMatch('lambda:invoke*', 'lambda:InvokeFunction')).toBe(false);
    expect(wildcardMatch('lambda:invoke*', 'lambda:InvokeFunction', true)).toBe(true);
  });

  it('stays fast on patterns that make backtracking matchers explode', () => {
    const started = performance.now();
    expect(wildcardMatch('*a'.repeat(30) + 'b', 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('arnLike', () => {
  it.each([
    ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket', true],
    ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket-2', false],
    ['arn:aws:s3:::my-bucket/*', 'arn:aws:s3:::my-bucket/key/with:colons', true],
    ['arn:aws:s3:::my-*', 'arn:aws:s3:::my-bucket', true],
    ['arn:aws:sns:us-east-?:123456789012:topic', 'arn:aws:sns:us-east-2:123456789012:topic', true],
    ['arn:aws:sns:*:123456789012:topic', 'arn:aws:sns:eu-west-1:123456789012:topic', true],
    // A wildcard in one segment cannot reach into the next: the region `*` does not eat the account.
    ['arn:aws:sns:*:topic', 'arn:aws:sns:us-east-1:123456789012:topic', false],
    ['arn:aws:sns:us-east-1*:topic', 'arn:aws:sns:us-east-1:123456789012:topic', false],
    ['arn:aws:execute-api:us-east-2:123456789012:api/*/GET/*', 'arn:aws:execute-api:us-east-2:123456789012:api/prod/GET/items', true],
    ['arn:aws:execute-api:us-east-2:123456789012:api/*/GET/*', 'arn:aws:execute-api:us-east-2:123456789012:api/prod/POST/items', false],
    ['arn:aws:s3:::*', 'not-an-arn', false],
    ['*', 'arn:aws:s3:::b', false],
    ['ARN:AWS:S3:::b', 'arn:aws:s3:::b', false],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(arnLike(pattern, value)).toBe(expected);
  });
});
