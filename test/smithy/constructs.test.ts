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

describe('the order the Smithy CLI writes', () => {
  it('sorts lists of shape ids (ignoring case first), traits by id and metadata keys at every depth; keeps member and mixin order', () => {
    const ast = readIdl(`$version: "2"
metadata m = { b: 1, a: { d: 2, c: 3 } }
namespace smithy.example
@mixin
structure Z {}
@mixin
structure A {}
@sensitive
@documentation("d")
structure S with [Z, A] { z: String, a: String }
service Svc { operations: [beta, Alpha, alpha, Gamma] }
operation Op { errors: [E2, e1] }`);
    expect(Object.keys(ast.metadata!.m as object)).toEqual(['a', 'b']);
    expect(Object.keys((ast.metadata!.m as Record<string, object>).a)).toEqual(['c', 'd']);
    expect(Object.keys(ast.shapes['smithy.example#S'].traits!)).toEqual(['smithy.api#documentation', 'smithy.api#sensitive']);
    expect(Object.keys(ast.shapes['smithy.example#S'].members!)).toEqual(['z', 'a']);
    expect(ast.shapes['smithy.example#S'].mixins).toEqual([{ target: 'smithy.example#Z' }, { target: 'smithy.example#A' }]);
    expect(ast.shapes['smithy.example#Svc'].operations!.map((r) => r.target)).toEqual(['smithy.example#Alpha', 'smithy.example#alpha', 'smithy.example#beta', 'smithy.example#Gamma']);
    expect(ast.shapes['smithy.example#Op'].errors!.map((r) => r.target)).toEqual(['smithy.example#e1', 'smithy.example#E2']);
  });
});
