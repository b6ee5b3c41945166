// The reader on plain (non-AWS) OpenAPI: { given: a document fragment, want: the printed graph }.
// Mirrors codegen/model/openapi/schemas.ts (tagged unions, member traits), operation-name.ts
// (operations without operationId) and response-errors.ts (errors declared as responses).

import { describe, expect, it } from 'vitest';
import { printError } from '../../../../codegen/model/print.js';
import { derivedOperationName } from '../../../../codegen/model/openapi/operation-name.js';
import { printedOperation, printedShapes, read, type Fragment } from '../helpers.js';

const ok = { '200': { description: 'OK' } };
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

describe('schemas a plain OpenAPI document uses', () => {
  it.each([
    {
      name: 'an array of nested objects',
      openapi: '3.1.0',
      given: { type: 'array', items: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } },
      want: ['list S', '  member -> S$member', 'structure S$member', '  n -> S$member$n required', 'integer S$member$n'],
    },
    {
      name: 'an additionalProperties map of arrays',
      openapi: '3.1.0',
      given: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
      want: ['map S', '  key -> S$key', '  value -> S$value', 'string S$key', 'list S$value', '  member -> S$value$member', 'string S$value$member'],
    },
    {
      name: '3.1 nullable members: a type array with null, a oneOf with a null alternative',
      openapi: '3.1.0',
      given: { type: 'object', properties: { a: { type: ['string', 'null'] }, b: { oneOf: [{ type: 'integer', maximum: 3 }, { type: 'null' }] }, c: { type: ['object', 'null'], properties: { d: { type: 'boolean' } } } } },
      want: ['structure S', '  a -> S$a nullable', '  b -> S$b nullable', '  c -> S$c nullable', 'string S$a', 'integer S$b range [..3]', 'structure S$c', '  d -> S$c$d', 'boolean S$c$d'],
    },
    {
      name: '3.0 nullable members',
      openapi: '3.0.3',
      given: { type: 'object', properties: { a: { type: 'string', nullable: true }, b: { type: 'array', nullable: true, items: { type: 'number' } } } },
      want: ['structure S', '  a -> S$a nullable', '  b -> S$b nullable', 'string S$a', 'list S$b', '  member -> S$b$member', 'double S$b$member'],
    },
    {
      name: 'a oneOf in the tagged form is a union of the tags',
      openapi: '3.1.0',
      given: {
        type: 'object',
        oneOf: [
          { type: 'object', required: ['text'], properties: { text: { type: 'string' } }, additionalProperties: false },
          { type: 'object', required: ['count'], properties: { count: { type: 'integer', minimum: 0 } }, additionalProperties: false },
        ],
      },
      want: ['union S', '  text -> S$text', '  count -> S$count', 'integer S$count range [0..]', 'string S$text'],
    },
    {
      name: 'a oneOf whose alternatives are not tagged keeps one member per alternative',
      openapi: '3.1.0',
      given: { oneOf: [{ title: 'Pair', type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } }, { title: 'Word', type: 'string' }] },
      want: ['union S', '  Pair -> S$Pair', '  Word -> S$Word', 'structure S$Pair', '  a -> S$Pair$a', '  b -> S$Pair$b', 'string S$Pair$a', 'string S$Pair$b', 'string S$Word'],
    },
    {
      name: 'member traits: a JSON key, a timestamp format beside a $ref, an idempotency token, sparse lists and maps',
      openapi: '3.1.0',
      given: {
        type: 'object',
        properties: {
          Name: { type: 'string', 'x-json-name': 'name' },
          At: { $ref: '#/components/schemas/When', 'x-timestamp-format': 'http-date' },
          Token: { type: 'string', 'x-idempotency-token': true },
          Gaps: { type: 'array', 'x-sparse': true, items: { type: ['string', 'null'] } },
          Holes: { type: 'object', 'x-sparse': true, additionalProperties: { type: ['integer', 'null'] } },
        },
      },
      want: [
        'structure S',
        '  Name -> S$Name jsonName(name)',
        '  At -> When timestampFormat(http-date)',
        '  Token -> S$Token idempotencyToken',
        '  Gaps -> S$Gaps',
        '  Holes -> S$Holes',
        'list S$Gaps sparse',
        '  member -> S$Gaps$member nullable',
        'string S$Gaps$member',
        'map S$Holes sparse',
        '  key -> S$Holes$key',
        '  value -> S$Holes$value nullable',
        'string S$Holes$key',
        'integer S$Holes$value',
        'string S$Name',
        'string S$Token',
      ],
    },
  ])('$name', ({ openapi, given, want }) => {
    const graph = read({ openapi, schemas: { S: given, When: { type: 'string', format: 'date-time' } } });
    expect(printedShapes(graph, 'S')).toBe(want.join('\n'));
  });
});

