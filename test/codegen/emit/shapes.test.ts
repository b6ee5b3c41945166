// Types for every shape (codegen/emit/types/shapes.ts): { given: a body schema, want: the
// declarations the client's and server's models.ts print for it }.

import { describe, expect, it } from 'vitest';
import { emitModels } from '../../../codegen/emit/client/models.js';
import { HEADER, thingModel, view } from './helpers.js';

const declarations = (properties: Record<string, unknown>, schemas: Record<string, unknown> = {}) => {
  const fragment = thingModel({ properties });
  fragment.schemas = { ...fragment.schemas, ...schemas };
  const text = emitModels(view(fragment), HEADER).content;
  return text.slice(HEADER.length + 1, text.indexOf('/** Input of PutThing. */')).trim();
};
const request = (properties: Record<string, unknown>, schemas: Record<string, unknown> = {}) => {
  const fragment = thingModel({ properties });
  fragment.schemas = { ...fragment.schemas, ...schemas };
  const text = emitModels(view(fragment), HEADER).content;
  return text.slice(text.indexOf('export interface PutThingRequest {'), text.indexOf('/** Output of PutThing. */')).trim();
};

describe('types of members, written in place', () => {
  it.each([
    { name: 'a list is an array', given: { type: 'array', items: { type: 'string' } }, want: 'string[]' },
    { name: 'a list of lists', given: { type: 'array', items: { type: 'array', items: { type: 'integer' } } }, want: 'number[][]' },
    { name: 'a sparse list keeps its nulls', given: { type: 'array', 'x-sparse': true, items: { type: 'string' } }, want: '(string | null)[]' },
    { name: 'a map is a Record', given: { type: 'object', additionalProperties: { type: 'boolean' } }, want: 'Record<string, boolean>' },
    { name: 'a sparse map keeps its nulls', given: { type: 'object', 'x-sparse': true, additionalProperties: { type: 'integer' } }, want: 'Record<string, number | null>' },
    { name: 'a timestamp is a Date, in any format', given: { type: 'number', 'x-timestamp-format': 'epoch-seconds' }, want: 'Date' },
    { name: 'a blob is bytes', given: { type: 'string', format: 'byte' }, want: 'Uint8Array' },
    { name: 'a long is a number, as in SDK v3', given: { type: 'integer', format: 'int64' }, want: 'number' },
    { name: 'a bigInteger is a bigint', given: { type: 'integer', format: 'big-integer' }, want: 'bigint' },
    { name: 'a bigDecimal is a NumericValue, as in SDK v3', given: { type: 'number', format: 'big-decimal' }, want: 'NumericValue' },
    { name: 'a document is a JSON value', given: {}, want: 'DocumentType' },
  ])('$name: $want', ({ given, want }) => {
    expect(request({ Member: given })).toContain(`  Member?: ${want} | undefined;`);
  });
});

describe('declarations', () => {
  it.each([
    {
      name: 'a nested structure is an interface, required members without `?`',
      given: { Address: { type: 'object', required: ['Street'], properties: { Street: { type: 'string', description: 'The street.' }, Zip: { type: 'integer', minimum: 0, maximum: 99999 } } } },
      want: ['export interface Address {', '  /** The street. */', '  Street: string;', '  /** Range: 0 to 99999. */', '  Zip?: number | undefined;', '}'].join('\n'),
    },
    {
      name: 'a recursive structure refers to itself by name',
      given: { Root: { $ref: '#/components/schemas/Tree' } },
      schemas: { Tree: { type: 'object', properties: { Children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } } },
      want: ['export interface Tree {', '  Children?: Tree[] | undefined;', '}'].join('\n'),
    },
    {
      name: 'a union is a tagged object union with $unknown',
      given: { Shape: { oneOf: [{ $ref: '#/components/schemas/Circle' }, { title: 'Name', type: 'string' }] } },
      schemas: { Circle: { type: 'object', properties: { Radius: { type: 'number' } } } },
      want: [
        '/**',
        ' * Exactly one member is set; a member this side does not know arrives as `$unknown`: its name and value.',
        ' */',
        'export type Shape =',
        '  | { Circle: Circle; Name?: never; $unknown?: never }',
        '  | { Name: string; Circle?: never; $unknown?: never }',
        '  | { $unknown: [string, unknown]; Circle?: never; Name?: never };',
      ].join('\n'),
    },
    {
      name: 'an enum is a const object and a literal union; an intEnum a literal union',
      given: { Mode: { type: 'string', enum: ['fast', 'with space'] }, Level: { type: 'integer', enum: [1, 2] } },
      want: ['/** The values Mode accepts. */', 'export const Mode = {', "  fast: 'fast',", '  "with space": \'with space\',', '} as const;', 'export type Mode = (typeof Mode)[keyof typeof Mode];', '/** The values Level accepts. */', 'export type Level = 1 | 2;'].join('\n'),
    },
    {
      name: 'a document declares the JSON value type once',
      given: { A: {}, B: { type: 'array', items: {} } },
      want: ['/** A document: any JSON value, carried as it is. */', 'export type DocumentType = null | boolean | number | string | DocumentType[] | { [key: string]: DocumentType };'].join('\n'),
    },
    {
      name: 'two different inline structures under one member name get their parent in front',
      given: { A: { type: 'object', properties: { Item: { type: 'object', properties: { X: { type: 'string' } } } } }, B: { type: 'object', properties: { Item: { type: 'object', properties: { Y: { type: 'string' } } } } } },
      want: 'export interface PutThingAItem {',
    },
  ])('$name', ({ given, schemas, want }) => {
    expect(declarations(given, schemas)).toContain(want);
  });

  it('a big decimal is imported from @smithy/core/serde', () => {
    expect(declarations({ D: { type: 'number', format: 'big-decimal' } })).toBe("import type { NumericValue } from '@smithy/core/serde';");
  });
});
