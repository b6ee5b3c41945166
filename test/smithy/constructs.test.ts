// The IDL reader, construct by construct: IDL text in, the JSON AST the Smithy CLI writes out.
// Each `want` is the whole `shapes` map (or the named part of the AST), compared exactly.

import { describe, expect, it } from 'vitest';
import { readIdl } from '../../codegen/smithy/load.js';
import { header, shapeCases, traitCases } from './cases.js';

describe('the IDL reader gives the JSON AST of each construct', () => {
  it.each(shapeCases)('$name', ({ given, want }) => {
    expect(readIdl(header + given).shapes).toEqual(want);
  });
});

describe('trait values', () => {
  it.each(traitCases)('$name', ({ given, want }) => {
    expect(readIdl(header + given).shapes['smithy.example#X'].traits).toEqual(want);
  });
});

describe('control section and metadata', () => {
  it('writes smithy 2.0 and metadata, with unquoted metadata values resolved against the prelude', () => {
    const ast = readIdl('$version: "2"\nmetadata greeting = "hello"\nmetadata "stringList" = ["a", "b", "c"]\nmetadata foo = { String: String }\n');
    expect(ast).toEqual({ smithy: '2.0', metadata: { greeting: 'hello', stringList: ['a', 'b', 'c'], foo: { String: 'smithy.api#String' } }, shapes: {} });
  });

  it('names inline input and output with $operationInputSuffix and $operationOutputSuffix', () => {
    const ast = readIdl('$version: "2"\n$operationInputSuffix: "Request"\n$operationOutputSuffix: "Response"\nnamespace smithy.example\noperation GetUser { input := {}\n output := {} }');
    expect(Object.keys(ast.shapes)).toEqual(['smithy.example#GetUser', 'smithy.example#GetUserRequest', 'smithy.example#GetUserResponse']);
    expect(ast.shapes['smithy.example#GetUser']).toEqual({ type: 'operation', input: { target: 'smithy.example#GetUserRequest' }, output: { target: 'smithy.example#GetUserResponse' } });
  });

  it('ignores unknown control statements', () => {
    expect(readIdl('$version: "2"\n$somethingNew: [1]\nnamespace a.b\nstring X').shapes).toEqual({ 'a.b#X': { type: 'string' } });
  });
});
