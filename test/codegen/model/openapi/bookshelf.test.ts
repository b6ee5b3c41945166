// The bookshelf model (test/fixtures/bookshelf.yaml), a plain OpenAPI 3.1 API of our own, read
// as a whole: every operation with its bindings, the errors its responses declare, bearer auth.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../../codegen/model/document.js';
import { readOpenApi } from '../../../../codegen/model/openapi/read.js';
import { printError, printOperation } from '../../../../codegen/model/print.js';
import { printedShapes } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const graph = readOpenApi(loadDocument(join(ROOT, 'test', 'fixtures', 'bookshelf.yaml'), ROOT));

describe('the bookshelf model (test/fixtures/bookshelf.yaml)', () => {
  it('names operations without operationId from method and path', () => {
    expect(graph.operations.map((o) => `${o.method} ${o.path} ${o.name}`)).toEqual([
      'GET /shelves ListShelves',
      'POST /shelves PostShelves',
      'GET /shelves/{shelfId}/books/{bookId} GetBook',
      'PUT /shelves/{shelfId}/books/{bookId} PutShelvesByShelfIdBooksByBookId',
      'DELETE /shelves/{shelfId}/books/{bookId} DeleteBook',
    ]);
  });

  it('reads a request with a nullable member and a bounded map, a 201 answer and three response errors', () => {
    expect(printOperation(graph.operations[1])).toEqual([
      'operation PostShelves POST /shelves -> 201',
      '  input name -> PostShelvesRequest$name required body(name)',
      '  input theme -> PostShelvesRequest$theme nullable body(theme)',
      '  input labels -> PostShelvesRequest$labels body(labels)',
      '  output id -> Shelf$id required body(id)',
      '  output name -> Shelf$name required body(name)',
      '  output theme -> Shelf$theme nullable body(theme)',
      '  output labels -> Shelf$labels body(labels)',
      '  output books -> Shelf$books body(books)',
      '  errors Problem400, ShelfExists, Problem500',
    ]);
    expect(printedShapes(graph, 'PostShelvesRequest$labels')).toBe(
      ['map PostShelvesRequest$labels length ..10', '  key -> PostShelvesRequest$labels$key', '  value -> PostShelvesRequest$labels$value', 'string PostShelvesRequest$labels$key', 'string PostShelvesRequest$labels$value length ..256'].join('\n'),
    );
  });

  it('reads nested objects, lists of structures, ranges, a nullable float and a tagged union', () => {
    expect(printedShapes(graph, 'Book').split('\n').filter((line) => !line.startsWith('string '))).toEqual([
      'structure Book',
      '  id -> Book$id',
      '  title -> Book$title required',
      '  authors -> Book$authors required',
      '  published -> Publication',
      '  rating -> Book$rating nullable',
      '  tags -> Book$tags',
      '  edition -> Edition',
      'list Book$authors length 1..20 uniqueItems',
      '  member -> Author',
      'float Book$rating range [0..5]',
      'list Book$tags',
      '  member -> Book$tags$member',
    ]);
    expect(printedShapes(graph, 'Publication')).toContain('integer Publication$year range [1450..2100]');
    expect(printedShapes(graph, 'Publication')).toContain('  month -> Publication$month nullable');
    expect(printedShapes(graph, 'Author')).toContain('timestamp Author$born format date-time');
    expect(printedShapes(graph, 'Edition').split('\n').slice(0, 3)).toEqual(['union Edition', '  print -> Edition$print', '  ebook -> Edition$ebook']);
  });

  it('declares an error per response schema, named from the schema, with status and fault', () => {
    expect([...graph.errors.values()].map((e) => printError(e)[0]).sort()).toEqual([
      'error NotFound 404 client',
      'error Problem400 400 client',
      'error Problem500 500 server',
      'error ShelfExists 409 client',
    ]);
    expect(graph.operations.map((o) => o.errors.map((e) => e.name).join(' '))).toEqual(['Problem500', 'Problem400 ShelfExists Problem500', 'NotFound', 'Problem400 NotFound', 'NotFound']);
  });

  it('authenticates with a bearer token, not SigV4', () => {
    expect(graph.service.auth).toEqual([{ kind: 'bearer' }]);
    expect(graph.service.signingName).toBeUndefined();
    expect(graph.service.endpoint).toEqual({ url: 'https://api.bookshelf.example/v1', defaults: {} });
  });
});
