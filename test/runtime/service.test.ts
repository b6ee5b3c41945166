import { describe, expect, it } from 'vitest';
import { createLambdaRuntime } from '../../runtime/service.js';
import { InMemoryPolicyStore, type PolicyChange, type PolicyStore, type StoredPolicy } from '../../runtime/store.js';
import type { AddPermissionInput } from '../../runtime/types.js';
import { ctx, exampleRegistry, exampleRuntime, expectServiceError, grant, sidsOf } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ARN = 'arn:aws:lambda:us-east-2:123456789012:function:my-function';
const SPEC_STATEMENT =
  '{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket"}}}';
const SPEC_INPUT: AddPermissionInput = {
  FunctionName: 'my-function',
  StatementId: 's3',
  Action: 'lambda:InvokeFunction',
  Principal: 's3.amazonaws.com',
  SourceArn: 'arn:aws:s3:::my-bucket',
  SourceAccount: '123456789012',
};

describe('AddPermission', () => {
  it("returns the spec's statement, and GetPolicy returns it inside the policy document", async () => {
    const { runtime } = exampleRuntime();
    expect(await runtime.AddPermission(SPEC_INPUT, ctx)).toEqual({ Statement: SPEC_STATEMENT });
    const policy = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx);
    expect(policy.Policy).toBe(`{"Version":"2012-10-17","Id":"default","Statement":[${SPEC_STATEMENT}]}`);
    expect(policy.RevisionId).toMatch(UUID);
    expect(Object.keys(policy)).toEqual(['Policy', 'RevisionId']);
  });

  it('writes the canonical Resource ARN for every name form', async () => {
    const forms: Array<[Partial<AddPermissionInput>, string]> = [
      [{ FunctionName: 'my-function' }, ARN],
      [{ FunctionName: 'function:my-function' }, ARN],
      [{ FunctionName: '123456789012:function:my-function' }, ARN],
      [{ FunctionName: ARN }, ARN],
      [{ FunctionName: 'my-function:1' }, `${ARN}:1`],
      [{ FunctionName: 'my-function', Qualifier: '2' }, `${ARN}:2`],
      [{ FunctionName: 'my-function:PROD' }, `${ARN}:PROD`],
      [{ FunctionName: `${ARN}:BETA`, Qualifier: 'BETA' }, `${ARN}:BETA`],
      [{ FunctionName: '123456789012:function:my-function', Qualifier: 'PROD' }, `${ARN}:PROD`],
    ];
    for (const [index, [input, resource]] of forms.entries()) {
      const { runtime } = exampleRuntime();
      const { Statement } = await runtime.AddPermission(grant(`s${index}`, input), ctx);
      expect(JSON.parse(Statement).Resource, JSON.stringify(input)).toBe(resource);
    }
  });

  it('refuses $LATEST, in the Qualifier or in the name, before any look-up', async () => {
    const { runtime } = exampleRuntime();
    const message = 'We currently do not support adding policies for $LATEST.';
    await expectServiceError(runtime.AddPermission(grant('a', { Qualifier: '$LATEST' }), ctx), 'InvalidParameterValueException', message);
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionName: 'my-function:$LATEST' }), ctx), 'InvalidParameterValueException', message);
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionName: 'doesnotexist', Qualifier: '$LATEST' }), ctx), 'InvalidParameterValueException', message);
  });

  it('refuses a name/Qualifier mismatch before $LATEST and before any look-up', async () => {
    const { runtime } = exampleRuntime();
    const message = 'The derived qualifier from the function name does not match the specified qualifier.';
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionName: 'my-function:$LATEST', Qualifier: '1' }), ctx), 'InvalidParameterValueException', message);
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionName: 'doesnotexist:PROD', Qualifier: '1' }), ctx), 'InvalidParameterValueException', message);
  });

  it("refuses another region's ARN with the spec's message", async () => {
    const { runtime } = exampleRuntime('us-east-1');
    await expectServiceError(
      runtime.AddPermission(grant('a', { FunctionName: 'arn:aws:lambda:us-west-1:123456789012:function:my-function' }), ctx),
      'ResourceNotFoundException',
      "Functions from 'us-west-1' are not reachable in this region ('us-east-1')",
    );
  });

  it('names a missing function, version or alias as the service does', async () => {
    const { runtime } = exampleRuntime();
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionName: 'doesnotexist' }), ctx), 'ResourceNotFoundException', `Function not found: arn:aws:lambda:us-east-2:123456789012:function:doesnotexist`);
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionName: 'doesnotexist', Qualifier: 'PROD' }), ctx), 'ResourceNotFoundException', `Function not found: arn:aws:lambda:us-east-2:123456789012:function:doesnotexist`);
    await expectServiceError(runtime.AddPermission(grant('a', { Qualifier: '42' }), ctx), 'ResourceNotFoundException', `Function not found: ${ARN}:42`);
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionName: 'my-function:nope' }), ctx), 'ResourceNotFoundException', `Cannot find alias arn: ${ARN}:nope`);
  });

  it('looks the function up before it checks the principal', async () => {
    const { runtime } = exampleRuntime();
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionName: 'doesnotexist', Principal: 'nobody' }), ctx), 'ResourceNotFoundException', `Function not found: arn:aws:lambda:us-east-2:123456789012:function:doesnotexist`);
  });

  it('refuses an invalid principal and a FunctionUrlAuthType without lambda:InvokeFunctionUrl', async () => {
    const { runtime } = exampleRuntime();
    await expectServiceError(runtime.AddPermission(grant('a', { Principal: 'example.com' }), ctx), 'InvalidParameterValueException', 'The provided principal was invalid. Please check the principal and try again.');
    await expectServiceError(runtime.AddPermission(grant('a', { FunctionUrlAuthType: 'AWS_IAM' }), ctx), 'InvalidParameterValueException', 'FunctionUrlAuthType is only supported for lambda:InvokeFunctionUrl action');
    const { Statement } = await runtime.AddPermission(grant('url', { Action: 'lambda:InvokeFunctionUrl', FunctionUrlAuthType: 'AWS_IAM' }), ctx);
    expect(JSON.parse(Statement).Condition).toEqual({ StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } });
  });

  it('refuses a duplicate Sid within one policy with 409, and allows it across function, version and alias', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(SPEC_INPUT, ctx);
    const before = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx);
    await expectServiceError(
      runtime.AddPermission(SPEC_INPUT, ctx),
      'ResourceConflictException',
      'The statement id (s3) provided already exists. Please provide a new statement id, or remove the existing statement.',
    );
    expect(await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).toEqual(before);
    await runtime.AddPermission({ ...SPEC_INPUT, Qualifier: '1' }, ctx);
    await runtime.AddPermission({ ...SPEC_INPUT, Qualifier: 'PROD' }, ctx);
    await expectServiceError(
      runtime.AddPermission({ ...SPEC_INPUT, FunctionName: 'my-function:PROD' }, ctx),
      'ResourceConflictException',
      'The statement id (s3) provided already exists. Please provide a new statement id, or remove the existing statement.',
    );
  });

  it('keeps one policy per function, version and alias (an alias does not share its version\'s policy)', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('on-version', { Qualifier: '1' }), ctx);
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function' }, ctx), 'ResourceNotFoundException', 'The resource you requested does not exist.');
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function', Qualifier: 'PROD' }, ctx), 'ResourceNotFoundException', 'The resource you requested does not exist.');
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function', Qualifier: '2' }, ctx), 'ResourceNotFoundException', 'The resource you requested does not exist.');
    expect(sidsOf((await runtime.GetPolicy({ FunctionName: 'my-function:1' }, ctx)).Policy)).toEqual(['on-version']);
  });
});