describe('operations without operationId get a name derived from method and path', () => {
  it.each([
    { given: ['get', '/shelves'], want: 'GetShelves' },
    { given: ['get', '/shelves/{shelfId}/books'], want: 'GetShelvesByShelfIdBooks' },
    { given: ['delete', '/shelves/{shelfId}/books/{bookId}'], want: 'DeleteShelvesByShelfIdBooksByBookId' },
    { given: ['put', '/objects/{key+}'], want: 'PutObjectsByKey' },
    { given: ['post', '/'], want: 'PostRoot' },
    { given: ['patch', '/book-reviews/v1.2/by_author'], want: 'PatchBookReviewsV12ByAuthor' },
  ])('$given.0 $given.1 → $want', ({ given: [method, path], want }) => {
    expect(derivedOperationName(method, path)).toBe(want);
  });

  it('the derived name is the operation\'s, with its bindings, beside operations that have an operationId', () => {
    const graph = read({ paths: { '/shelves/{shelfId}': { get: { parameters: [{ name: 'shelfId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok }, delete: { operationId: 'RemoveShelf', responses: ok } } } });
    expect(graph.operations.map((o) => o.name)).toEqual(['GetShelvesByShelfId', 'RemoveShelf']);
    expect(printedOperation(graph, 'GetShelvesByShelfId')).toBe(['operation GetShelvesByShelfId GET /shelves/{shelfId} -> 200', '  input shelfId -> GetShelvesByShelfId$input$shelfId required label(shelfId)'].join('\n'));
  });
});

describe('errors declared as 4xx/5xx responses with a schema', () => {
  const cases: { name: string; given: Fragment; want: string[] }[] = [
    {
      name: 'a component schema used for one status is the error of its name',
      given: { schemas: { NotFound: { type: 'object', properties: { message: { type: 'string' } } } }, paths: { '/a': { get: { operationId: 'Op', responses: { ...ok, '404': { description: 'gone', ...json({ $ref: '#/components/schemas/NotFound' }) } } } } } },
      want: ['error NotFound 404 client', '  message -> NotFound$message body(message)'],
    },
    {
      name: 'a component schema used for several statuses is one error per status',
      given: {
        schemas: { Problem: { type: 'object', properties: { detail: { type: 'string' } } } },
        paths: { '/a': { get: { operationId: 'Op', responses: { ...ok, '400': { description: 'bad', ...json({ $ref: '#/components/schemas/Problem' }) }, '503': { description: 'down', ...json({ $ref: '#/components/schemas/Problem' }) } } } } },
      },
      want: ['error Problem400 400 client', '  detail -> Problem$detail body(detail)', 'error Problem503 503 server', '  detail -> Problem$detail body(detail)'],
    },
    {
      name: 'an inline schema is named by its title, else by operation and status',
      given: {
        paths: {
          '/a': {
            get: {
              operationId: 'Op',
              responses: { ...ok, '409': { description: 'clash', ...json({ title: 'Clash', type: 'object', required: ['id'], properties: { id: { type: 'string' } } }) }, '429': { description: 'slow down', ...json({ type: 'object', properties: { retryAfter: { type: 'integer' } } }) } },
            },
          },
        },
      },
      want: ['error Clash 409 client', '  id -> Clash$id required body(id)', 'error Op429Error 429 client', '  retryAfter -> Op429Error$retryAfter body(retryAfter)'],
    },
    {
      name: 'an x-error schema stays the error it declares; a response without a schema declares none',
      given: {
        schemas: { Denied: { type: 'object', 'x-error': { status: 403, fault: 'client' }, properties: { Message: { type: 'string' } } } },
        paths: { '/a': { get: { operationId: 'Op', 'x-errors': ['Denied'], responses: { ...ok, '403': { description: 'no', ...json({ oneOf: [{ $ref: '#/components/schemas/Denied' }] }) }, '500': { description: 'oops' } } } } },
      },
      want: ['error Denied 403 client', '  Message -> Denied$Message body(Message)'],
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    const graph = read(given);
    expect([...graph.errors.values()].flatMap(printError)).toEqual(want);
    // The operation lists each error once, and its response names it.
    const operation = graph.operations[0];
    expect(operation.errors.map((e) => e.name)).toEqual([...graph.errors.keys()]);
    expect(operation.responses.filter((r) => /^[45]/.test(r.status)).flatMap((r) => r.errors)).toEqual([...graph.errors.keys()]);
  });
});
