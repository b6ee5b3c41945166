import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseLogEntry } from '../../generated/server/index.js';
import { startServer, type RunningServer } from '../../runtime/server.js';
import { createRegistry } from '../../runtime/registry.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ARN = 'arn:aws:lambda:us-east-2:123456789012:function:my-function';
const SPEC_STATEMENT =
  '{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket"}}}';
const REVISION_MISMATCH =
  'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id';

let server: RunningServer;
const log: ResponseLogEntry[] = [];

beforeAll(async () => {
  // Tests share the server; functions other than my-function each belong to one test.
  const registry = createRegistry({
    region: 'us-east-2',
    account: '123456789012',
    functions: [
      { name: 'my-function', versions: ['1', '2'], aliases: { PROD: '1', BETA: '2' } },
      { name: 'spec-function' },
      { name: 'quiet-function', versions: ['1'] },
      { name: 'big-function' },
      { name: 'shape-function', versions: ['1'], aliases: { LIVE: '1' } },
    ],
  });
  server = await startServer({ port: 0, registry, onResponse: (entry) => log.push(entry) });
});
afterAll(() => server.close());

interface Reply {
  status: number;
  headers: Headers;
  body: string;
}

async function call(method: string, path: string, body?: string): Promise<Reply> {
  const response = await fetch(server.url + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Every function gets its own name per test so that tests do not share policies. */
let counter = 0;
const sid = (prefix: string) => `${prefix}${++counter}`;
const policyPath = (name = 'my-function', query = '') => `/2015-03-31/functions/${name}/policy${query}`;
const add = (body: object, name?: string, query?: string) => call('POST', policyPath(name, query), JSON.stringify(body));

function expectError(reply: Reply, status: number, name: string, body: object): void {
  expect({ status: reply.status, type: reply.headers.get('x-amzn-errortype'), contentType: reply.headers.get('content-type'), body: reply.body }).toEqual({
    status,
    type: name,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
  expect(reply.headers.get('x-amzn-requestid')).toMatch(UUID);
}

describe('over HTTP', () => {
  it("AddPermission answers 201 with the spec's statement, and GetPolicy 200 with the policy", async () => {
    const added = await call('POST', policyPath('spec-function'), '{"StatementId":"s3","Action":"lambda:InvokeFunction","Principal":"s3.amazonaws.com","SourceArn":"arn:aws:s3:::my-bucket","SourceAccount":"123456789012"}');
    expect(added.status).toBe(201);
    expect(added.headers.get('content-type')).toBe('application/json');
    expect(added.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(added.body).toBe(JSON.stringify({ Statement: SPEC_STATEMENT.replace(':function:my-function', ':function:spec-function') }));

    const policy = await call('GET', policyPath('spec-function'));
    expect(policy.status).toBe(200);
    const parsed = JSON.parse(policy.body);
    expect(Object.keys(parsed)).toEqual(['Policy', 'RevisionId']);
    expect(parsed.Policy).toBe(`{"Version":"2012-10-17","Id":"default","Statement":[${SPEC_STATEMENT.replace(':function:my-function', ':function:spec-function')}]}`);
    expect(parsed.RevisionId).toMatch(UUID);
  });

  it('parses the body by key, whatever the order and whitespace', async () => {
    const id = sid('order');
    const compact = await add({ StatementId: id, Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceAccount: '123456789012' }, 'my-function', '?Qualifier=2');
    const id2 = sid('order');
    const pretty = await call('POST', policyPath('my-function', '?Qualifier=2'), `{\n  "SourceAccount" : "123456789012",\n  "Principal": "s3.amazonaws.com",\n\t"Action":"lambda:InvokeFunction", "StatementId": "${id2}"\n}`);
    expect(JSON.parse(JSON.parse(pretty.body).Statement)).toEqual({ ...JSON.parse(JSON.parse(compact.body).Statement), Sid: id2 });
    expect(JSON.parse(pretty.body).Statement).toBe(JSON.parse(compact.body).Statement.replace(`"Sid":"${id}"`, `"Sid":"${id2}"`));
  });

  it('decodes percent-encoded names and qualifiers', async () => {
    const viaAlias = await add({ StatementId: sid('enc'), Action: 'lambda:InvokeFunction', Principal: '223456789012' }, 'my-function%3APROD');
    expect(JSON.parse(JSON.parse(viaAlias.body).Statement).Resource).toBe(`${ARN}:PROD`);
    const viaArn = await add({ StatementId: sid('enc'), Action: 'lambda:InvokeFunction', Principal: '223456789012' }, encodeURIComponent(`${ARN}:1`));
    expect(JSON.parse(JSON.parse(viaArn.body).Statement).Resource).toBe(`${ARN}:1`);
    expectError(await add({ StatementId: sid('enc'), Action: 'lambda:InvokeFunction', Principal: '223456789012' }, 'my-function', '?Qualifier=%24LATEST'), 400, 'InvalidParameterValueException', {
      Type: 'User',
      message: 'We currently do not support adding policies for $LATEST.',
    });
  });

  it('answers a duplicate Sid with 409 ResourceConflictException', async () => {
    const body = { StatementId: sid('dup'), Action: 'lambda:InvokeFunction', Principal: '223456789012' };
    expect((await add(body)).status).toBe(201);
    expectError(await add(body), 409, 'ResourceConflictException', {
      Type: 'User',
      message: `The statement id (${body.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
    });
  });

  it('answers invalid principals, FunctionUrlAuthType misuse and name mismatches with 400 InvalidParameterValueException', async () => {
    expectError(await add({ StatementId: sid('bad'), Action: 'lambda:InvokeFunction', Principal: 'example.com' }), 400, 'InvalidParameterValueException', {
      Type: 'User',
      message: 'The provided principal was invalid. Please check the principal and try again.',
    });
    expectError(await add({ StatementId: sid('bad'), Action: 'lambda:InvokeFunction', Principal: '*', FunctionUrlAuthType: 'NONE' }), 400, 'InvalidParameterValueException', {
      Type: 'User',
      message: 'FunctionUrlAuthType is only supported for lambda:InvokeFunctionUrl action',
    });
    expectError(await add({ StatementId: sid('bad'), Action: 'lambda:InvokeFunction', Principal: '*' }, 'my-function%3APROD', '?Qualifier=1'), 400, 'InvalidParameterValueException', {
      Type: 'User',
      message: 'The derived qualifier from the function name does not match the specified qualifier.',
    });
  });

  it('answers missing functions, versions, aliases and foreign regions with 404 and a capitalised Message', async () => {
    const grant = { StatementId: 'x', Action: 'lambda:InvokeFunction', Principal: '*' };
    expectError(await add(grant, 'doesnotexist'), 404, 'ResourceNotFoundException', { Type: 'User', Message: 'Function not found: arn:aws:lambda:us-east-2:123456789012:function:doesnotexist' });
    expectError(await add(grant, 'my-function', '?Qualifier=42'), 404, 'ResourceNotFoundException', { Type: 'User', Message: `Function not found: ${ARN}:42` });
    expectError(await add(grant, 'my-function%3Anope'), 404, 'ResourceNotFoundException', { Type: 'User', Message: `Cannot find alias arn: ${ARN}:nope` });
    expectError(await add(grant, encodeURIComponent('arn:aws:lambda:us-west-1:123456789012:function:my-function')), 404, 'ResourceNotFoundException', {
      Type: 'User',
      Message: "Functions from 'us-west-1' are not reachable in this region ('us-east-2')",
    });
  });

  it('answers GetPolicy without a policy with 404', async () => {
    for (const path of [policyPath('my-function', '?Qualifier=BETA'), policyPath('doesnotexist'), policyPath('my-function', '?Qualifier=42')]) {
      expectError(await call('GET', path), 404, 'ResourceNotFoundException', { Type: 'User', Message: 'The resource you requested does not exist.' });
    }
  });

  it('RemovePermission answers 204 with an empty body, and its three 404s', async () => {
    const id = sid('rm');
    await add({ StatementId: id, Action: 'lambda:InvokeFunction', Principal: '*' }, 'my-function', '?Qualifier=BETA');
    expectError(await call('DELETE', `${policyPath('quiet-function')}/${id}?Qualifier=1`), 404, 'ResourceNotFoundException', {
      Type: 'User',
      Message: 'No policy is associated with the given resource.',
    });
    expectError(await call('DELETE', `${policyPath('my-function%3ABETA')}/nope`), 404, 'ResourceNotFoundException', { Type: 'User', Message: 'Statement nope is not found in resource policy.' });
    expectError(await call('DELETE', `${policyPath('doesnotexist')}/${id}`), 404, 'ResourceNotFoundException', {
      Type: 'User',
      Message: 'No policy found for: arn:aws:lambda:us-east-2:123456789012:function:doesnotexist',
    });
    const removed = await call('DELETE', `${policyPath('my-function%3ABETA')}/${id}`);
    expect({ status: removed.status, body: removed.body, contentType: removed.headers.get('content-type') }).toEqual({ status: 204, body: '', contentType: null });
    expect(removed.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect((await call('GET', policyPath('my-function%3ABETA'))).status).toBe(404);
  });

  it('checks RevisionId in the AddPermission body and the RemovePermission query (412)', async () => {
    const first = sid('rev');
    await add({ StatementId: first, Action: 'lambda:InvokeFunction', Principal: '*' }, 'my-function', '?Qualifier=1');
    const { RevisionId } = JSON.parse((await call('GET', policyPath('my-function', '?Qualifier=1'))).body);
    const second = sid('rev');
    expect((await add({ StatementId: second, Action: 'lambda:InvokeFunction', Principal: '*', RevisionId }, 'my-function', '?Qualifier=1')).status).toBe(201);
    expectError(await add({ StatementId: sid('rev'), Action: 'lambda:InvokeFunction', Principal: '*', RevisionId }, 'my-function', '?Qualifier=1'), 412, 'PreconditionFailedException', {
      Type: 'User',
      message: REVISION_MISMATCH,
    });
    expectError(await call('DELETE', `${policyPath('my-function')}/${first}?Qualifier=1&RevisionId=${RevisionId}`), 412, 'PreconditionFailedException', { Type: 'User', message: REVISION_MISMATCH });
    const current = JSON.parse((await call('GET', policyPath('my-function', '?Qualifier=1'))).body).RevisionId;
    expect((await call('DELETE', `${policyPath('my-function')}/${first}?Qualifier=1&RevisionId=${current}`)).status).toBe(204);
  });

  it('answers a policy over 20480 bytes with 400 PolicyLengthExceededException', async () => {
    const reply = await add({ StatementId: 'big', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${'b'.repeat(20200)}` }, 'big-function');
    // 54 bytes of document around a statement of 20437 bytes (20200 of them padding).
    expectError(reply, 400, 'PolicyLengthExceededException', { Type: 'User', message: 'The final policy size (20491) is bigger than the limit (20480).' });
    expectError(await call('GET', policyPath('big-function')), 404, 'ResourceNotFoundException', { Type: 'User', Message: 'The resource you requested does not exist.' });
  });

  it('writes principals and conditions as the service does, and lists statements in insertion order', async () => {
    const shape = 'arn:aws:lambda:us-east-2:123456789012:function:shape-function';
    const statements = [
      [{ StatementId: 'account', Action: 'lambda:InvokeFunction', Principal: '223456789012' }, `{"Sid":"account","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::223456789012:root"},"Action":"lambda:InvokeFunction","Resource":"${shape}"}`],
      [{ StatementId: 'role', Action: 'lambda:GetFunction', Principal: 'arn:aws:iam::223456789012:role/r' }, `{"Sid":"role","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::223456789012:role/r"},"Action":"lambda:GetFunction","Resource":"${shape}"}`],
      [{ StatementId: 'alexa', Action: 'lambda:InvokeFunction', Principal: 'alexa-appkit.amazon.com', EventSourceToken: 'amzn1.ask.skill.1' }, `{"Sid":"alexa","Effect":"Allow","Principal":{"Service":"alexa-appkit.amazon.com"},"Action":"lambda:InvokeFunction","Resource":"${shape}","Condition":{"StringEquals":{"lambda:EventSourceToken":"amzn1.ask.skill.1"}}}`],
      [
        { InvokedViaFunctionUrl: true, SourceArn: 'arn:aws:execute-api:us-east-2:123456789012:api/*', PrincipalOrgID: 'o-abcdefghij', FunctionUrlAuthType: 'AWS_IAM', SourceAccount: '123456789012', Principal: '*', Action: 'lambda:InvokeFunctionUrl', StatementId: 'everything' },
        `{"Sid":"everything","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Resource":"${shape}","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012","lambda:FunctionUrlAuthType":"AWS_IAM","aws:PrincipalOrgID":"o-abcdefghij"},"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-2:123456789012:api/*"},"Bool":{"lambda:InvokedViaFunctionUrl":"true"}}}`,
      ],
    ] as const;
    for (const [body, expected] of statements) {
      const reply = await add(body, 'shape-function');
      expect(reply.status).toBe(201);
      expect(JSON.parse(reply.body).Statement).toBe(expected);
    }
    const policy = JSON.parse((await call('GET', policyPath('shape-function', '?Qualifier=%24LATEST'))).body).Policy;
    expect(policy).toBe(`{"Version":"2012-10-17","Id":"default","Statement":[${statements.map(([, statement]) => statement).join(',')}]}`);
  });

  it('keeps separate policies for the function, a version and an alias, so one Sid can be on each', async () => {
    const body = { StatementId: 'same', Action: 'lambda:InvokeFunction', Principal: '223456789012' };
    const resources: string[] = [];
    for (const [name, query] of [['shape-function', ''], ['shape-function', '?Qualifier=1'], ['shape-function%3ALIVE', '']] as const) {
      const reply = await add(body, name, query);
      expect(reply.status).toBe(201);
      resources.push(JSON.parse(JSON.parse(reply.body).Statement).Resource);
    }
    expect(resources).toEqual(['arn:aws:lambda:us-east-2:123456789012:function:shape-function', 'arn:aws:lambda:us-east-2:123456789012:function:shape-function:1', 'arn:aws:lambda:us-east-2:123456789012:function:shape-function:LIVE']);
    const revisions = new Set<string>();
    for (const [query, sids] of [['', ['account', 'role', 'alexa', 'everything', 'same']], ['?Qualifier=1', ['same']], ['?Qualifier=LIVE', ['same']]] as const) {
      const { Policy, RevisionId } = JSON.parse((await call('GET', policyPath('shape-function', query))).body);
      expect(JSON.parse(Policy).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(sids);
      revisions.add(RevisionId);
    }
    expect(revisions.size).toBe(3);
  });

  it("answers a constraint violation with the spec's ValidationException before any look-up", async () => {
    const reply = await add({ StatementId: 'example.com', Action: 'lambda:InvokeFunction', Principal: '*' }, 'doesnotexist');
    expectError(reply, 400, 'ValidationException', {
      message: "1 validation error detected: Value 'example.com' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)",
    });
  });

  it('reports one log entry per request with method, path, status, error name and duration', async () => {
    log.length = 0;
    const reply = await call('GET', policyPath('doesnotexist'));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/2015-03-31/functions/doesnotexist/policy', status: 404, errorName: 'ResourceNotFoundException', requestId: reply.headers.get('x-amzn-requestid') });
    expect(log[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });
});