describe('GetPolicy', () => {
  it('lists statements in insertion order, each exactly as AddPermission returned it', async () => {
    const { runtime } = exampleRuntime();
    const returned = new Map<string, string>();
    for (const sid of ['c', 'a', 'b']) returned.set(sid, (await runtime.AddPermission(grant(sid), ctx)).Statement);
    await runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a' }, ctx);
    returned.delete('a');
    returned.set('a', (await runtime.AddPermission(grant('a', { Principal: 's3.amazonaws.com' }), ctx)).Statement);
    const { Policy } = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx);
    expect(Policy).toBe(`{"Version":"2012-10-17","Id":"default","Statement":[${[...returned.values()].join(',')}]}`);
    expect(sidsOf(Policy)).toEqual(['c', 'b', 'a']);
  });

  it('answers 404 "The resource you requested does not exist." whenever there is no policy', async () => {
    const { runtime } = exampleRuntime();
    const message = 'The resource you requested does not exist.';
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function' }, ctx), 'ResourceNotFoundException', message);
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'doesnotexist' }, ctx), 'ResourceNotFoundException', message);
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function', Qualifier: '42' }, ctx), 'ResourceNotFoundException', message);
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function:nope' }, ctx), 'ResourceNotFoundException', message);
    await runtime.AddPermission(grant('only'), ctx);
    await runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'only' }, ctx);
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function' }, ctx), 'ResourceNotFoundException', message);
  });

  it("reads the function's policy for $LATEST", async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('a'), ctx);
    expect(await runtime.GetPolicy({ FunctionName: 'my-function', Qualifier: '$LATEST' }, ctx)).toEqual(await runtime.GetPolicy({ FunctionName: ARN }, ctx));
  });

  it('applies the region and qualifier checks', async () => {
    const { runtime } = exampleRuntime();
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'arn:aws:lambda:us-west-1:123456789012:function:my-function' }, ctx), 'ResourceNotFoundException', "Functions from 'us-west-1' are not reachable in this region ('us-east-2')");
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function:PROD', Qualifier: '1' }, ctx), 'InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.');
  });
});

