// The reader, one document construct at a time: { given: a document fragment, want: the printed
// operations, errors and service facts, or the one-line ModelError }. Mirrors
// codegen/model/openapi/read.ts; the whole test model (test/fixtures/shapes.yaml) at the end.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError, loadDocument } from '../../../../codegen/model/document.js';
import { readOpenApi } from '../../../../codegen/model/openapi/read.js';
import { printError, printModel } from '../../../../codegen/model/print.js';
import { bodyOperation, documentOf, printedOperation, read, type Fragment } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const ok = { '200': { description: 'OK' } };

describe('operations and their HTTP bindings', () => {
  const cases: { name: string; given: Fragment; want: string }[] = [
    {
      name: 'path-item parameters apply to every operation; a path label is required even when not marked',
      given: { paths: { '/a/{Id}': { parameters: [{ name: 'Id', in: 'path', schema: { type: 'string' } }], get: { operationId: 'Op', responses: ok } } } },
      want: ['operation Op GET /a/{Id} -> 200', '  input Id -> Op$input$Id required label(Id)'].join('\n'),
    },
    {
      name: 'an operation parameter overrides a path-item one of the same location and name',
      given: {
        paths: {
          '/a': {
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
            get: { operationId: 'Op', parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'integer' } }], responses: ok },
          },
        },
      },
      want: ['operation Op GET /a -> 200', '  input q -> Op$input$q required query(q)'].join('\n'),
    },
    {
      name: 'a greedy label',
      given: { paths: { '/o/{Key+}': { get: { operationId: 'Op', parameters: [{ name: 'Key', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } } } },
      want: ['operation Op GET /o/{Key+} -> 200', '  input Key -> Op$input$Key required label(Key+)'].join('\n'),
    },
    {
      name: 'a member name that differs from the wire name, a query list, a header list, a query map',
      given: {
        paths: {
          '/a': {
            get: {
              operationId: 'Op',
              parameters: [
                { name: 'max-items', in: 'query', 'x-member-name': 'MaxItems', schema: { type: 'integer' } },
                { name: 'tag', in: 'query', 'x-member-name': 'Tags', schema: { type: 'array', items: { type: 'string' } } },
                { name: 'X-Ids', in: 'header', 'x-member-name': 'Ids', schema: { type: 'array', items: { type: 'integer' } } },
                { name: 'filters', in: 'query', 'x-member-name': 'Filters', schema: { type: 'object', additionalProperties: { type: 'string' } } },
                { name: 'session', in: 'cookie', schema: { type: 'string' } },
              ],
              responses: ok,
            },
          },
        },
      },
      want: [
        'operation Op GET /a -> 200',
        '  input MaxItems -> Op$input$MaxItems query(max-items)',
        '  input Tags -> Op$input$Tags query(tag)',
        '  input Ids -> Op$input$Ids header(X-Ids)',
        '  input Filters -> Op$input$Filters queryParams',
      ].join('\n'),
    },
    {
      name: 'a JSON object body: its properties are body members',
      given: { paths: bodyOperation({ type: 'object', required: ['A'], properties: { A: { type: 'string' }, B: { type: 'integer' } } }) },
      want: ['operation Op POST /op -> 200', '  input A -> OpRequest$A required body(A)', '  input B -> OpRequest$B body(B)'].join('\n'),
    },
    {
      name: 'a body of another media type is one payload member',
      given: { paths: { '/op': { put: { operationId: 'Op', requestBody: { required: true, 'x-member-name': 'Data', content: { 'text/plain': { schema: { type: 'string' } } } }, responses: ok } } } },
      want: ['operation Op PUT /op -> 200', '  input Data -> Op$input$Data required payload(text/plain)'].join('\n'),
    },
    {
      name: 'a JSON body that is not an object is a payload (a document)',
      given: { paths: bodyOperation({}) },
      want: ['operation Op POST /op -> 200', '  input Body -> Op$input$Body payload(application/json)'].join('\n'),
    },
    {
      name: 'response headers and a JSON response body are output members',
      given: {
        paths: {
          '/a': {
            get: {
              operationId: 'Op',
              responses: {
                '200': {
                  description: 'OK',
                  headers: { 'X-Count': { 'x-member-name': 'Count', schema: { type: 'integer' } }, 'X-Tags': { schema: { type: 'array', items: { type: 'string' } } } },
                  content: { 'application/json': { schema: { type: 'object', properties: { Name: { type: 'string' } } } } },
                },
              },
            },
          },
        },
      },
      want: ['operation Op GET /a -> 200', '  output Name -> OpResponse$Name body(Name)', '  output Count -> Op$output$Count header(X-Count)', '  output X-Tags -> Op$output$X-Tags header(X-Tags)'].join('\n'),
    },
    {
      name: 'every HTTP method OpenAPI knows',
      given: { paths: { '/a': Object.fromEntries(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].map((m) => [m, { operationId: `Op${m}`, responses: ok }])) } },
      want: 'operation Opoptions OPTIONS /a -> 200',
    },
  ];

  it.each(cases)('$name', ({ given, want }) => {
    const graph = read(given);
    const name = want.split(' ')[1];
    expect(printedOperation(graph, name)).toBe(want);
  });

  it('keeps x-member-order, documentation, deprecation and every response status', () => {
    const op = read({
      paths: bodyOperation({ type: 'object', properties: { A: { type: 'string' } } }, { summary: 'Does it.', description: 'At length.', deprecated: true, 'x-member-order': ['A'], responses: { '201': { description: 'Made' }, '400': { description: 'Bad' } } }),
    }).operations[0];
    expect([op.summary, op.documentation, op.deprecated, op.memberOrder, op.success?.status, op.responses.map((r) => r.status)]).toEqual(['Does it.', 'At length.', true, ['A'], '201', ['201', '400']]);
  });
});

