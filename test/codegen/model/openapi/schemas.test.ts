// The reader, one schema construct at a time: { given: a schema, want: the printed shapes }.
// Mirrors codegen/model/openapi/schemas.ts.

import { describe, expect, it } from 'vitest';
import { printedShapes, read } from '../helpers.js';

interface Case {
  name: string;
  openapi?: string;
  given: Record<string, unknown>;
  want: string;
}

const cases: Case[] = [
  { name: 'a string with length and pattern', given: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z]+$' }, want: 'string S length 1..64 pattern ^[a-z]+$' },
  { name: 'a string enum', given: { type: 'string', enum: ['A', 'B'] }, want: 'enum S enum ["A","B"]' },
  { name: 'an enum without `type`', given: { enum: ['A', 'B'] }, want: 'enum S enum ["A","B"]' },
  { name: 'an integer enum', given: { type: 'integer', enum: [1, 2] }, want: 'intEnum S enum [1,2]' },
  { name: 'a boolean', given: { type: 'boolean' }, want: 'boolean S' },
  { name: 'int8 is a byte', given: { type: 'integer', format: 'int8' }, want: 'byte S' },
  { name: 'int16 is a short', given: { type: 'integer', format: 'int16' }, want: 'short S' },
  { name: 'int32 is an integer', given: { type: 'integer', format: 'int32' }, want: 'integer S' },
  { name: 'int64 is a long', given: { type: 'integer', format: 'int64' }, want: 'long S' },
  { name: 'an integer without format', given: { type: 'integer' }, want: 'integer S' },
  { name: 'big-integer', given: { type: 'integer', format: 'big-integer' }, want: 'bigInteger S' },
  { name: 'float', given: { type: 'number', format: 'float' }, want: 'float S' },
  { name: 'a number without format is a double', given: { type: 'number' }, want: 'double S' },
  { name: 'big-decimal', given: { type: 'number', format: 'big-decimal' }, want: 'bigDecimal S' },
  { name: 'a 3.1 range with exclusive bounds as numbers', given: { type: 'integer', exclusiveMinimum: 0, maximum: 10 }, want: 'integer S range (0..10]' },
  { name: 'a 3.0 range with exclusive bounds as flags', openapi: '3.0.3', given: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true }, want: 'integer S range (0..10)' },
  { name: 'date-time is a timestamp', given: { type: 'string', format: 'date-time' }, want: 'timestamp S format date-time' },
  { name: 'an HTTP-date timestamp', given: { type: 'string', 'x-timestamp-format': 'http-date' }, want: 'timestamp S format http-date' },
  { name: 'an epoch-seconds timestamp', given: { type: 'number', 'x-timestamp-format': 'epoch-seconds' }, want: 'timestamp S format epoch-seconds' },
  { name: 'a string holding JSON (contentMediaType; Smithy\'s @mediaType)', given: { type: 'string', contentMediaType: 'application/json' }, want: 'string S mediaType application/json' },
  { name: 'base64 text is a blob', given: { type: 'string', format: 'byte' }, want: 'blob S' },
  { name: 'binary is a blob', given: { type: 'string', format: 'binary', maxLength: 10 }, want: 'blob S length ..10' },
  { name: 'an empty schema is a document', given: {}, want: 'document S' },
  { name: 'several types are a document', given: { type: ['string', 'number'] }, want: 'document S' },
  {
    name: 'a nested structure',
    given: { type: 'object', required: ['A'], properties: { A: { type: 'string' }, B: { type: 'object', properties: { C: { type: 'boolean' } } } } },
    want: ['structure S', '  A -> S$A required', '  B -> S$B', 'string S$A', 'structure S$B', '  C -> S$B$C', 'boolean S$B$C'].join('\n'),
  },
  {
    name: 'a list with item count and uniqueness',
    given: { type: 'array', items: { type: 'string', maxLength: 3 }, minItems: 1, maxItems: 5, uniqueItems: true },
    want: ['list S length 1..5 uniqueItems', '  member -> S$member', 'string S$member length ..3'].join('\n'),
  },
  {
    name: 'a map from additionalProperties, keys constrained by propertyNames',
    given: { type: 'object', additionalProperties: { type: 'integer' }, propertyNames: { pattern: '^[A-Z]+$' }, maxProperties: 4 },
    want: ['map S length ..4', '  key -> S$key', '  value -> S$value', 'string S$key pattern ^[A-Z]+$', 'integer S$value'].join('\n'),
  },
  {
    name: 'a union of inline alternatives named by title',
    given: { oneOf: [{ title: 'Text', type: 'string' }, { title: 'Count', type: 'integer' }] },
    want: ['union S', '  Text -> S$Text', '  Count -> S$Count', 'integer S$Count', 'string S$Text'].join('\n'),
  },
  { name: 'a deprecated shape', given: { type: 'string', deprecated: true }, want: 'string S deprecated' },
];