describe('RemovePermission', () => {
  it('has three not-found messages', async () => {
    const { runtime } = exampleRuntime();
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'doesnotexist', StatementId: 's3' }, ctx), 'ResourceNotFoundException', 'No policy found for: arn:aws:lambda:us-east-2:123456789012:function:doesnotexist');
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 's3' }, ctx), 'ResourceNotFoundException', 'No policy is associated with the given resource.');
    await runtime.AddPermission(SPEC_INPUT, ctx);
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'nope' }, ctx), 'ResourceNotFoundException', 'Statement nope is not found in resource policy.');
  });

  it('names a missing version or alias as AddPermission does', async () => {
    const { runtime } = exampleRuntime();
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 's', Qualifier: '42' }, ctx), 'ResourceNotFoundException', `Function not found: ${ARN}:42`);
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'my-function:nope', StatementId: 's' }, ctx), 'ResourceNotFoundException', `Cannot find alias arn: ${ARN}:nope`);
  });

  it('removes one statement; removing the last removes the policy', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('a', { Qualifier: 'PROD' }), ctx);
    await runtime.AddPermission(grant('b', { Qualifier: 'PROD' }), ctx);
    await runtime.RemovePermission({ FunctionName: `${ARN}:PROD`, StatementId: 'a' }, ctx);
    expect(sidsOf((await runtime.GetPolicy({ FunctionName: 'my-function:PROD' }, ctx)).Policy)).toEqual(['b']);
    await runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'b', Qualifier: 'PROD' }, ctx);
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function:PROD' }, ctx), 'ResourceNotFoundException', 'The resource you requested does not exist.');
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'my-function:PROD', StatementId: 'b' }, ctx), 'ResourceNotFoundException', 'No policy is associated with the given resource.');
  });

  it("removes from the function's policy for $LATEST", async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('a'), ctx);
    await runtime.RemovePermission({ FunctionName: 'my-function:$LATEST', StatementId: 'a' }, ctx);
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function' }, ctx), 'ResourceNotFoundException', 'The resource you requested does not exist.');
  });

  it('applies the region and qualifier checks', async () => {
    const { runtime } = exampleRuntime();
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:my-function', StatementId: 's' }, ctx), 'ResourceNotFoundException', "Functions from 'eu-west-1' are not reachable in this region ('us-east-2')");
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'doesnotexist:1', Qualifier: '2', StatementId: 's' }, ctx), 'InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.');
  });
});