describe('errors and service facts', () => {
  it('reads an x-error schema: status, fault, members bound to the body or to a header, defaults', () => {
    const graph = read({
      schemas: {
        Throttled: {
          type: 'object',
          'x-error': { status: 429, fault: 'client' },
          properties: { message: { type: 'string' }, Type: { type: 'string', default: 'User' }, RetryAfter: { type: 'string', 'x-http-header': 'Retry-After' } },
        },
      },
    });
    expect(printError(graph.errors.get('Throttled')!).join('\n')).toBe(
      ['error Throttled 429 client', '  message -> Throttled$message body(message)', '  Type -> Throttled$Type default "User" body(Type)', '  RetryAfter -> Throttled$RetryAfter header(Retry-After)'].join('\n'),
    );
  });

  it('reads the service facts: signing name from any scheme with x-aws-sigv4, endpoint, error header, validation error, versions, revision', () => {
    const graph = read({
      extra: {
        info: { title: 'AWS Things', version: '2020-01-01', 'x-client-version': '1.2.3', 'x-revision': { name: '2020' } },
        servers: [{ url: 'https://things.{region}.example.com', variables: { region: { default: 'us-east-1' } } }],
        'x-error-type-header': 'X-Error',
        'x-validation-error': 'Invalid',
        components: { securitySchemes: { aws: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-aws-sigv4': { signingName: 'things' } } } },
      },
    });
    expect(graph.service).toEqual({
      title: 'AWS Things',
      version: '2020-01-01',
      documentation: undefined,
      revision: '2020',
      signingName: 'things',
      endpoint: { url: 'https://things.{region}.example.com', defaults: { region: 'us-east-1' } },
      errorTypeHeader: 'X-Error',
      validationError: 'Invalid',
      clientVersion: '1.2.3',
    });
  });
});

describe('documents the reader refuses, in one line naming the document and the JSON pointer', () => {
  const refused = (fragment: Fragment | Record<string, unknown>, raw = false) => {
    try {
      readOpenApi(raw ? { source: { path: 'given.yaml', sha256: '' }, document: fragment as Record<string, unknown> } : documentOf(fragment as Fragment));
    } catch (error) {
      expect(error).toBeInstanceOf(ModelError);
      return (error as ModelError).message;
    }
    throw new Error('expected a ModelError');
  };

  it.each([
    { name: 'not OpenAPI 3', given: { openapi: '2.0' }, want: 'given.yaml: not an OpenAPI 3 document (missing or unsupported `openapi` version) at /openapi' },
    {
      name: 'an operation without operationId whose derived name another operation already has',
      given: { paths: { '/a': { get: { operationId: 'GetB', responses: ok } }, '/b': { get: { responses: ok } } } },
      want: "given.yaml: the name derived for GET /b, GetB, is another operation's operationId at /paths/~1b/get",
    },
    { name: 'an unresolved reference', given: { paths: bodyOperation({ $ref: '#/components/schemas/Nope' }) }, want: 'given.yaml: unresolved reference #/components/schemas/Nope at /paths/~1op/post/requestBody/content/application~1json/schema' },
    { name: 'an external reference', given: { schemas: { S: { $ref: 'other.yaml#/S' } } }, want: 'given.yaml: external reference other.yaml#/S is not supported at /components/schemas/S' },
    { name: 'a reference cycle', given: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } }, want: 'given.yaml: circular reference #/components/schemas/B at /components/schemas/A' },
    { name: 'an x-errors entry without an error schema', given: { paths: { '/a': { get: { operationId: 'Op', responses: ok, 'x-errors': ['Nope'] } } } }, want: 'given.yaml: error Nope has no schema with `x-error` at /paths/~1a/get/x-errors/0' },
    { name: 'an x-error without a status', given: { schemas: { E: { type: 'object', 'x-error': { fault: 'client' } } } }, want: 'given.yaml: `x-error` needs a numeric `status` at /components/schemas/E/x-error' },
  ])('$name', ({ given, want }) => {
    expect(refused(given)).toBe(want);
  });

  it('a top level that is not a mapping', () => {
    expect(refused(['a'] as unknown as Record<string, unknown>, true)).toBe('given.yaml: not an OpenAPI document (the top level is not a mapping)');
  });
});