describe('schema → shape', () => {
  it.each(cases)('$name', ({ given, want, openapi }) => {
    expect(printedShapes(read({ openapi, schemas: { S: given } }), 'S')).toBe(want);
  });
});

describe('members', () => {
  const member = (property: Record<string, unknown>, openapi = '3.1.0') => read({ openapi, schemas: { S: { type: 'object', properties: { M: property } } } }).shapes.get('S');
  const only = (property: Record<string, unknown>, openapi?: string) => {
    const shape = member(property, openapi);
    return shape?.kind === 'structure' ? shape.members[0] : undefined;
  };

  it.each([
    { name: '3.1: a type list with null', openapi: '3.1.0', given: { type: ['string', 'null'] }, want: { nullable: true, kind: 'string' } },
    { name: '3.0: nullable: true', openapi: '3.0.3', given: { type: 'string', nullable: true }, want: { nullable: true, kind: 'string' } },
    { name: 'oneOf with a null alternative', openapi: '3.1.0', given: { oneOf: [{ type: 'integer' }, { type: 'null' }] }, want: { nullable: true, kind: 'integer' } },
    { name: 'neither', openapi: '3.1.0', given: { type: 'string' }, want: { nullable: false, kind: 'string' } },
  ])('nullable, $name', ({ given, openapi, want }) => {
    const graph = read({ openapi, schemas: { S: { type: 'object', properties: { M: given } } } });
    const m = only(given, openapi)!;
    expect({ nullable: m.nullable, kind: graph.shapes.get(m.target)!.kind }).toEqual(want);
  });

  it('keeps a default and the documentation next to a $ref over the target\'s', () => {
    const graph = read({
      schemas: {
        T: { type: 'string', description: 'The target.' },
        S: { type: 'object', properties: { A: { $ref: '#/components/schemas/T', description: 'This use.' }, B: { $ref: '#/components/schemas/T' }, C: { type: 'string', default: 'x' } } },
      },
    });
    const shape = graph.shapes.get('S');
    expect(shape?.kind === 'structure' && shape.members.map((m) => [m.name, m.target, m.documentation, m.default])).toEqual([
      ['A', 'T', 'This use.', undefined],
      ['B', 'T', 'The target.', undefined],
      ['C', 'S$C', undefined, 'x'],
    ]);
  });

  it('reads a recursive structure without looping: members refer to it by id', () => {
    const graph = read({ schemas: { Tree: { type: 'object', properties: { Children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } }, Parent: { $ref: '#/components/schemas/Tree' } } } } });
    expect(printedShapes(graph, 'Tree')).toBe(['structure Tree', '  Children -> Tree$Children', '  Parent -> Tree', 'list Tree$Children', '  member -> Tree'].join('\n'));
  });

  it('keeps where every shape and member came from', () => {
    const graph = read({ schemas: { S: { type: 'object', properties: { A: { type: 'array', items: { type: 'string' } } } } } });
    expect(graph.shapes.get('S$A$member')!.origin).toEqual({ document: 'given.yaml', pointer: '/components/schemas/S/properties/A/items' });
    const shape = graph.shapes.get('S');
    expect(shape?.kind === 'structure' && shape.members[0].origin.pointer).toBe('/components/schemas/S/properties/A');
  });
});
