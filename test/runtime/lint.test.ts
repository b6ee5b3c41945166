import { describe, expect, it } from 'vitest';
import { lintPolicy, type LintedPolicy } from '../../runtime/lint.js';
import { ctx, exampleRuntime } from './helpers.js';

describe('lintPolicy', () => {
  it('warns about a service principal without SourceArn or SourceAccount', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission({ FunctionName: 'my-function', StatementId: 'open-s3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' }, ctx);
    const { Policy } = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx);
    expect(lintPolicy(Policy)).toEqual([
      {
        statementId: 'open-s3',
        code: 'service-principal-without-source',
        message: 'Statement open-s3 grants s3.amazonaws.com without SourceArn or SourceAccount: resources of that service in any account could invoke the function.',
      },
    ]);
  });

  it('is quiet when SourceArn or SourceAccount restricts the service, and for non-service principals', async () => {
    const { runtime } = exampleRuntime();
    const add = (StatementId: string, Principal: string, extra: object = {}) =>
      runtime.AddPermission({ FunctionName: 'my-function', StatementId, Action: 'lambda:InvokeFunction', Principal, ...extra }, ctx);
    await add('arn-only', 'sns.amazonaws.com', { SourceArn: 'arn:aws:sns:us-east-2:123456789012:topic' });
    await add('account-only', 's3.amazonaws.com', { SourceAccount: '123456789012' });
    await add('both', 's3.amazonaws.com', { SourceAccount: '123456789012', SourceArn: 'arn:aws:s3:::b' });
    await add('account', '223456789012');
    await add('role', 'arn:aws:iam::223456789012:role/r');
    await add('alexa', 'alexa-appkit.amazon.com', { EventSourceToken: 'amzn1.ask.skill.1' });
    expect(lintPolicy((await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy)).toEqual([]);
  });

  it('still warns about an unrestricted Alexa grant and about a token used with an AWS service', () => {
    const policy: LintedPolicy = { Statement: [
      { Sid: 'alexa', Effect: 'Allow', Principal: { Service: 'alexa-appkit.amazon.com' } },
      { Sid: 'token', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Condition: { StringEquals: { 'lambda:EventSourceToken': 't' } } },
    ] };
    expect(lintPolicy(policy).map((w) => w.statementId)).toEqual(['alexa', 'token']);
  });

  it('reads condition keys without regard to case and under any operator', () => {
    const policy: LintedPolicy = { Statement: [
      { Sid: 'a', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Condition: { StringLike: { 'aws:sourcearn': 'arn:aws:s3:::b*' } } },
      { Sid: 'b', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Condition: { Bool: { 'lambda:InvokedViaFunctionUrl': 'true' } } },
    ] };
    expect(lintPolicy(policy).map((w) => w.statementId)).toEqual(['b']);
  });

  it('does not warn about Deny statements', () => {
    expect(lintPolicy({ Statement: [{ Sid: 'd', Effect: 'Deny', Principal: { Service: 's3.amazonaws.com' } }] })).toEqual([]);
  });
});