describe('the test model with every construct (test/fixtures/shapes.yaml)', () => {
  const graph = readOpenApi(loadDocument(join(ROOT, 'test', 'fixtures', 'shapes.yaml'), ROOT));
  const printed = printModel(graph).split('\n');

  it('reads nested structures, lists, maps, unions, recursion, timestamps, blobs, documents, numbers and enums', () => {
    const shapes = printed.slice(0, printed.findIndex((l) => l.startsWith('operation ')));
    expect(shapes.join('\n')).toContain('structure Node\n  Name -> Node$Name required\n  Children -> Node$Children\n  Parent -> Node\n  Labels -> Node$Labels\n  Shape -> Figure');
    expect(shapes).toEqual(expect.arrayContaining([
      'union Figure', '  Circle -> Circle', '  Square -> Square',
      '  Children -> Node$Children', '  Parent -> Node', 'list Node$Children', '  member -> Node',
      'map Node$Labels length ..10', '  key -> Node$Labels$key', '  value -> Node$Labels$value',
      'structure Node$Address', '  Street -> Node$Address$Street', '  Zip -> Node$Address$Zip', 'integer Node$Address$Zip range [0..99999]',
      'timestamp Node$Created format date-time', 'timestamp Node$Updated format epoch-seconds',
      'blob Node$Payload', 'document Node$Metadata', 'double Node$Weight range [0..100)', '  Weight -> Node$Weight nullable',
      'enum Node$Status enum ["ACTIVE","RETIRED"] deprecated', 'intEnum Node$Level enum [1,2,3]', 'float Circle$Radius', 'long Square$Side',
      'string Node$Name length 1..64 pattern ^[a-z]+$',
    ]));
  });

  it('reads the greedy label, header and query lists, prefix headers, the payload and the response headers', () => {
    const start = printed.indexOf('operation PutObject PUT /objects/{Bucket}/{Key+} -> 200');
    expect(printed.slice(start, start + 12).join('\n')).toBe(
      [
        'operation PutObject PUT /objects/{Bucket}/{Key+} -> 200',
        '  input Bucket -> PutObject$input$Bucket required label(Bucket)',
        '  input Key -> PutObject$input$Key required label(Key+)',
        '  input Tags -> PutObject$input$Tags header(X-Tags)',
        '  input IfModifiedSince -> PutObject$input$IfModifiedSince header(If-Modified-Since)',
        '  input Metadata -> PutObject$input$Metadata prefixHeaders(x-meta-)',
        '  input Ids -> PutObject$input$Ids query(id)',
        '  input Content -> PutObject$input$Content required payload(application/octet-stream)',
        '  output Version -> Receipt$Version body(Version)',
        '  output ETag -> PutObject$output$ETag header(ETag)',
        '  output Expires -> PutObject$output$Expires header(X-Expires)',
        '  errors NotFound',
      ].join('\n'),
    );
    expect(printed).toEqual(expect.arrayContaining([
      'list PutObject$input$Tags', 'list PutObject$input$Ids length ..5 uniqueItems', 'long PutObject$input$Ids$member',
      'timestamp PutObject$input$IfModifiedSince format http-date', 'map PutObject$input$Metadata', 'blob PutObject$input$Content',
      'timestamp PutObject$output$Expires format date-time',
    ]));
  });

  it('reads the error with a body member and a header member', () => {
    expect(printed.slice(-3)).toEqual(['error NotFound 404 client', '  message -> NotFound$message body(message)', '  Resource -> NotFound$Resource header(X-Resource)']);
  });
});
