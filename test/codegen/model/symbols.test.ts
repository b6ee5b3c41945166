// The symbol table: every generated name spelled once, reserved words escaped, collisions
// resolved, and the TypeScript type of each member. Mirrors codegen/model/symbols.ts.

import { describe, expect, it } from 'vitest';
import { constantCase, identifier, propertyName, SymbolTable, typeName } from '../../../codegen/model/symbols.js';
import { bodyOperation, read } from './helpers.js';

describe('spelling rules', () => {
  it.each([
    { rule: 'identifier', given: 'class', want: 'classValue' },
    { rule: 'identifier', given: 'item-id', want: 'item_id' },
    { rule: 'identifier', given: '3d', want: '_3d' },
    { rule: 'identifier', given: 'input', want: 'inputValue' },
    { rule: 'typeName', given: 'class', want: 'Class' },
    { rule: 'typeName', given: 'item-id', want: 'ItemId' },
    { rule: 'typeName', given: '3d', want: 'T3d' },
    { rule: 'constantCase', given: 'ItemId', want: 'ITEM_ID' },
    { rule: 'constantCase', given: 'item-id', want: 'ITEM_ID' },
    { rule: 'constantCase', given: 'ARNValue', want: 'ARN_VALUE' },
    { rule: 'propertyName', given: 'item-id', want: '"item-id"' },
    { rule: 'propertyName', given: 'default', want: 'default' },
  ])('$rule($given) is $want', ({ rule, given, want }) => {
    const rules: Record<string, (name: string) => string> = { identifier, typeName, constantCase, propertyName };
    expect(rules[rule](given)).toBe(want);
  });
});

describe('names that depend on the model', () => {
  const graph = read({
    paths: {
      ...bodyOperation({ type: 'object', properties: { ItemId: { type: 'string' }, 'item-id': { type: 'string' }, Mode: { type: 'string', enum: ['A'] }, class: { type: 'string', enum: ['X'] } } }),
      '/other': {
        post: {
          operationId: 'Other',
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { Mode: { type: 'string', enum: ['B'] } } } } } },
          responses: { '200': { description: 'OK' } },
        },
      },
    },
  });
  const symbols = new SymbolTable(graph);

  it.each([
    { name: 'constants of colliding members are numbered', got: () => [symbols.memberConstant('Op', 'ItemId'), symbols.memberConstant('Op', 'item-id')], want: ['ITEM_ID', 'ITEM_ID_2'] },
    { name: 'locals are distinct', got: () => [symbols.memberLocal('Op', 'ItemId'), symbols.memberLocal('Op', 'item-id'), symbols.memberLocal('Op', 'class')], want: ['itemId', 'item_id', 'classValue'] },
    { name: 'enums with different values under one member name get the operation in front', got: () => [symbols.enumType('Op', 'input', 'Mode'), symbols.enumType('Other', 'input', 'Mode')], want: ['OpMode', 'OtherMode'] },
    { name: 'an enum on a member named class is the type Class', got: () => [symbols.enumType('Op', 'input', 'class')], want: ['Class'] },
  ])('$name', ({ got, want }) => {
    expect(got()).toEqual(want);
  });

  it.each([
    { given: { type: 'array', items: { type: 'string' } }, want: 'string[]' },
    { given: { type: 'array', items: { type: 'array', items: { type: 'integer' } } }, want: 'number[][]' },
    { given: { type: 'object', additionalProperties: { type: 'boolean' } }, want: 'Record<string, boolean>' },
    { given: { type: 'object', properties: {} }, want: 'S' },
    { given: { type: 'string', format: 'date-time' }, want: 'Date' },
    { given: { type: 'string', format: 'byte' }, want: 'Uint8Array' },
    { given: { type: 'integer', format: 'int64' }, want: 'number' },
    { given: {}, want: 'DocumentType' },
  ])('the TypeScript type of $given is $want', ({ given, want }) => {
    const g = read({ schemas: { S: given } });
    expect(new SymbolTable(g).shapeType('S')).toBe(want);
  });
});
