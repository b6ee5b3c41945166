/**
 * The AWS CLI and boto3 pointed at the running server (.ci/run installs both where missing): each
 * must print the service's statement and policy and raise its own error for each failure.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../runtime/server.js';
import { exampleRegistry } from './helpers.js';

const run = promisify(execFile);

const SPEC_STATEMENT =
  '{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket"}}}';
const SPEC_POLICY = `{"Version":"2012-10-17","Id":"default","Statement":[${SPEC_STATEMENT}]}`;
const CONFLICT = 'The statement id (s3) provided already exists. Please provide a new statement id, or remove the existing statement.';
const PRECONDITION = 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id';
const VALIDATION =
  "1 validation error detected: Value 'example.com' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)";

// Dummy credentials, and nothing read from the machine's own AWS configuration.
const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
const ENV = {
  ...inherited,
  AWS_ACCESS_KEY_ID: 'AKID',
  AWS_SECRET_ACCESS_KEY: 'SECRET',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
};

const available = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore', env: ENV });
    return true;
  } catch {
    return false;
  }
};
const hasAwsCli = available('aws', ['--version']);
const hasBoto3 = available('python3', ['-c', 'import boto3']);

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, registry: exampleRegistry('us-east-2') });
});
afterAll(() => server.close());

describe.skipIf(!hasAwsCli)('the AWS CLI', () => {
  async function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('aws', ['lambda', ...args, '--endpoint-url', server.url, '--region', 'us-east-2', '--output', 'json'], { env: ENV });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  const addS3 = ['add-permission', '--function-name', 'my-function', '--statement-id', 's3', '--action', 'lambda:InvokeFunction', '--principal', 's3.amazonaws.com', '--source-arn', 'arn:aws:s3:::my-bucket', '--source-account', '123456789012'];
  const failure = (code: string, operation: string, message: string) => `An error occurred (${code}) when calling the ${operation} operation: ${message}`;

  it('adds, refuses the duplicate, reads the policy, checks RevisionId and removes', async () => {
    const added = await aws(...addS3);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ Statement: SPEC_STATEMENT });

    const duplicate = await aws(...addS3);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr.trim()).toBe(failure('ResourceConflictException', 'AddPermission', CONFLICT));

    const policy = await aws('get-policy', '--function-name', 'my-function');
    expect(policy.code).toBe(0);
    const { Policy, RevisionId } = JSON.parse(policy.stdout);
    expect(Policy).toBe(SPEC_POLICY);

    const stale = await aws('remove-permission', '--function-name', 'my-function', '--statement-id', 's3', '--revision-id', 'stale');
    expect(stale.stderr.trim()).toBe(failure('PreconditionFailedException', 'RemovePermission', PRECONDITION));

    const invalid = await aws('add-permission', '--function-name', 'my-function', '--statement-id', 'example.com', '--action', 'lambda:InvokeFunction', '--principal', '*');
    expect(invalid.stderr.trim()).toBe(failure('ValidationException', 'AddPermission', VALIDATION));

    const removed = await aws('remove-permission', '--function-name', 'my-function', '--statement-id', 's3', '--revision-id', RevisionId);
    expect({ code: removed.code, stdout: removed.stdout }).toEqual({ code: 0, stdout: '' });

    const gone = await aws('get-policy', '--function-name', 'my-function');
    expect(gone.stderr.trim()).toBe(failure('ResourceNotFoundException', 'GetPolicy', 'The resource you requested does not exist.'));
  });
});

describe.skipIf(!hasBoto3)('boto3', () => {
  it('sees the same statement, policy and errors', async () => {
    const script = `
import json, sys, boto3
client = boto3.client('lambda', endpoint_url=sys.argv[1], region_name='us-east-2')
out = {}
def error(call):
    try:
        call()
    except client.exceptions.ClientError as e:
        return {'code': e.response['Error']['Code'], 'message': e.response['Error']['Message'], 'status': e.response['ResponseMetadata']['HTTPStatusCode'], 'class': type(e).__name__}
    return None
add = dict(FunctionName='my-function:PROD', StatementId='s3', Action='lambda:InvokeFunction', Principal='s3.amazonaws.com', SourceArn='arn:aws:s3:::my-bucket', SourceAccount='123456789012')
out['statement'] = client.add_permission(**add)['Statement']
out['conflict'] = error(lambda: client.add_permission(**add))
policy = client.get_policy(FunctionName='my-function', Qualifier='PROD')
out['policy'] = policy['Policy']
out['precondition'] = error(lambda: client.remove_permission(FunctionName='my-function:PROD', StatementId='s3', RevisionId='stale'))
out['validation'] = error(lambda: client.add_permission(**dict(add, StatementId='example.com')))
out['notFound'] = error(lambda: client.get_policy(FunctionName='doesnotexist'))
client.remove_permission(FunctionName='my-function:PROD', StatementId='s3', RevisionId=policy['RevisionId'])
out['afterRemove'] = error(lambda: client.get_policy(FunctionName='my-function:PROD'))
print(json.dumps(out))
`;
    const { stdout } = await run('python3', ['-c', script, server.url], { env: ENV });
    const prodStatement = SPEC_STATEMENT.replace(':function:my-function"', ':function:my-function:PROD"');
    expect(JSON.parse(stdout)).toEqual({
      statement: prodStatement,
      conflict: { code: 'ResourceConflictException', message: CONFLICT, status: 409, class: 'ResourceConflictException' },
      policy: `{"Version":"2012-10-17","Id":"default","Statement":[${prodStatement}]}`,
      precondition: { code: 'PreconditionFailedException', message: PRECONDITION, status: 412, class: 'PreconditionFailedException' },
      validation: { code: 'ValidationException', message: VALIDATION, status: 400, class: 'ClientError' },
      notFound: { code: 'ResourceNotFoundException', message: 'The resource you requested does not exist.', status: 404, class: 'ResourceNotFoundException' },
      afterRemove: { code: 'ResourceNotFoundException', message: 'The resource you requested does not exist.', status: 404, class: 'ResourceNotFoundException' },
    });
  });
});