describe('the 20480-byte policy limit', () => {
  // Grows the function's policy with statements whose size is set by the length of a SourceArn.
  const padded = (sid: string, pad: number, char = 'x') => grant(sid, { Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${char.repeat(pad)}` });
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

  const statementBytes = (sid: string, pad: number) =>
    bytes(JSON.stringify({ Sid: sid, Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: ARN, Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:s3:::${'x'.repeat(pad)}` } } }));

  /** Adds statements until the function's policy is exactly `target` bytes; returns its size as GetPolicy reports it. */
  async function fillTo(runtime: ReturnType<typeof exampleRuntime>['runtime'], target: number): Promise<number> {
    let size = bytes('{"Version":"2012-10-17","Id":"default","Statement":[]}');
    for (let i = 0; ; i++) {
      const sid = `s${i}`;
      const left = target - size - (i === 0 ? 0 : 1) - statementBytes(sid, 0);
      await runtime.AddPermission(padded(sid, left <= 2000 ? left : 1000), ctx);
      size = bytes((await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy);
      if (left <= 2000) return size;
    }
  }

  it('allows a policy of exactly 20480 bytes and refuses one byte more, with the size it would have had', async () => {
    const { runtime } = exampleRuntime();
    expect(await fillTo(runtime, 20480)).toBe(20480);
    const before = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx);
    const next = padded('over', 0);
    // The statement is 237 bytes: {"Sid":"over",...,"Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::"}}}
    const expectedSize = 20480 + 1 + 237;
    await expectServiceError(runtime.AddPermission(next, ctx), 'PolicyLengthExceededException', `The final policy size (${expectedSize}) is bigger than the limit (20480).`);
    expect(await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).toEqual(before);
  });

  it("reports the spec's example size 20749", async () => {
    const { runtime } = exampleRuntime();
    const size = await fillTo(runtime, 20000);
    expect(size).toBe(20000);
    // 20749 = the policy, a comma, and a statement of 748 bytes.
    await expectServiceError(
      runtime.AddPermission(padded('spec', 748 - statementBytes('spec', 0)), ctx),
      'PolicyLengthExceededException',
      'The final policy size (20749) is bigger than the limit (20480).',
    );
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const { runtime } = exampleRuntime();
    // 7000 three-byte characters: 7000 characters, 21000 bytes.
    const input = padded('wide', 7000, '€');
    const statementBytes = bytes(JSON.stringify({ Sid: 'wide', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: ARN, Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:s3:::${'€'.repeat(7000)}` } } }));
    const empty = bytes('{"Version":"2012-10-17","Id":"default","Statement":[]}');
    await expectServiceError(runtime.AddPermission(input, ctx), 'PolicyLengthExceededException', `The final policy size (${empty + statementBytes}) is bigger than the limit (20480).`);
    await expectServiceError(runtime.GetPolicy({ FunctionName: 'my-function' }, ctx), 'ResourceNotFoundException', 'The resource you requested does not exist.');
  });

  it('keeps the running size equal to the bytes of the policy GetPolicy returns', async () => {
    const registry = exampleRegistry();
    const store = new InMemoryPolicyStore();
    const runtime = createLambdaRuntime({ registry, store });
    // Characters JSON escapes or encodes in several bytes; each one the SourceArn pattern allows.
    const chars = ['a', 'é', '€', '𝄞', '"', '\\', '\t'];
    let live: string[] = [];
    for (let i = 0; i < 120; i++) {
      if (i % 3 === 2 && live.length > 0) {
        const sid = live[(i * 7) % live.length]!;
        await runtime.RemovePermission({ FunctionName: 'my-function', StatementId: sid }, ctx);
        live = live.filter((s) => s !== sid);
      } else {
        await runtime.AddPermission(padded(`s${i}`, i % 13, chars[i % chars.length]), ctx);
        live.push(`s${i}`);
      }
      const stored = await store.get(ARN);
      const policy = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx).catch(() => undefined);
      if (policy) expect(stored!.byteLength).toBe(bytes(policy.Policy));
    }
  });
});

describe('RevisionId', () => {
  it('is replaced after every AddPermission and RemovePermission and stable in between', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('a'), ctx);
    const r1 = (await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).RevisionId;
    expect((await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).RevisionId).toBe(r1);
    await runtime.AddPermission(grant('b'), ctx);
    const r2 = (await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).RevisionId;
    await runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a' }, ctx);
    const r3 = (await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).RevisionId;
    for (const r of [r1, r2, r3]) expect(r).toMatch(UUID);
    expect(new Set([r1, r2, r3]).size).toBe(3);
  });

  it('is per policy', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('a'), ctx);
    await runtime.AddPermission(grant('a', { Qualifier: '1' }), ctx);
    const fn = (await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).RevisionId;
    const v1 = (await runtime.GetPolicy({ FunctionName: 'my-function:1' }, ctx)).RevisionId;
    expect(fn).not.toBe(v1);
    await runtime.AddPermission(grant('b', { Qualifier: '1' }), ctx);
    expect((await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).RevisionId).toBe(fn);
    await expectServiceError(runtime.AddPermission(grant('c', { Qualifier: '1', RevisionId: fn }), ctx), 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
  });

  it('lets a change through only with the current RevisionId (412 otherwise)', async () => {
    const { runtime } = exampleRuntime();
    const message = 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id';
    await runtime.AddPermission(grant('a'), ctx);
    const r1 = (await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).RevisionId;
    await runtime.AddPermission(grant('b', { RevisionId: r1 }), ctx);
    await expectServiceError(runtime.AddPermission(grant('c', { RevisionId: r1 }), ctx), 'PreconditionFailedException', message);
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a', RevisionId: r1 }, ctx), 'PreconditionFailedException', message);
    expect(sidsOf((await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy)).toEqual(['a', 'b']);
    const r2 = (await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).RevisionId;
    await runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a', RevisionId: r2 }, ctx);
    expect(sidsOf((await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy)).toEqual(['b']);
  });

  it('is checked before the duplicate Sid on add, and after the Sid look-up on remove', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('a'), ctx);
    await expectServiceError(runtime.AddPermission(grant('a', { RevisionId: 'stale' }), ctx), 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
    await expectServiceError(runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'zz', RevisionId: 'stale' }, ctx), 'ResourceNotFoundException', 'Statement zz is not found in resource policy.');
  });

  it('is a mismatch for a function or version that has no policy yet', async () => {
    const { runtime } = exampleRuntime();
    const message = 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id';
    await expectServiceError(runtime.AddPermission(grant('a', { RevisionId: '00000000-0000-4000-8000-000000000000' }), ctx), 'PreconditionFailedException', message);
    await expectServiceError(runtime.AddPermission(grant('a', { Qualifier: '1', RevisionId: 'anything' }), ctx), 'PreconditionFailedException', message);
  });

  it("accepts an alias's own RevisionId while the alias has no policy, and nothing else", async () => {
    const { runtime, registry } = exampleRuntime();
    const aliasRevision = registry.functions.get('my-function')!.aliases.get('PROD')!.revisionId;
    await expectServiceError(runtime.AddPermission(grant('a', { Qualifier: 'PROD', RevisionId: 'other' }), ctx), 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
    await expectServiceError(runtime.AddPermission(grant('a', { Qualifier: 'BETA', RevisionId: aliasRevision }), ctx), 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
    await runtime.AddPermission(grant('a', { Qualifier: 'PROD', RevisionId: aliasRevision }), ctx);
    const policyRevision = (await runtime.GetPolicy({ FunctionName: 'my-function:PROD' }, ctx)).RevisionId;
    expect(policyRevision).not.toBe(aliasRevision);
    await expectServiceError(runtime.AddPermission(grant('b', { Qualifier: 'PROD', RevisionId: aliasRevision }), ctx), 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
  });

  it("keeps an alias's RevisionId as the last policy revision once its policy is gone", async () => {
    let n = 0;
    const registry = exampleRegistry();
    const runtime = createLambdaRuntime({ registry, newRevisionId: () => `rev-${++n}` });
    await runtime.AddPermission(grant('a', { Qualifier: 'PROD' }), ctx);
    expect((await runtime.GetPolicy({ FunctionName: 'my-function:PROD' }, ctx)).RevisionId).toBe('rev-1');
    await runtime.RemovePermission({ FunctionName: 'my-function:PROD', StatementId: 'a', RevisionId: 'rev-1' }, ctx);
    const initial = registry.functions.get('my-function')!.aliases.get('PROD')!.revisionId;
    for (const stale of [initial, 'rev-1']) {
      await expectServiceError(runtime.AddPermission(grant('b', { Qualifier: 'PROD', RevisionId: stale }), ctx), 'PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
    }
    await runtime.AddPermission(grant('b', { Qualifier: 'PROD', RevisionId: 'rev-2' }), ctx);
    expect((await runtime.GetPolicy({ FunctionName: 'my-function:PROD' }, ctx)).RevisionId).toBe('rev-3');
  });

  it('treats an empty RevisionId as not supplied', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('a', { RevisionId: '' }), ctx);
    await runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a', RevisionId: '' }, ctx);
  });
});

describe('a refused change leaves the stored state untouched', () => {
  class CountingStore implements PolicyStore {
    readonly inner = new InMemoryPolicyStore();
    writes = 0;
    get(arn: string): Promise<StoredPolicy | undefined> {
      return this.inner.get(arn);
    }
    addStatement(arn: string, sid: string, json: string, change: PolicyChange): Promise<void> {
      this.writes++;
      return this.inner.addStatement(arn, sid, json, change);
    }
    removeStatement(arn: string, sid: string, change: PolicyChange): Promise<void> {
      this.writes++;
      return this.inner.removeStatement(arn, sid, change);
    }
  }

  it('writes nothing for any refused AddPermission or RemovePermission', async () => {
    const store = new CountingStore();
    const runtime = createLambdaRuntime({ registry: exampleRegistry(), store });
    await runtime.AddPermission(grant('a'), ctx);
    const snapshot = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx);
    store.writes = 0;
    const refused: Array<Promise<unknown>> = [
      runtime.AddPermission(grant('a'), ctx),
      runtime.AddPermission(grant('b', { RevisionId: 'stale' }), ctx),
      runtime.AddPermission(grant('b', { Principal: 'nobody' }), ctx),
      runtime.AddPermission(grant('b', { FunctionUrlAuthType: 'NONE' }), ctx),
      runtime.AddPermission(grant('b', { Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${'x'.repeat(21000)}` }), ctx),
      runtime.AddPermission(grant('b', { Qualifier: '$LATEST' }), ctx),
      runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'zz' }, ctx),
      runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a', RevisionId: 'stale' }, ctx),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toThrow();
    expect(store.writes).toBe(0);
    expect(await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).toEqual(snapshot);
  });
});

