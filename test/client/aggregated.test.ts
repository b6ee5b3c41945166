import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AddPermissionCommand, GetPolicyCommand, Lambda, LambdaClient, ResourceNotFoundException } from '../../generated/client/src/index.js';
import { listen, TEST_CREDENTIALS } from '../codegen/helpers.js';

const INPUT = { FunctionName: 'my-function', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' };
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function service() {
  const paths: string[] = [];
  const server = await listen((req, res) => {
    req.resume();
    req.on('end', () => {
      paths.push(`${req.method} ${req.url}`);
      const body = req.method === 'POST' ? { Statement: '{"Sid":"s3"}' } : { Policy: '{}', RevisionId: 'r1' };
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  servers.push(server);
  return { url: server.url, paths };
}

describe('the aggregated client', () => {
  it('has one method per operation, sending its command, with a promise or a callback', async () => {
    const { url, paths } = await service();
    const lambda = new Lambda({ region: 'us-east-1', endpoint: url, credentials: TEST_CREDENTIALS });
    expect(lambda).toBeInstanceOf(LambdaClient);
    expect((await lambda.addPermission(INPUT)).Statement).toBe('{"Sid":"s3"}');
    expect((await lambda.getPolicy({ FunctionName: 'my-function' }, { abortSignal: new AbortController().signal })).RevisionId).toBe('r1');
    const viaCallback = await new Promise((done, fail) => lambda.getPolicy({ FunctionName: 'f' }, (err, data) => (err ? fail(err) : done(data?.Policy))));
    expect(viaCallback).toBe('{}');
    expect(paths).toEqual(['POST /2015-03-31/functions/my-function/policy', 'GET /2015-03-31/functions/my-function/policy', 'GET /2015-03-31/functions/f/policy']);
  });
});

describe('aws-sdk-client-mock', () => {
  it('mocks LambdaClient commands, and the aggregated client through them', async () => {
    const mock = mockClient(LambdaClient);
    try {
      mock.on(AddPermissionCommand).resolves({ Statement: 'mocked', $metadata: {} });
      mock.on(GetPolicyCommand, { FunctionName: 'missing' }).rejects(new ResourceNotFoundException({ message: 'Function not found', $metadata: {} }));
      const client = new LambdaClient({ region: 'us-east-1', credentials: TEST_CREDENTIALS });
      expect((await client.send(new AddPermissionCommand(INPUT))).Statement).toBe('mocked');
      await expect(client.send(new GetPolicyCommand({ FunctionName: 'missing' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
      expect((await new Lambda({ region: 'us-east-1', credentials: TEST_CREDENTIALS }).addPermission(INPUT)).Statement).toBe('mocked');
      expect(mock.commandCalls(AddPermissionCommand).map((call) => call.args[0].input)).toEqual([INPUT, INPUT]);
    } finally {
      mock.restore();
    }
  });
});
