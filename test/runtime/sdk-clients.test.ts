/**
 * The same sequence through AWS's own JavaScript SDK and through the generated client: each must
 * see the service's results, and both must see byte-identical Statement and Policy strings.
 */
import * as aws from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as generated from '../../generated/client/src/index.js';
import { startServer, type RunningServer } from '../../runtime/server.js';
import { exampleRegistry } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SPEC_STATEMENT =
  '{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket"}}}';
const PROD_STATEMENT =
  '{"Sid":"xaccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::223456789012:root"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function:PROD"}';
const SPEC_INPUT = {
  FunctionName: 'my-function',
  StatementId: 's3',
  Action: 'lambda:InvokeFunction',
  Principal: 's3.amazonaws.com',
  SourceArn: 'arn:aws:s3:::my-bucket',
  SourceAccount: '123456789012',
};

/** What one client saw, in a form both clients can be compared by. */
interface Observed {
  statement: string;
  conflict: ErrorSeen;
  precondition: ErrorSeen;
  validation: ErrorSeen;
  notFound: ErrorSeen;
  prodStatement: string;
  policy: string;
  revisionId: string;
  afterRemove: string;
}
interface ErrorSeen {
  name: string;
  message: string;
  status?: number;
  isClientClass: boolean;
}

type Input = Record<string, unknown>;
interface ClientUnderTest {
  add(input: Input): Promise<{ Statement?: string }>;
  get(input: Input): Promise<{ Policy?: string; RevisionId?: string }>;
  remove(input: Input): Promise<unknown>;
  exceptionClass(name: string): unknown;
}

function awsSdk(endpoint: string): ClientUnderTest {
  const client = new aws.LambdaClient({ region: 'us-east-2', endpoint, credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, maxAttempts: 1 });
  return {
    add: (input) => client.send(new aws.AddPermissionCommand(input as unknown as aws.AddPermissionCommandInput)),
    get: (input) => client.send(new aws.GetPolicyCommand(input as unknown as aws.GetPolicyCommandInput)),
    remove: (input) => client.send(new aws.RemovePermissionCommand(input as unknown as aws.RemovePermissionCommandInput)),
    exceptionClass: (name) => (aws as Record<string, unknown>)[name],
  };
}

function generatedClient(endpoint: string): ClientUnderTest {
  const client = new generated.LambdaClient({ region: 'us-east-2', endpoint, credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
  return {
    add: (input) => client.send(new generated.AddPermissionCommand(input as unknown as generated.AddPermissionCommandInput)),
    get: (input) => client.send(new generated.GetPolicyCommand(input as unknown as generated.GetPolicyCommandInput)),
    remove: (input) => client.send(new generated.RemovePermissionCommand(input as unknown as generated.RemovePermissionCommandInput)),
    exceptionClass: (name) => (generated as Record<string, unknown>)[name],
  };
}

async function errorOf(client: ClientUnderTest, attempt: Promise<unknown>): Promise<ErrorSeen> {
  const error = (await attempt.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  )) as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
  const cls = client.exceptionClass(error.name);
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode, isClientClass: typeof cls === 'function' && error instanceof (cls as new () => unknown) };
}

async function runSequence(client: ClientUnderTest): Promise<Observed> {
  const statement = (await client.add(SPEC_INPUT)).Statement!;
  const conflict = await errorOf(client, client.add(SPEC_INPUT));
  const precondition = await errorOf(client, client.add({ ...SPEC_INPUT, StatementId: 'other', RevisionId: 'stale' }));
  const validation = await errorOf(client, client.add({ ...SPEC_INPUT, StatementId: 'example.com' }));
  const notFound = await errorOf(client, client.get({ FunctionName: 'doesnotexist' }));
  const prodStatement = (await client.add({ FunctionName: 'my-function:PROD', StatementId: 'xaccount', Action: 'lambda:InvokeFunction', Principal: '223456789012' })).Statement!;
  const { Policy, RevisionId } = await client.get({ FunctionName: 'my-function' });
  await client.remove({ FunctionName: 'my-function', StatementId: 's3', RevisionId });
  const afterRemove = (await errorOf(client, client.get({ FunctionName: 'my-function' }))).message;
  return { statement, conflict, precondition, validation, notFound, prodStatement, policy: Policy!, revisionId: RevisionId!, afterRemove };
}

const servers: RunningServer[] = [];
const observed: Record<'aws' | 'generated', Observed> = {} as never;

beforeAll(async () => {
  for (const [key, make] of [['aws', awsSdk], ['generated', generatedClient]] as const) {
    const server = await startServer({ port: 0, registry: exampleRegistry('us-east-2') });
    servers.push(server);
    observed[key] = await runSequence(make(server.url));
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe.each(['aws', 'generated'] as const)('through the %s client', (key) => {
  it("gets the spec's statement and policy", () => {
    expect(observed[key].statement).toBe(SPEC_STATEMENT);
    expect(observed[key].prodStatement).toBe(PROD_STATEMENT);
    expect(observed[key].policy).toBe(`{"Version":"2012-10-17","Id":"default","Statement":[${SPEC_STATEMENT}]}`);
    expect(observed[key].revisionId).toMatch(UUID);
    expect(observed[key].afterRemove).toBe('The resource you requested does not exist.');
  });

  it("raises the client's own exceptions with the service's messages", () => {
    const seen = observed[key];
    expect(seen.conflict).toEqual({
      name: 'ResourceConflictException',
      message: 'The statement id (s3) provided already exists. Please provide a new statement id, or remove the existing statement.',
      status: 409,
      isClientClass: true,
    });
    expect(seen.precondition).toEqual({
      name: 'PreconditionFailedException',
      message: 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id',
      status: 412,
      isClientClass: true,
    });
    expect(seen.notFound).toEqual({ name: 'ResourceNotFoundException', message: 'The resource you requested does not exist.', status: 404, isClientClass: true });
    expect({ ...seen.validation, isClientClass: undefined }).toEqual({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'example.com' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)",
      status: 400,
      isClientClass: undefined,
    });
  });
});

it('gives byte-identical Statement and Policy strings through both clients', () => {
  const strings = (o: Observed) => [o.statement, o.prodStatement, o.policy];
  expect(strings(observed.generated)).toEqual(strings(observed.aws));
});
