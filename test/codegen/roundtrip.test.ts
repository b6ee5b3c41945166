import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddPermissionCommand,
  GetPolicyCommand,
  LambdaClient,
  LambdaServiceException,
  RemovePermissionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  TooManyRequestsException,
  ValidationException,
  type AddPermissionCommandInput,
} from '../../generated/client/src/index.js';
import { createNodeListener, type AddPermissionInput, type LambdaImplementation } from '../../generated/server/index.js';
import { generateInto, listen, scratch, TEST_CREDENTIALS } from './helpers.js';

/** What the server saw, for wire assertions. */
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const thrown = (name: string, message: string, members: Record<string, unknown> = {}) => Object.assign(new Error(message), { name }, members);

let seen: Seen[] = [];
let received: unknown[] = [];
let behaviour: (input: AddPermissionInput) => Promise<{ Statement: string }> = async (input) => ({ Statement: `{"Sid":"${input.StatementId}"}` });

const implementation: LambdaImplementation = {
  AddPermission: async (input) => {
    received.push(input);
    return behaviour(input);
  },
  GetPolicy: async (input) => {
    received.push(input);
    if (input.FunctionName === 'missing') throw thrown('ResourceNotFoundException', 'The resource you requested does not exist.');
    return { Policy: '{"Version":"2012-10-17","Id":"default","Statement":[]}', RevisionId: 'rev-1' };
  },
  RemovePermission: async (input) => {
    received.push(input);
    if (input.RevisionId === 'old') throw thrown('PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
  },
};

let server: { url: string; close(): Promise<void> };
let client: LambdaClient;
const listener = createNodeListener(implementation);

beforeAll(async () => {
  server = await listen((req, res) => {
    // A second 'data' listener sees the same chunks as the generated listener.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() }));
    listener(req, res);
  });
  // One attempt per call: these tests look at single exchanges; retries are test/client/retry.test.ts's.
  client = new LambdaClient({ region: 'us-east-1', endpoint: server.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
});
afterAll(() => server.close());

function reset() {
  seen = [];
  received = [];
}

const ADD: AddPermissionCommandInput = {
  FunctionName: 'my-function:PROD',
  StatementId: 's3',
  Action: 'lambda:InvokeFunction',
  Principal: 's3.amazonaws.com',
  SourceArn: 'arn:aws:s3:::my-bucket',
  Qualifier: '$LATEST',
  InvokedViaFunctionUrl: true,
};

describe('generated client → generated server over HTTP', () => {
  it('sends the exact restJson1 request: encoded label, query, JSON body of set members, SigV4', async () => {
    reset();
    behaviour = async (input) => ({ Statement: `{"Sid":"${input.StatementId}"}` });
    const output = await client.send(new AddPermissionCommand(ADD));
    expect(output.Statement).toBe('{"Sid":"s3"}');
    expect(output.$metadata.httpStatusCode).toBe(201);
    expect(output.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [request] = seen;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/2015-03-31/functions/my-function%3APROD/policy?Qualifier=%24LATEST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      StatementId: 's3',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::my-bucket',
      InvokedViaFunctionUrl: true,
    });
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/lambda\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('hands the implementation decoded labels and query members, and leaves unset members undefined', async () => {
    reset();
    await client.send(new AddPermissionCommand({ ...ADD, FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f:1', Qualifier: '1' }));
    expect(received[0]).toMatchObject({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f:1', Qualifier: '1', StatementId: 's3', InvokedViaFunctionUrl: true });
    expect((received[0] as Record<string, unknown>).SourceAccount).toBeUndefined();
  });

  it('round-trips GetPolicy and RemovePermission', async () => {
    reset();
    const policy = await client.send(new GetPolicyCommand({ FunctionName: 'my-function', Qualifier: 'PROD' }));
    expect(policy).toMatchObject({ Policy: '{"Version":"2012-10-17","Id":"default","Statement":[]}', RevisionId: 'rev-1', $metadata: { httpStatusCode: 200 } });
    const removed = await client.send(new RemovePermissionCommand({ FunctionName: 'my-function', StatementId: 'a.b', Qualifier: 'PROD', RevisionId: 'rev-1' }));
    expect(removed.$metadata.httpStatusCode).toBe(204);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual([
      'GET /2015-03-31/functions/my-function/policy?Qualifier=PROD ',
      'DELETE /2015-03-31/functions/my-function/policy/a.b?Qualifier=PROD&RevisionId=rev-1 ',
    ]);
  });

  const MODELED = [
    ['InvalidParameterValueException', 400, 'client', { Type: 'User' }, '{"Type":"User","message":"M"}'],
    ['PolicyLengthExceededException', 400, 'client', { Type: 'User' }, '{"Type":"User","message":"M"}'],
    ['PreconditionFailedException', 412, 'client', { Type: 'User' }, '{"Type":"User","message":"M"}'],
    ['ResourceConflictException', 409, 'client', { Type: 'User' }, '{"Type":"User","message":"M"}'],
    ['ResourceNotFoundException', 404, 'client', { Type: 'User', Message: 'M' }, '{"Type":"User","Message":"M"}'],
    ['ServiceException', 500, 'server', { Type: 'Service', Message: 'M' }, '{"Type":"Service","Message":"M"}'],
    ['TooManyRequestsException', 429, 'client', { Type: 'User', Reason: 'CallerRateLimitExceeded', retryAfterSeconds: '7' }, '{"Type":"User","message":"M","Reason":"CallerRateLimitExceeded"}'],
  ] as const;

  it.each(MODELED)('%s: %i on the wire with the model casing, and its own class in the client', async (name, status, fault, members, body) => {
    reset();
    behaviour = async () => {
      throw thrown(name, 'M', name === 'TooManyRequestsException' ? { Reason: 'CallerRateLimitExceeded', retryAfterSeconds: 7 } : {});
    };
    const error = await client.send(new AddPermissionCommand(ADD)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LambdaServiceException);
    expect((error as Error).constructor.name).toBe(name);
    expect(error).toMatchObject({ name, message: 'M', $fault: fault, $metadata: { httpStatusCode: status, attempts: 1 }, ...members });

    const raw = await fetch(`${server.url}/2015-03-31/functions/f/policy`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ StatementId: 's', Action: 'lambda:*', Principal: '*' }) });
    expect(raw.status).toBe(status);
    expect(raw.headers.get('x-amzn-errortype')).toBe(name);
    expect(raw.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(raw.headers.get('content-type')).toBe('application/json');
    expect(await raw.text()).toBe(body);
    if (name === 'TooManyRequestsException') expect(raw.headers.get('retry-after')).toBe('7');
  });

  it('turns an unexpected failure into a 500 ServiceException without internal details', async () => {
    behaviour = async () => {
      throw new TypeError('secret stack detail at /srv/app.js:12');
    };
    const raw = await fetch(`${server.url}/2015-03-31/functions/f/policy`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ StatementId: 's', Action: 'lambda:*', Principal: '*' }) });
    expect(raw.status).toBe(500);
    expect(raw.headers.get('x-amzn-errortype')).toBe('ServiceException');
    expect(await raw.text()).toBe('{"Type":"Service","Message":"The service encountered an internal error. Try again later."}');
  });

  it('answers constraint violations with 400 ValidationException before the implementation runs', async () => {
    reset();
    const error = await client.send(new AddPermissionCommand({ ...ADD, StatementId: 'example.com' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({
      $metadata: { httpStatusCode: 400 },
      message:
        "1 validation error detected: Value 'example.com' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)",
    });
    expect(received).toEqual([]);
    const raw = await fetch(`${server.url}/2015-03-31/functions/f/policy`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"Action":"lambda:*"}' });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await raw.text()).toBe(
      '{"message":"2 validation errors detected: Value null at \'statementId\' failed to satisfy constraint: Member must not be null; Value null at \'principal\' failed to satisfy constraint: Member must not be null"}',
    );
  });

  it('rejects malformed bodies, unknown paths and oversized bodies in the protocol format, never with a crash', async () => {
    const bad = await fetch(`${server.url}/2015-03-31/functions/f/policy`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"StatementId":' });
    expect([bad.status, bad.headers.get('x-amzn-errortype'), await bad.text()]).toEqual([400, 'SerializationException', '{"message":"The request body is not valid JSON."}']);
    const array = await fetch(`${server.url}/2015-03-31/functions/f/policy`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' });
    expect([array.status, await array.text()]).toEqual([400, '{"message":"The request body must be a JSON object."}']);
    const unknown = await fetch(`${server.url}/2015-03-31/nothing`);
    expect([unknown.status, unknown.headers.get('x-amzn-errortype'), await unknown.text()]).toEqual([
      404,
      'UnknownOperationException',
      '{"message":"No operation matches the request path."}',
    ]);
    const method = await fetch(`${server.url}/2015-03-31/functions/f/policy`, { method: 'PUT' });
    expect([method.status, method.headers.get('x-amzn-errortype'), await method.text()]).toEqual([
      405,
      'MethodNotAllowedException',
      '{"message":"The method PUT is not allowed on this resource."}',
    ]);
    const badEncoding = await fetch(`${server.url}/2015-03-31/functions/%E0%A4%A/policy`);
    expect([badEncoding.status, badEncoding.headers.get('x-amzn-errortype'), await badEncoding.text()]).toEqual([
      400,
      'SerializationException',
      '{"message":"The request path is not correctly percent-encoded."}',
    ]);
    const large = await fetch(`${server.url}/2015-03-31/functions/f/policy`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"StatementId":"${'x'.repeat(2 * 1024 * 1024)}"}` });
    expect([large.status, large.headers.get('x-amzn-errortype'), await large.text()]).toEqual([
      413,
      'RequestTooLargeException',
      '{"message":"The request body is larger than 1048576 bytes."}',
    ]);
    expect(large.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('generated client reading errors from other servers', () => {
  it('takes the name from the header without what follows ":", else from __type without its namespace', async () => {
    const replies = [
      { headers: { 'X-Amzn-ErrorType': 'ResourceConflictException:http://internal.example/' }, body: '{"message":"taken"}' },
      { headers: {}, body: '{"__type":"com.amazonaws.lambda#ResourceNotFoundException","Message":"gone"}' },
      { headers: {}, body: '{"code":"SomethingNew","message":"new"}' },
    ];
    let next = 0;
    const other = await listen((_req, res) => {
      const reply = replies[next++];
      res.writeHead(next === 1 ? 409 : next === 2 ? 404 : 400, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    });
    const otherClient = new LambdaClient({ region: 'us-east-1', endpoint: other.url, credentials: TEST_CREDENTIALS });
    const send = () => otherClient.send(new GetPolicyCommand({ FunctionName: 'f' })).catch((e: unknown) => e);
    try {
      const first = await otherClient.send(new AddPermissionCommand(ADD)).catch((e: unknown) => e);
      expect(first).toBeInstanceOf(ResourceConflictException);
      expect(first).toMatchObject({ message: 'taken' });
      const second = await send();
      expect(second).toBeInstanceOf(ResourceNotFoundException);
      expect(second).toMatchObject({ message: 'gone', Message: 'gone' });
      const third = await send();
      expect(third).toBeInstanceOf(LambdaServiceException);
      expect(third).not.toBeInstanceOf(TooManyRequestsException);
      expect(third).toMatchObject({ name: 'SomethingNew', message: 'new', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    } finally {
      await other.close();
    }
  });
});

describe('the unrelated widgets model round-trips too', () => {
  it('client and server generated from it agree on success and on two errors sharing a status', async () => {
    const out = scratch('roundtrip-widgets');
    await generateInto(['test/fixtures/widgets.yaml'], out);
    const serverModule = await import(`${out}/server/index.ts`);
    const clientModule = await import(`${out}/client/src/index.ts`);
    const calls: unknown[] = [];
    const widgets = await listen(
      serverModule.createNodeListener({
        PaintWidget: async (input: { WidgetName: string; Color: string; Coats?: number; Finish?: string; DryRun?: boolean }) => {
          calls.push(input);
          if (input.Color === 'BLUE') throw thrown('ColorUnavailable', 'Out of blue.', { Color: 'BLUE' });
          if (input.WidgetName === 'locked') throw thrown('LabelRejected', 'No.');
          if (input.WidgetName === 'gone') throw thrown('WidgetMissing', 'No such widget.', { retryAfterSeconds: 30 });
          return { Receipt: `${input.WidgetName} is ${input.Color}`, Coats: input.Coats };
        },
      }),
    );
    try {
      const c = new clientModule.AcmeWidgetsClient({ region: 'eu-west-1', endpoint: widgets.url, credentials: TEST_CREDENTIALS });
      const ok = await c.send(new clientModule.PaintWidgetCommand({ WidgetName: 'w/1', Color: 'RED', Coats: 2, Finish: 'gloss', DryRun: true }));
      expect(ok).toMatchObject({ Receipt: 'w/1 is RED', Coats: 2, $metadata: { httpStatusCode: 200 } });
      // The boolean query member travels as `dry-run=true` and reaches the implementation as a boolean.
      expect(calls[0]).toEqual({ WidgetName: 'w/1', Color: 'RED', Label: undefined, Finish: 'gloss', DryRun: true, Coats: 2 });
      const dry = await fetch(`${widgets.url}/widgets/w/paint?dry-run=maybe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"Color":"RED"}' });
      expect([dry.status, await dry.text()]).toEqual([
        400,
        '{"message":"1 validation error detected: Value \'maybe\' at \'dryRun\' failed to satisfy constraint: Member must be of type boolean"}',
      ]);
      const blue = await c.send(new clientModule.PaintWidgetCommand({ WidgetName: 'w', Color: 'BLUE' })).catch((e: unknown) => e);
      expect(blue).toBeInstanceOf(clientModule.ColorUnavailable);
      expect(blue).toMatchObject({ name: 'ColorUnavailable', message: 'Out of blue.', Color: 'BLUE', $metadata: { httpStatusCode: 400 } });
      const rejected = await c.send(new clientModule.PaintWidgetCommand({ WidgetName: 'locked', Color: 'RED' })).catch((e: unknown) => e);
      expect(rejected).toBeInstanceOf(clientModule.LabelRejected);
      expect(rejected).toMatchObject({ $metadata: { httpStatusCode: 400 } });
      const gone = await c.send(new clientModule.PaintWidgetCommand({ WidgetName: 'gone', Color: 'RED' })).catch((e: unknown) => e);
      expect(gone).toBeInstanceOf(clientModule.WidgetMissing);
      expect(gone).toMatchObject({ message: 'No such widget.', Message: 'No such widget.', retryAfterSeconds: 30, $metadata: { httpStatusCode: 404 } });
      const invalid = await c.send(new clientModule.PaintWidgetCommand({ WidgetName: 'w', Color: 'RED', Label: 'lower', Finish: 'satin' })).catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(clientModule.BadRequest);
      expect((invalid as Error).message).toBe(
        "2 validation errors detected: Value 'lower' at 'label' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Z][a-z]+; Value 'satin' at 'finish' failed to satisfy constraint: Member must satisfy regular expression pattern: matte|gloss",
      );
    } finally {
      await widgets.close();
    }
  });
});