describe('concurrent changes to one policy', () => {
  // A store that reads a snapshot and answers later, as a durable one would, so that
  // unserialised read-check-write sequences would interleave. (Not an immediate store: the
  // service goes through the policy's queue, which is what these tests are about.)
  class SlowStore implements PolicyStore {
    readonly #inner = new InMemoryPolicyStore();
    async get(arn: string): Promise<StoredPolicy | undefined> {
      const live = await this.#inner.get(arn);
      const snapshot = live && { ...live, statements: new Map(live.statements) };
      await new Promise((resolve) => setTimeout(resolve, 5));
      return snapshot;
    }
    addStatement(arn: string, sid: string, json: string, change: PolicyChange): Promise<void> {
      return this.#inner.addStatement(arn, sid, json, change);
    }
    removeStatement(arn: string, sid: string, change: PolicyChange): Promise<void> {
      return this.#inner.removeStatement(arn, sid, change);
    }
  }

  it('lets exactly one of two simultaneous adds of one Sid succeed', async () => {
    const runtime = createLambdaRuntime({ registry: exampleRegistry(), store: new SlowStore() });
    const results = await Promise.allSettled([runtime.AddPermission(grant('same'), ctx), runtime.AddPermission(grant('same'), ctx)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.name).toBe('ResourceConflictException');
  });

  it('applies simultaneous adds of different Sids in order', async () => {
    const runtime = createLambdaRuntime({ registry: exampleRegistry(), store: new SlowStore() });
    await Promise.all(['a', 'b', 'c', 'd'].map((sid) => runtime.AddPermission(grant(sid), ctx)));
    expect(sidsOf((await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('decides them one at a time with the in-memory store too, which commits without the queue', async () => {
    const runtime = createLambdaRuntime({ registry: exampleRegistry(), store: new InMemoryPolicyStore() });
    const sameSid = await Promise.allSettled([0, 1, 2, 3].map(() => runtime.AddPermission(grant('same'), ctx)));
    expect(sameSid.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as Error).name)).sort()).toEqual(['ResourceConflictException', 'ResourceConflictException', 'ResourceConflictException', 'ok']);
    const { RevisionId } = await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx);
    const sameRevision = await Promise.allSettled(['a', 'b', 'c'].map((sid) => runtime.AddPermission(grant(sid, { RevisionId }), ctx)));
    expect(sameRevision.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as Error).name))).toEqual(['ok', 'PreconditionFailedException', 'PreconditionFailedException']);
    const removals = await Promise.allSettled([runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'same' }, ctx), runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'same' }, ctx)]);
    expect(removals.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as Error).name))).toEqual(['ok', 'ResourceNotFoundException']);
    expect(sidsOf((await runtime.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy)).toEqual(['a']);
  });
});

describe('the implementation object', () => {
  it('has exactly the three operations', () => {
    const runtime = createLambdaRuntime({ registry: exampleRegistry() });
    expect(Object.keys(runtime).sort()).toEqual(['AddPermission', 'GetPolicy', 'RemovePermission']);
  });

  it('resolves RemovePermission to undefined', async () => {
    const { runtime } = exampleRuntime();
    await runtime.AddPermission(grant('a'), ctx);
    expect(await runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a' }, ctx)).toBeUndefined();
  });
});

describe('called directly, without the generated server in front', () => {
  it("checks the input with the model's current constraints and words violations as the service does", async () => {
    const runtime = createLambdaRuntime({ registry: exampleRegistry() });
    await expect(
      runtime.AddPermission({ FunctionName: 'bad name', StatementId: 's', Action: 'lambda:InvokeFunction', Principal: '*' }, ctx),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'bad name' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?",
    });
    await expect(runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a b' }, ctx)).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'a b' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_.]+)",
    });
  });
});
