import { describe, expect, it } from 'vitest';
import { checkNameAndQualifier, locate, parseFunctionName, PolicyTargets } from '../../runtime/resolve.js';
import { exampleRegistry, expectThrowsServiceError } from './helpers.js';

const registry = exampleRegistry('us-east-1');

describe('parseFunctionName', () => {
  it.each([
    ['my-function', { name: 'my-function' }],
    ['my-function:PROD', { name: 'my-function', qualifier: 'PROD' }],
    ['my-function:1', { name: 'my-function', qualifier: '1' }],
    ['my-function:$LATEST', { name: 'my-function', qualifier: '$LATEST' }],
    ['function:my-function', { name: 'my-function' }],
    ['123456789012:function:my-function', { account: '123456789012', name: 'my-function' }],
    ['123456789012:function:my-function:2', { account: '123456789012', name: 'my-function', qualifier: '2' }],
    ['arn:aws:lambda:us-west-2:123456789012:function:my-function', { region: 'us-west-2', account: '123456789012', name: 'my-function' }],
    ['arn:aws:lambda:us-east-1:123456789012:function:my-function:PROD', { region: 'us-east-1', account: '123456789012', name: 'my-function', qualifier: 'PROD' }],
    ['arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f', { region: 'us-gov-west-1', account: '123456789012', name: 'f' }],
  ])('reads %s', (raw, expected) => {
    expect(parseFunctionName(raw)).toEqual({ region: undefined, account: undefined, qualifier: undefined, ...expected });
  });

  it('refuses what no name form allows', () => {
    expect(parseFunctionName('my function')).toBeUndefined();
    expect(parseFunctionName('a:b:c')).toBeUndefined();
  });
});

describe('checkNameAndQualifier', () => {
  it('refuses an ARN of another region with the service message', () => {
    expectThrowsServiceError(
      () => checkNameAndQualifier(registry, 'arn:aws:lambda:us-west-1:123456789012:function:my-function', undefined),
      'ResourceNotFoundException',
      "Functions from 'us-west-1' are not reachable in this region ('us-east-1')",
    );
  });

  it('refuses a Qualifier that contradicts the name', () => {
    expectThrowsServiceError(
      () => checkNameAndQualifier(registry, 'my-function:PROD', '1'),
      'InvalidParameterValueException',
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  });

  it('checks the region before the qualifiers', () => {
    expectThrowsServiceError(
      () => checkNameAndQualifier(registry, 'arn:aws:lambda:eu-west-1:123456789012:function:my-function:PROD', '1'),
      'ResourceNotFoundException',
      "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')",
    );
  });

  it('agrees when the name and the Qualifier say the same, or only one says anything', () => {
    expect(checkNameAndQualifier(registry, 'my-function:PROD', 'PROD').qualifier).toBe('PROD');
    expect(checkNameAndQualifier(registry, 'my-function', 'PROD').qualifier).toBe('PROD');
    expect(checkNameAndQualifier(registry, 'my-function:1', undefined).qualifier).toBe('1');
  });

  it('refuses a name no name form can hold, should one ever get past validation', () => {
    expectThrowsServiceError(
      () => checkNameAndQualifier(registry, 'no spaces', undefined),
      'InvalidParameterValueException',
      "The function name 'no spaces' is not a function name, partial ARN or function ARN.",
    );
  });
});

describe('locate', () => {
  const targets = new PolicyTargets(registry);
  const at = (name: string, qualifier?: string, within = targets) => locate(within, checkNameAndQualifier(registry, name, qualifier));
  const targetAt = (name: string, qualifier?: string, within = targets) => {
    const location = at(name, qualifier, within);
    if (!location.found) throw new Error(`${name} not found`);
    return location.target;
  };

  it('gives one target, with one queue of changes, per function, version and alias however it is named; another runtime has its own', () => {
    const fn = targetAt('my-function');
    expect(targetAt('arn:aws:lambda:us-east-1:123456789012:function:my-function')).toBe(fn);
    expect(targetAt('my-function', '$LATEST')).toBe(fn);
    expect(targetAt('my-function:1')).toBe(targetAt('my-function', '1'));
    expect(targetAt('function:my-function', 'PROD')).toBe(targetAt('my-function:PROD'));
    expect(new Set([fn, targetAt('my-function:1'), targetAt('my-function:PROD')]).size).toBe(3);
    const elsewhere = targetAt('my-function', undefined, new PolicyTargets(registry));
    expect(elsewhere).not.toBe(fn);
    expect(elsewhere.changes).not.toBe(fn.changes);
    expect(elsewhere.resourceArn).toBe(fn.resourceArn);
  });

  it('finds the function, a version and an alias with their canonical ARNs', () => {
    const fn = at('arn:aws:lambda:us-east-1:123456789012:function:my-function');
    expect(fn).toMatchObject({ found: true, target: { kind: 'function', resourceArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function' } });
    expect(at('my-function:1')).toMatchObject({ found: true, target: { kind: 'version', qualifier: '1', resourceArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function:1' } });
    expect(at('function:my-function', 'PROD')).toMatchObject({ found: true, target: { kind: 'alias', qualifier: 'PROD', resourceArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function:PROD' } });
  });

  it('takes $LATEST as the unqualified function', () => {
    const latest = at('my-function', '$LATEST');
    expect(latest).toMatchObject({ found: true, target: { kind: 'function', resourceArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function' } });
    expect(latest.found && latest.target.qualifier).toBeUndefined();
  });

  it('reports what is missing, with the ARN the service names', () => {
    expect(at('doesnotexist')).toEqual({ found: false, missing: 'function', arn: 'arn:aws:lambda:us-east-1:123456789012:function:doesnotexist' });
    expect(at('doesnotexist:PROD')).toEqual({ found: false, missing: 'function', arn: 'arn:aws:lambda:us-east-1:123456789012:function:doesnotexist' });
    expect(at('my-function', '42')).toEqual({ found: false, missing: 'version', arn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function:42' });
    expect(at('my-function:nope')).toEqual({ found: false, missing: 'alias', arn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function:nope' });
    expect(at('my-function', '$FOO')).toEqual({ found: false, missing: 'version', arn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function:$FOO' });
  });

  it('finds nothing in another account', () => {
    expect(at('210987654321:function:my-function')).toEqual({ found: false, missing: 'function', arn: 'arn:aws:lambda:us-east-1:210987654321:function:my-function' });
  });
});
