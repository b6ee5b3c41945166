/**
 * `--auth`: SigV4 checked against a credentials file. AWS's own clients signing with a configured
 * key pass; anything else gets the service's refusal (names, statuses and messages as AWS sends them).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AddPermissionCommand, GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsFileError, loadCredentialsFile, sigV4Authenticator } from '../../runtime/auth.js';
import { startServer, type RunningServer } from '../../runtime/server.js';
import { exampleRegistry } from './helpers.js';
import { exchange, request } from './raw-socket.js';

const KEY = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const POLICY = '/2015-03-31/functions/my-function/policy';

const folder = mkdtempSync(join(tmpdir(), 'permgen-auth-'));
const credentialsFile = join(folder, 'credentials');
writeFileSync(credentialsFile, `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n\n[other]\naws_access_key_id=AKIDOTHER\naws_secret_access_key=other-secret\n`);

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, registry: exampleRegistry('us-east-2'), authenticate: sigV4Authenticator(loadCredentialsFile(credentialsFile), 'us-east-2') });
});
afterAll(() => server.close());

const sdk = (accessKeyId: string, secretAccessKey: string, region = 'us-east-2') =>
  new LambdaClient({ endpoint: server.url, region, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });

async function refusal(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; message: string; $metadata?: { httpStatusCode?: number } } | undefined;
  expect(error, 'expected a refusal').toBeDefined();
  return { name: error!.name, message: error!.message, status: error!.$metadata?.httpStatusCode };
}

describe('the AWS SDK under --auth', () => {
  it('succeeds with a configured key, from any profile of the file', async () => {
    const added = await sdk(KEY, SECRET).send(new AddPermissionCommand({ FunctionName: 'my-function', StatementId: 'signed', Action: 'lambda:InvokeFunction', Principal: '*' }));
    expect(added.Statement).toContain('"Sid":"signed"');
    const policy = await sdk('AKIDOTHER', 'other-secret').send(new GetPolicyCommand({ FunctionName: 'my-function' }));
    expect(policy.Policy).toContain('"Sid":"signed"');
  });

  it('gets InvalidSignatureException with the wrong secret', async () => {
    expect(await refusal(sdk(KEY, 'wrong').send(new GetPolicyCommand({ FunctionName: 'my-function' })))).toEqual({ name: 'InvalidSignatureException', message: MISMATCH, status: 403 });
  });

  it('gets UnrecognizedClientException with an unknown key', async () => {
    expect(await refusal(sdk('AKIDUNKNOWN', SECRET).send(new GetPolicyCommand({ FunctionName: 'my-function' })))).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
  });

  it('gets InvalidSignatureException for a signature scoped to another region', async () => {
    expect(await refusal(sdk(KEY, SECRET, 'eu-west-1').send(new GetPolicyCommand({ FunctionName: 'my-function' })))).toEqual({
      name: 'InvalidSignatureException',
      message: "Credential should be scoped to a valid region, not 'eu-west-1'. ",
      status: 403,
    });
  });

  it('stores nothing for a refused request', async () => {
    await refusal(sdk(KEY, 'wrong').send(new AddPermissionCommand({ FunctionName: 'my-function', StatementId: 'unsigned', Action: 'lambda:InvokeFunction', Principal: '*' })));
    const policy = await sdk(KEY, SECRET).send(new GetPolicyCommand({ FunctionName: 'my-function' }));
    expect(policy.Policy).not.toContain('"Sid":"unsigned"');
  });
});

describe('unsigned and badly signed requests over a socket', () => {
  const expectRefusal = async (bytes: string, status: number, name: string, message: string | RegExp) => {
    const reply = await exchange(server.port, bytes);
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'] }).toEqual({ status, type: name });
    expect(JSON.parse(reply.body).message).toMatch(message instanceof RegExp ? message : new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  };

  it('answers a request without Authorization with 403 MissingAuthenticationTokenException', async () => {
    await expectRefusal(request('GET', POLICY, '', null), 403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  });

  it('answers a garbage Authorization with 403 IncompleteSignatureException', async () => {
    await expectRefusal(
      request('GET', POLICY, '', null, 'Authorization: garbage\r\n'),
      403,
      'IncompleteSignatureException',
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=garbage",
    );
  });

  it('answers a signature dated 2000 with 403 InvalidSignatureException "Signature expired"', async () => {
    const authorization = `AWS4-HMAC-SHA256 Credential=${KEY}/20000101/us-east-2/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
    await expectRefusal(
      request('GET', POLICY, '', null, `Authorization: ${authorization}\r\nX-Amz-Date: 20000101T000000Z\r\n`),
      403,
      'InvalidSignatureException',
      /^Signature expired: 20000101T000000Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
  });

  it('answers a signed request whose body was changed with InvalidSignatureException', async () => {
    // Signed by the SDK, then replayed with another body.
    let captured: { headers: Record<string, string> } | undefined;
    const client = sdk(KEY, SECRET);
    client.middlewareStack.add((next) => async (args) => {
      captured = args.request as { headers: Record<string, string> };
      throw new Error('captured');
    }, { step: 'finalizeRequest', priority: 'low' });
    await client.send(new AddPermissionCommand({ FunctionName: 'my-function', StatementId: 'a', Action: 'lambda:InvokeFunction', Principal: '*' })).catch(() => undefined);
    expect(captured).toBeDefined();
    const headers = Object.entries(captured!.headers).filter(([name]) => name.toLowerCase() !== 'content-length' && name.toLowerCase() !== 'host');
    const body = JSON.stringify({ StatementId: 'b', Action: 'lambda:InvokeFunction', Principal: '*' });
    const bytes = `POST ${POLICY} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}Content-Length: ${body.length}\r\n\r\n${body}`;
    const reply = await exchange(server.port, bytes);
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'] }).toEqual({ status: 403, type: 'InvalidSignatureException' });
  });

  it.each([
    ['a signed header named after an Object member', 'host;x-amz-date;constructor'],
    ['a signed header named toString', 'host;toString;x-amz-date'],
  ])('answers %s with 403 IncompleteSignatureException, not a 500, and keeps serving', async (_, signedHeaders) => {
    const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const authorization = `AWS4-HMAC-SHA256 Credential=${KEY}/${date.slice(0, 8)}/us-east-2/lambda/aws4_request, SignedHeaders=${signedHeaders}, Signature=${'0'.repeat(64)}`;
    const reply = await exchange(server.port, request('GET', POLICY, '', null, `Authorization: ${authorization}\r\nX-Amz-Date: ${date}\r\n`));
    expect({ status: reply.status, type: reply.headers['x-amzn-errortype'], contentType: reply.headers['content-type'] }).toEqual({ status: 403, type: 'IncompleteSignatureException', contentType: 'application/json' });
    expect(JSON.parse(reply.body)).toEqual({ message: 'The request signature could not be read; sign the request with AWS Signature Version 4.' });
    expect((await exchange(server.port, request('GET', '/health', '', null))).status).toBe(200);
  });

  it('serves /health without a signature', async () => {
    expect((await exchange(server.port, request('GET', '/health', '', null))).status).toBe(200);
  });
});

describe('credentials file', () => {
  it('names what is wrong with a file it cannot use', () => {
    const half = join(folder, 'half');
    writeFileSync(half, '[p]\naws_access_key_id = AKID\n');
    expect(() => loadCredentialsFile(half)).toThrowError(new CredentialsFileError(`Profile [p] of ${half} needs both aws_access_key_id and aws_secret_access_key.`));
    expect(() => loadCredentialsFile(join(folder, 'absent'))).toThrow(CredentialsFileError);
  });
});

// The AWS CLI (Python, botocore's signer): .ci/run installs it where missing.
const ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_'))),
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_MAX_ATTEMPTS: '1',
  AWS_PAGER: '',
};
const hasAwsCli = (() => {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore', env: ENV });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasAwsCli)('the AWS CLI under --auth (skipped where `aws` is not installed)', () => {
  const aws = async (key: string, secret: string, sid: string) => {
    try {
      const { stdout } = await promisify(execFile)('aws', ['lambda', 'add-permission', '--function-name', 'my-function', '--statement-id', sid, '--action', 'lambda:InvokeFunction', '--principal', '*', '--endpoint-url', server.url, '--region', 'us-east-2', '--output', 'json'], {
        env: { ...ENV, AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: secret },
      });
      return { code: 0, out: stdout };
    } catch (error) {
      return { code: 1, out: (error as { stderr: string }).stderr.trim() };
    }
  };

  it('succeeds with the configured key and gets the signature error with a wrong one', async () => {
    const ok = await aws(KEY, SECRET, 'cli');
    expect(ok.out).not.toMatch(/error/); expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).Statement).toContain('"Sid":"cli"');
    const wrong = await aws(KEY, 'wrong', 'cli2');
    expect(wrong.out).toBe(`An error occurred (InvalidSignatureException) when calling the AddPermission operation: ${MISMATCH}`);
  }, 120_000);
});
