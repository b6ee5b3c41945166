import http from 'node:http';
import { NumericValue } from '@smithy/core/serde';
import ts from 'typescript';
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
import { GENERATED_TS_OPTIONS, generateInto, listen, ROOT, scratch, TEST_CREDENTIALS } from './helpers.js';

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
      // A query value that is not a boolean is refused by the decoder, before the validator and the implementation.
      expect([dry.status, dry.headers.get('x-amzn-errortype'), await dry.text()]).toEqual([400, 'SerializationException', '{"message":"Expected true or false, found \\"maybe\\"."}']);
      expect(calls).toHaveLength(1);
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

describe('every shape and binding round-trips (test/fixtures/every-shape.yaml)', () => {
  const DATE = new Date('2024-02-29T12:00:00Z');
  const LATER = new Date('2024-03-01T08:30:15.250Z');
  const bytes = (...values: number[]) => new Uint8Array(values);
  let out: string;
  let shapes: { url: string; close(): Promise<void> };
  let calls: { operation: string; input: Record<string, any> }[] = [];
  let wire: Seen[] = [];
  let reply: (operation: string, input: Record<string, any>) => unknown;
  let c: any;
  let m: any;

  beforeAll(async () => {
    out = scratch('roundtrip-every-shape');
    await generateInto(['test/fixtures/every-shape.yaml'], out);
    const server = await import(`${out}/server/index.ts`);
    m = await import(`${out}/client/src/index.ts`);
    const record = (operation: string) => async (input: Record<string, any>) => {
      calls.push({ operation, input });
      return reply(operation, input);
    };
    const listener = server.createNodeListener({ PutObject: record('PutObject'), CreateNode: record('CreateNode'), GetCount: record('GetCount'), PutDocument: record('PutDocument'), GetBlob: record('GetBlob') });
    shapes = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => wire.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('latin1') }));
      listener(req, res);
    });
    c = new m.EveryShapeServiceClient({ region: 'us-east-1', endpoint: shapes.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
  });
  afterAll(() => shapes?.close());
  const fresh = (answer: typeof reply) => {
    calls = [];
    wire = [];
    reply = answer;
  };

  it('type-checks with strict and exactOptionalPropertyTypes, and the client package under its own stricter tsconfig', () => {
    const diagnostics = (program: ts.Program) => ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    const files = ts.sys.readDirectory(out, ['.ts'], ['**/node_modules/**']);
    const options: ts.CompilerOptions = { ...GENERATED_TS_OPTIONS, exactOptionalPropertyTypes: true };
    expect(diagnostics(ts.createProgram(files, options))).toEqual([]);
    const { config } = ts.readConfigFile(`${out}/client/tsconfig.json`, ts.sys.readFile);
    const client = ts.parseJsonConfigFileContent(config, ts.sys, `${out}/client`);
    expect(diagnostics(ts.createProgram(client.fileNames, { ...client.options, noEmit: true }))).toEqual([]);
  });

  it('a nested, recursive structure with every kind of member: exact JSON on the wire, typed values on both sides', async () => {
    fresh((_, input) => input);
    const node = {
      Name: 'root',
      Children: [{ Name: 'leaf', Shape: { Square: { Side: 5_000_000_000 } }, Children: [] }],
      Labels: { team: 'core' },
      Shape: { Circle: { Radius: 1.5 } },
      Address: { Street: 'Main', Zip: 12345 },
      Created: DATE,
      Updated: LATER,
      Seen: DATE,
      Payload: bytes(104, 105, 0, 255),
      Metadata: { any: ['json', 1, null, { deep: true }] },
      Weight: 2.5,
      Ratio: NaN,
      Size: 5_000_000_000,
      Huge: 123456789n,
      Exact: new NumericValue('1.5', 'bigDecimal'),
      Status: 'ACTIVE',
      Level: 2,
      Scores: [1, null, 3],
      Notes: { kept: 'yes', empty: null },
      Stamps: [DATE, LATER],
      Blobs: { one: bytes(1) },
      Renamed: 'r',
      class: 'A',
      constructor: 7,
    };
    const output = await c.send(new m.CreateNodeCommand(node));
    const [request] = wire;
    expect(request.headers['content-type']).toBe('application/json');
    const sent = JSON.parse(request.body);
    expect(sent).toMatchObject({
      Children: [{ Name: 'leaf', Shape: { Square: { Side: 5000000000 } }, Children: [] }],
      Shape: { Circle: { Radius: 1.5 } },
      Created: '2024-02-29T12:00:00Z',
      Updated: 1709281815.25,
      Seen: 'Thu, 29 Feb 2024 12:00:00 GMT',
      Payload: 'aGkA/w==',
      Ratio: 'NaN',
      Size: 5000000000,
      Scores: [1, null, 3],
      Notes: { kept: 'yes', empty: null },
      Stamps: [1709208000, 1709281815.25],
      Blobs: { one: 'AQ==' },
      renamed_member: 'r',
      class: 'A',
      constructor: 7,
    });
    expect(request.body).toContain('"Huge":123456789,"Exact":1.5,');
    expect(sent).not.toHaveProperty('Renamed');
    // The idempotency token the caller left out is filled in.
    expect(sent.ClientToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const [{ input }] = calls;
    expect(input.Created).toEqual(DATE);
    expect(input.Updated).toEqual(LATER);
    expect(input.Payload).toEqual(bytes(104, 105, 0, 255));
    expect(input.Ratio).toBeNaN();
    expect(input.Huge).toBe(123456789n);
    expect(input.Exact).toBeInstanceOf(NumericValue);
    expect(input.Exact.string).toBe('1.5');
    expect(input.constructor).toBe(7);
    // The server fills in the model's default for a member the request leaves out.
    expect(input.Mode).toBe('fast');

    expect(output.$metadata.httpStatusCode).toBe(201);
    const { $metadata: _, ...echoed } = output;
    // The nested child left Mode out too: the server fills defaults at every depth.
    expect(echoed).toEqual({ ...node, ClientToken: sent.ClientToken, Mode: 'fast', Children: node.Children.map((child) => ({ ...child, Mode: 'fast' })) });
  });

  it('labels (greedy too), query lists and maps, header lists, prefix headers and a blob payload; response headers and a JSON body', async () => {
    fresh(() => ({ ETag: '"abc"', Expires: DATE, Count: 3, Dates: [DATE, LATER], Version: 'v2', Size: 5_000_000_000, Stored: LATER }));
    const output = await c.send(
      new m.PutObjectCommand({
        Bucket: 'my-bucket',
        Key: 'photos/2024/a b.jpg',
        Tags: ['plain', 'with,comma', 'with"quote'],
        IfModifiedSince: DATE,
        Flag: true,
        Metadata: { Color: 'red' },
        Ids: [1, 5_000_000_000],
        Since: LATER,
        Ratio: -Infinity,
        Params: { extra: 'x', id: 'ignored' },
        Content: bytes(0, 1, 2, 255),
      }),
    );
    const [request] = wire;
    const url = new URL(request.url, shapes.url);
    expect(url.pathname).toBe('/buckets/my-bucket/objects/photos/2024/a%20b.jpg');
    expect([...url.searchParams].sort()).toEqual([['extra', 'x'], ['id', '1'], ['id', '5000000000'], ['ratio', '-Infinity'], ['since', '2024-03-01T08:30:15.250Z']]);
    expect(request.headers).toMatchObject({
      'x-tags': 'plain, "with,comma", "with\\"quote"',
      'if-modified-since': 'Thu, 29 Feb 2024 12:00:00 GMT',
      'x-flag': 'true',
      'x-meta-color': 'red',
      'content-type': 'application/octet-stream',
    });
    expect([...Buffer.from(request.body, 'latin1')]).toEqual([0, 1, 2, 255]);
    expect(calls[0].input).toEqual({
      Bucket: 'my-bucket',
      Key: 'photos/2024/a b.jpg',
      Tags: ['plain', 'with,comma', 'with"quote'],
      IfModifiedSince: DATE,
      Flag: true,
      Metadata: { color: 'red' },
      Ids: [1, 5_000_000_000],
      Since: LATER,
      Ratio: -Infinity,
      // The query map holds every parameter, those bound to members too (restJson1's server cases).
      Params: { extra: 'x', id: '1', ratio: '-Infinity', since: '2024-03-01T08:30:15.250Z' },
      Content: bytes(0, 1, 2, 255),
    });
    expect(output).toMatchObject({ ETag: '"abc"', Expires: DATE, Count: 3, Dates: [DATE, new Date('2024-03-01T08:30:15Z')], Version: 'v2', Size: 5_000_000_000, Stored: LATER });
    const raw = await fetch(`${shapes.url}/buckets/b-1/objects/k`, { method: 'PUT', body: 'x' });
    expect(raw.headers.get('x-expires')).toBe('Thu, 29 Feb 2024 12:00:00 GMT');
    expect(raw.headers.get('x-dates')).toBe('Thu, 29 Feb 2024 12:00:00 GMT, Fri, 01 Mar 2024 08:30:15 GMT');
    expect(await raw.text()).toBe('{"Version":"v2","Size":5000000000,"Stored":1709281815.25}');
  });

  it('integer and timestamp labels, ItemId beside item-id, and a text payload in the response', async () => {
    fresh(() => ({ Report: 'all good' }));
    const output = await c.send(new m.GetCountCommand({ Count: 42, At: DATE, 'item-id': 'q', ItemId: 'h' }));
    expect(wire[0].url).toBe('/counts/42/at/2024-02-29T12%3A00%3A00Z?item-id=q');
    expect(wire[0].headers.itemid).toBe('h');
    expect(calls[0].input).toEqual({ Count: 42, At: DATE, 'item-id': 'q', ItemId: 'h' });
    expect(output.Report).toBe('all good');
    const raw = await fetch(`${shapes.url}/counts/1/at/2024-02-29T12%3A00%3A00Z`);
    expect([raw.headers.get('content-type'), await raw.text()]).toEqual(['text/plain', 'all good']);
  });

  it('a document payload in, a union payload out, and a union member the client does not know', async () => {
    fresh((_, input) => (input.Document.unknown ? { Shape: { $unknown: ['Triangle', { Sides: 3 }] } } : { Shape: { Circle: { Radius: 2 } } }));
    const output = await c.send(new m.PutDocumentCommand({ Id: 'd', Document: { list: [1, 'two', null], nested: { ok: true } } }));
    expect(JSON.parse(wire[0].body)).toEqual({ list: [1, 'two', null], nested: { ok: true } });
    expect(calls[0].input.Document).toEqual({ list: [1, 'two', null], nested: { ok: true } });
    expect(output.Shape).toEqual({ Circle: { Radius: 2 } });
    const unknown = await c.send(new m.PutDocumentCommand({ Id: 'd', Document: { unknown: true } }));
    expect(wire[1].body).toBe('{"unknown":true}');
    expect(unknown.Shape).toEqual({ $unknown: ['Triangle', { Sides: 3 }] });
    const raw = await fetch(`${shapes.url}/documents/d`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"unknown":true}' });
    expect(await raw.text()).toBe('{"Triangle":{"Sides":3}}');
  });

  it('a blob payload in the response, with its Content-Type from a header member', async () => {
    fresh(() => ({ Data: bytes(137, 80, 78, 71), ContentType: 'image/png' }));
    const output = await c.send(new m.GetBlobCommand({ Name: 'logo' }));
    expect(output.Data).toEqual(bytes(137, 80, 78, 71));
    expect(output.ContentType).toBe('image/png');
  });

  it.each([
    ['NotFound', 404, 'client', { Resource: 'bucket/b', Details: { Reason: 'gone', At: DATE } }, { 'x-resource': 'bucket/b' }, '{"message":"M","Details":{"Reason":"gone","At":1709208000}}'],
    ['Throttled', 429, 'client', { RetryAfterSeconds: 7 }, { 'retry-after': '7' }, '{"message":"M"}'],
  ] as const)('modeled error %s: %i with header and body members, its own class in the client', async (name, status, fault, members, headers, body) => {
    fresh(() => {
      throw Object.assign(new Error('M'), { name }, members);
    });
    const error = await c.send(new m.PutObjectCommand({ Bucket: 'bucket', Key: 'k' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(m[name]);
    expect(error).toMatchObject({ name, message: 'M', $fault: fault, $metadata: { httpStatusCode: status }, ...members });
    const raw = await fetch(`${shapes.url}/buckets/bucket/objects/k`, { method: 'PUT' });
    expect(raw.status).toBe(status);
    for (const [header, value] of Object.entries(headers)) expect(raw.headers.get(header)).toBe(value);
    expect(await raw.text()).toBe(body);
  });

  it('a server-fault error, an unknown error name and a validation failure', async () => {
    fresh(() => {
      throw Object.assign(new Error('It broke.'), { name: 'Broken' });
    });
    const broken = await c.send(new m.CreateNodeCommand({ Name: 'n' })).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(m.Broken);
    expect(broken).toMatchObject({ $fault: 'server', Message: 'It broke.', $metadata: { httpStatusCode: 500 } });

    const other = await listen((_req, res) => {
      res.writeHead(418, { 'content-type': 'application/json', 'x-amzn-errortype': 'TeapotException:http://example/' });
      res.end('{"message":"short and stout"}');
    });
    try {
      const otherClient = new m.EveryShapeServiceClient({ region: 'us-east-1', endpoint: other.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
      const teapot = await otherClient.send(new m.GetBlobCommand({ Name: 'x' })).catch((e: unknown) => e);
      expect(teapot).toBeInstanceOf(m.EveryShapeServiceServiceException);
      expect(teapot).toMatchObject({ name: 'TeapotException', message: 'short and stout', $fault: 'client', $metadata: { httpStatusCode: 418 } });
    } finally {
      await other.close();
    }

    fresh(() => ({}));
    const invalid = await c.send(new m.PutObjectCommand({ Bucket: 'ab', Key: 'k' })).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(m.BadRequest);
    expect(invalid).toMatchObject({ $metadata: { httpStatusCode: 400 }, message: "1 validation error detected: Value 'ab' at 'bucket' failed to satisfy constraint: Member must have length greater than or equal to 3" });
    expect(calls).toEqual([]);
  });
});
