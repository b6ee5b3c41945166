import { describe, expect, it } from 'vitest';
import { evaluate, type AccessRequest, type EvaluatedPolicy } from '../../runtime/evaluate.js';
import { ctx, exampleRuntime } from './helpers.js';

const S3_POLICY =
  '{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket"}}}]}';

const s3Request = (over: Partial<AccessRequest> = {}): AccessRequest => ({
  principal: { service: 's3.amazonaws.com' },
  action: 'lambda:InvokeFunction',
  sourceArn: 'arn:aws:s3:::my-bucket',
  sourceAccount: '123456789012',
  ...over,
});

describe('evaluate', () => {
  it("allows the spec's S3 grant for the right bucket and account, naming the statement", () => {
    expect(evaluate(S3_POLICY, s3Request())).toEqual({ allowed: true, statementId: 's3' });
  });

  it.each<[string, Partial<AccessRequest>]>([
    ['another bucket', { sourceArn: 'arn:aws:s3:::other-bucket' }],
    ['another account', { sourceAccount: '999999999999' }],
    ['no SourceArn', { sourceArn: undefined }],
    ['no SourceAccount', { sourceAccount: undefined }],
    ['another service', { principal: { service: 'sns.amazonaws.com' } }],
    ['an account principal', { principal: { account: '123456789012' } }],
    ['another action', { action: 'lambda:GetFunction' }],
  ])('denies %s', (_, over) => {
    expect(evaluate(S3_POLICY, s3Request(over))).toEqual({ allowed: false });
  });

  it('evaluates what the runtime itself wrote', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission({ FunctionName: 'my-function', StatementId: 'xaccount', Action: 'lambda:InvokeFunction', Principal: '223456789012' }, ctx);
    await runtime.AddPermission({ FunctionName: 'my-function', StatementId: 'events', Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', SourceArn: 'arn:aws:events:us-east-2:123456789012:rule/*' }, ctx);
    const { Policy } = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx);
    expect(evaluate(Policy, { principal: { account: '223456789012', arn: 'arn:aws:iam::223456789012:role/r' }, action: 'lambda:InvokeFunction' })).toEqual({ allowed: true, statementId: 'xaccount' });
    expect(evaluate(Policy, { principal: { service: 'events.amazonaws.com' }, action: 'lambda:InvokeFunction', sourceArn: 'arn:aws:events:us-east-2:123456789012:rule/nightly' })).toEqual({ allowed: true, statementId: 'events' });
    expect(evaluate(Policy, { principal: { service: 'events.amazonaws.com' }, action: 'lambda:InvokeFunction', sourceArn: 'arn:aws:events:us-east-2:999999999999:rule/nightly' })).toEqual({ allowed: false });
  });

  describe('principals', () => {
    const policy = (principal: unknown) => ({ Statement: [{ Sid: 'p', Effect: 'Allow' as const, Principal: principal as '*', Action: 'lambda:InvokeFunction' }] });
    const ask = (principal: AccessRequest['principal']) => ({ principal, action: 'lambda:InvokeFunction' });

    it('lets an account root grant cover every identity of that account', () => {
      const p = policy({ AWS: 'arn:aws:iam::223456789012:root' });
      expect(evaluate(p, ask({ account: '223456789012' })).allowed).toBe(true);
      expect(evaluate(p, ask({ account: '223456789012', arn: 'arn:aws:iam::223456789012:user/alice' })).allowed).toBe(true);
      expect(evaluate(p, ask({ account: '323456789012' })).allowed).toBe(false);
      expect(evaluate(p, ask({ service: 's3.amazonaws.com' })).allowed).toBe(false);
    });

    it('lets an IAM ARN grant cover that identity only', () => {
      const p = policy({ AWS: 'arn:aws:iam::223456789012:role/invoker' });
      expect(evaluate(p, ask({ account: '223456789012', arn: 'arn:aws:iam::223456789012:role/invoker' })).allowed).toBe(true);
      expect(evaluate(p, ask({ account: '223456789012', arn: 'arn:aws:iam::223456789012:role/other' })).allowed).toBe(false);
      expect(evaluate(p, ask({ account: '223456789012' })).allowed).toBe(false);
    });

    it('lets "*" cover services and accounts alike', () => {
      const p = policy('*');
      expect(evaluate(p, ask({ service: 's3.amazonaws.com' })).allowed).toBe(true);
      expect(evaluate(p, ask({ account: '223456789012' })).allowed).toBe(true);
    });

    it('grants an organization through aws:PrincipalOrgID', () => {
      const p = { Statement: [{ Sid: 'org', Effect: 'Allow' as const, Principal: '*' as const, Action: 'lambda:InvokeFunction', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } }] };
      expect(evaluate(p, ask({ account: '223456789012', organizationId: 'o-abcdefghij' }))).toEqual({ allowed: true, statementId: 'org' });
      expect(evaluate(p, ask({ account: '223456789012', organizationId: 'o-zzzzzzzzzz' }))).toEqual({ allowed: false });
      expect(evaluate(p, ask({ account: '223456789012' }))).toEqual({ allowed: false });
      expect(evaluate(p, ask({ service: 's3.amazonaws.com' }))).toEqual({ allowed: false });
    });
  });

  describe('actions', () => {
    const policy = (action: string) => ({ Statement: [{ Sid: 'a', Effect: 'Allow' as const, Principal: '*' as const, Action: action }] });
    const ask = (action: string) => evaluate(policy(action), { principal: { account: '223456789012' }, action: 'lambda:GetFunction' }).allowed;

    it('matches lambda:* and * against any Lambda action, exact names only themselves', () => {
      expect(ask('lambda:*')).toBe(true);
      expect(ask('*')).toBe(true);
      expect(ask('lambda:GetFunction')).toBe(true);
      expect(ask('lambda:InvokeFunction')).toBe(false);
      expect(evaluate(policy('lambda:*'), { principal: { account: '223456789012' }, action: 's3:GetObject' }).allowed).toBe(false);
    });

    it('compares action names without regard to case, as IAM does', () => {
      expect(ask('Lambda:getfunction')).toBe(true);
    });
  });

  describe('function URLs and event source tokens', () => {
    const policy: EvaluatedPolicy = {
      Statement: [
        { Sid: 'url', Effect: 'Allow' as const, Principal: '*' as const, Action: 'lambda:InvokeFunctionUrl', Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } },
        { Sid: 'via-url', Effect: 'Allow' as const, Principal: '*' as const, Action: 'lambda:InvokeFunction', Condition: { Bool: { 'lambda:InvokedViaFunctionUrl': 'true' } } },
        { Sid: 'alexa', Effect: 'Allow' as const, Principal: { Service: 'alexa-appkit.amazon.com' }, Action: 'lambda:InvokeFunction', Condition: { StringEquals: { 'lambda:EventSourceToken': 'amzn1.ask.skill.1' } } },
      ],
    };
    const anyone = { account: '223456789012' };

    it('matches the function-URL auth type with StringEquals', () => {
      expect(evaluate(policy, { principal: anyone, action: 'lambda:InvokeFunctionUrl', functionUrlAuthType: 'NONE' })).toEqual({ allowed: true, statementId: 'url' });
      expect(evaluate(policy, { principal: anyone, action: 'lambda:InvokeFunctionUrl', functionUrlAuthType: 'AWS_IAM' })).toEqual({ allowed: false });
      expect(evaluate(policy, { principal: anyone, action: 'lambda:InvokeFunctionUrl' })).toEqual({ allowed: false });
    });

    it('matches InvokedViaFunctionUrl with Bool', () => {
      expect(evaluate(policy, { principal: anyone, action: 'lambda:InvokeFunction', invokedViaFunctionUrl: true })).toEqual({ allowed: true, statementId: 'via-url' });
      expect(evaluate(policy, { principal: anyone, action: 'lambda:InvokeFunction', invokedViaFunctionUrl: false })).toEqual({ allowed: false });
      expect(evaluate(policy, { principal: anyone, action: 'lambda:InvokeFunction' })).toEqual({ allowed: false });
    });

    it('matches the event source token', () => {
      const alexa = { service: 'alexa-appkit.amazon.com' };
      expect(evaluate(policy, { principal: alexa, action: 'lambda:InvokeFunction', eventSourceToken: 'amzn1.ask.skill.1' })).toEqual({ allowed: true, statementId: 'alexa' });
      expect(evaluate(policy, { principal: alexa, action: 'lambda:InvokeFunction', eventSourceToken: 'amzn1.ask.skill.2' })).toEqual({ allowed: false });
    });
  });

  describe('conditions', () => {
    const withCondition = (condition: unknown) => ({ Statement: [{ Sid: 'c', Effect: 'Allow' as const, Principal: '*' as const, Action: '*', Condition: condition as Record<string, Record<string, string>> }] });
    const base: AccessRequest = { principal: { service: 'sns.amazonaws.com' }, action: 'lambda:InvokeFunction', sourceArn: 'arn:aws:sns:us-east-2:123456789012:topic', sourceAccount: '123456789012' };

    it('compares StringEquals exactly, case included', () => {
      expect(evaluate(withCondition({ StringEquals: { 'AWS:SourceAccount': '123456789012' } }), base).allowed).toBe(true);
      expect(evaluate(withCondition({ StringEquals: { 'lambda:FunctionUrlAuthType': 'none' } }), { ...base, functionUrlAuthType: 'NONE' }).allowed).toBe(false);
    });

    it('reads condition keys without regard to case', () => {
      expect(evaluate(withCondition({ StringEquals: { 'aws:sourceaccount': '123456789012' } }), base).allowed).toBe(true);
    });

    it('needs every operator and every key, and any one value of a key', () => {
      expect(evaluate(withCondition({ StringEquals: { 'AWS:SourceAccount': '123456789012' }, ArnLike: { 'AWS:SourceArn': 'arn:aws:sns:*:123456789012:*' } }), base).allowed).toBe(true);
      expect(evaluate(withCondition({ StringEquals: { 'AWS:SourceAccount': '123456789012' }, ArnLike: { 'AWS:SourceArn': 'arn:aws:sns:*:999999999999:*' } }), base).allowed).toBe(false);
      expect(evaluate(withCondition({ StringEquals: { 'AWS:SourceAccount': ['999999999999', '123456789012'] } }), base).allowed).toBe(true);
    });

    it('does not trust an Allow it cannot read', () => {
      expect(evaluate(withCondition({ DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }), base)).toEqual({ allowed: false });
      expect(evaluate(withCondition({ StringEquals: { 'aws:SourceVpc': 'vpc-1' } }), base)).toEqual({ allowed: false });
      expect(evaluate({ Statement: [{ Sid: 'n', Effect: 'Allow', Principal: '*', NotAction: 'lambda:GetFunction' }] }, base)).toEqual({ allowed: false });
    });
  });

  describe('several statements', () => {
    it('names the first statement that allows', () => {
      const policy = { Statement: [
        { Sid: 'first', Effect: 'Allow' as const, Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction' },
        { Sid: 'second', Effect: 'Allow' as const, Principal: '*' as const, Action: '*' },
      ] };
      expect(evaluate(policy, s3Request())).toEqual({ allowed: true, statementId: 'first' });
      expect(evaluate(policy, s3Request({ principal: { service: 'sns.amazonaws.com' } }))).toEqual({ allowed: true, statementId: 'second' });
    });

    it('lets an explicit Deny win over any Allow', () => {
      const policy = { Statement: [
        { Sid: 'allow', Effect: 'Allow' as const, Principal: '*' as const, Action: '*' },
        { Sid: 'deny', Effect: 'Deny' as const, Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:*' },
      ] };
      expect(evaluate(policy, s3Request())).toEqual({ allowed: false, deniedBy: 'deny' });
      expect(evaluate(policy, s3Request({ principal: { service: 'sns.amazonaws.com' } }))).toEqual({ allowed: true, statementId: 'allow' });
    });

    it('accepts a single statement object and unnamed statements', () => {
      expect(evaluate({ Statement: { Effect: 'Allow', Principal: '*', Action: '*' } }, s3Request())).toEqual({ allowed: true, statementId: '#0' });
    });
  });
});
