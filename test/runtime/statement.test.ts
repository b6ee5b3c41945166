import { describe, expect, it } from 'vitest';
import { normalisePrincipal } from '../../runtime/principal.js';
import { jsonString, writeStatement, type StatementRequest } from '../../runtime/statement.js';
import { expectThrowsServiceError } from './helpers.js';

const RESOURCE = 'arn:aws:lambda:us-east-2:123456789012:function:my-function';
const build = (request: Omit<StatementRequest, 'Action'> & { Action?: string }, region = 'us-east-2') =>
  writeStatement({ Action: 'lambda:InvokeFunction', ...request }, RESOURCE, region);

describe('the statement AddPermission returns', () => {
  it("is byte-identical to the spec's example", () => {
    expect(
      build({ StatementId: 's3', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::my-bucket', SourceAccount: '123456789012' }),
    ).toBe(
      '{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket"}}}',
    );
  });

  it("is byte-identical to boto3's first example (its SourceArn as the output prints it)", () => {
    expect(
      build({ StatementId: 's3', Principal: 's3.amazonaws.com', SourceAccount: '123456789012', SourceArn: 'arn:aws:s3:::my-bucket-1xpuxmplzrlbh' }),
    ).toBe(
      '{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket-1xpuxmplzrlbh"}}}',
    );
  });

  it("is byte-identical to boto3's cross-account example, without Condition", () => {
    expect(build({ StatementId: 'xaccount', Principal: '223456789012' })).toBe(
      '{"Sid":"xaccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::223456789012:root"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function"}',
    );
  });

  it('keeps a SourceArn verbatim, wildcards included', () => {
    expect(JSON.parse(build({ StatementId: 's', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::my-bucket-1xpuxmplzrlbh/*' })).Condition).toEqual({
      ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::my-bucket-1xpuxmplzrlbh/*' },
    });
  });

  it('writes every condition in the service order and casing', () => {
    expect(
      build({
        StatementId: 'all',
        Action: 'lambda:InvokeFunctionUrl',
        Principal: '*',
        InvokedViaFunctionUrl: true,
        FunctionUrlAuthType: 'AWS_IAM',
        PrincipalOrgID: 'o-abcdefghij',
        EventSourceToken: 'token-1',
        SourceAccount: '123456789012',
        SourceArn: 'arn:aws:execute-api:us-east-2:123456789012:api/*',
      }),
    ).toBe(
      '{"Sid":"all","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012","lambda:EventSourceToken":"token-1","lambda:FunctionUrlAuthType":"AWS_IAM","aws:PrincipalOrgID":"o-abcdefghij"},"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-2:123456789012:api/*"},"Bool":{"lambda:InvokedViaFunctionUrl":"true"}}}',
    );
  });

  it('writes each condition alone under its own operator', () => {
    const condition = (request: Partial<StatementRequest>) =>
      JSON.stringify(JSON.parse(build({ StatementId: 's', Principal: '*', ...request })).Condition);
    expect(condition({ EventSourceToken: 'amzn1.ask.skill.1' })).toBe('{"StringEquals":{"lambda:EventSourceToken":"amzn1.ask.skill.1"}}');
    expect(condition({ PrincipalOrgID: 'o-a1b2c3d4e5' })).toBe('{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}');
    expect(condition({ Action: 'lambda:InvokeFunctionUrl', FunctionUrlAuthType: 'NONE' })).toBe('{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}');
    expect(condition({ InvokedViaFunctionUrl: true })).toBe('{"Bool":{"lambda:InvokedViaFunctionUrl":"true"}}');
  });

  it('leaves Condition out when no condition member was given, and for InvokedViaFunctionUrl false', () => {
    expect(Object.keys(JSON.parse(build({ StatementId: 's', Principal: '*' })))).toEqual(['Sid', 'Effect', 'Principal', 'Action', 'Resource']);
    expect(build({ StatementId: 's', Principal: '*', InvokedViaFunctionUrl: false })).toBe(
      '{"Sid":"s","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function"}',
    );
  });

  it('keeps the Action as given, wildcards included', () => {
    expect(JSON.parse(build({ StatementId: 's', Principal: '*', Action: 'lambda:*' })).Action).toBe('lambda:*');
    expect(JSON.parse(build({ StatementId: 's', Principal: '*', Action: '*' })).Action).toBe('*');
  });
});

describe('jsonString, the literal of each value in the statement', () => {
  it.each([
    ['plain ASCII', 'arn:aws:s3:::my-bucket', '"arn:aws:s3:::my-bucket"'],
    ['a quote', 'a"b', '"a\\"b"'],
    ['a backslash', 'a\\b', '"a\\\\b"'],
    ['control characters', 'a\nb\tc\u0001', '"a\\nb\\tc\\u0001"'],
    ['DEL and non-ASCII, which JSON leaves as they are', 'caf\u00e9\u007f\u20ac', '"caf\u00e9\u007f\u20ac"'],
    ['a surrogate pair, left as it is', 'x\u{1F600}y', '"x\u{1F600}y"'],
    ['a lone surrogate, escaped', 'x\ud800y', '"x\\ud800y"'],
    ['the empty string', '', '""'],
  ])('writes %s exactly as JSON.stringify does', (_, value, want) => {
    expect(jsonString(value)).toBe(want);
    expect(jsonString(value)).toBe(JSON.stringify(value));
  });

  it('escapes a SourceArn with quotes and backslashes inside the statement, which stays valid JSON', () => {
    const sourceArn = 'arn:aws:s3:::b/"quoted"\\path\n';
    const statement = build({ StatementId: 's', Principal: 's3.amazonaws.com', SourceArn: sourceArn });
    expect(statement).toContain('"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::b/\\"quoted\\"\\\\path\\n"}');
    expect(JSON.parse(statement).Condition.ArnLike['AWS:SourceArn']).toBe(sourceArn);
  });
});

describe('principal normalisation', () => {
  it.each([
    ['223456789012', { AWS: 'arn:aws:iam::223456789012:root' }],
    ['arn:aws:iam::223456789012:role/invoker', { AWS: 'arn:aws:iam::223456789012:role/invoker' }],
    ['arn:aws:iam::223456789012:user/alice', { AWS: 'arn:aws:iam::223456789012:user/alice' }],
    ['arn:aws:iam::223456789012:root', { AWS: 'arn:aws:iam::223456789012:root' }],
    ['arn:aws:sts::223456789012:assumed-role/r/session', { AWS: 'arn:aws:sts::223456789012:assumed-role/r/session' }],
    ['s3.amazonaws.com', { Service: 's3.amazonaws.com' }],
    ['logs.us-east-2.amazonaws.com', { Service: 'logs.us-east-2.amazonaws.com' }],
    ['alexa-appkit.amazon.com', { Service: 'alexa-appkit.amazon.com' }],
    ['alexa-connectedhome.amazon.com', { Service: 'alexa-connectedhome.amazon.com' }],
    ['*', '*'],
  ])('writes %s as %j', (principal, expected) => {
    expect(normalisePrincipal(principal, 'us-east-2')).toEqual(expected);
  });

  it('writes an account principal in the partition of the region', () => {
    expect(normalisePrincipal('223456789012', 'cn-north-1')).toEqual({ AWS: 'arn:aws-cn:iam::223456789012:root' });
  });

  it.each(['example.com', '12345678901', '1234567890123', 'arn:aws:s3:::my-bucket', 'amazonaws.com', 'evil.amazon.com', 'root', '**'])(
    'refuses %s with the service message',
    (principal) => {
      expectThrowsServiceError(
        () => build({ StatementId: 's', Principal: principal }),
        'InvalidParameterValueException',
        'The provided principal was invalid. Please check the principal and try again.',
      );
    },
  );
});

describe('FunctionUrlAuthType', () => {
  it.each(['lambda:InvokeFunction', 'lambda:*', '*'])('is refused with the action %s', (action) => {
    expectThrowsServiceError(
      () => build({ StatementId: 's', Principal: '*', Action: action, FunctionUrlAuthType: 'NONE' }),
      'InvalidParameterValueException',
      'FunctionUrlAuthType is only supported for lambda:InvokeFunctionUrl action',
    );
  });

  it('is checked after the principal', () => {
    expectThrowsServiceError(
      () => build({ StatementId: 's', Principal: 'nobody', FunctionUrlAuthType: 'NONE' }),
      'InvalidParameterValueException',
      'The provided principal was invalid. Please check the principal and try again.',
    );
  });
});
