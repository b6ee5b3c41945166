// The JSON AST → IDL printer: the text it writes for each kind of shape, and that reading the text
// back gives the AST it was printed from, for every construct of the reader's tables.

import { describe, expect, it } from 'vitest';
import type { SmithyAst } from '../../codegen/smithy/ast.js';
import { assembleTexts, readIdl } from '../../codegen/smithy/load.js';
import { printIdl } from '../../codegen/smithy/print.js';
import { header, shapeCases } from './cases.js';

const roundTrip = (ast: SmithyAst) => assembleTexts(printIdl(ast).map((f) => ({ file: `${f.namespace || 'metadata'}.smithy`, text: f.text })));

describe('printed IDL reads back to the same JSON AST', () => {
  it.each(shapeCases)('$name', ({ given }) => {
    const ast = readIdl(header + given);
    expect(roundTrip(ast)).toEqual(ast);
  });

  it('metadata, and strings that look like shape ids, keywords or hold escapes', () => {
    const ast: SmithyAst = {
      smithy: '2.0',
      metadata: { 'a-b': ['x', { 'true': 'null', k: 'smithy.api#String' }] },
      shapes: {
        'a.b#S': { type: 'string', traits: { 'smithy.api#documentation': 'tab\there\r\nand "quotes" \\ \u2028 \ud83d\ude00', 'smithy.api#pattern': 'String' } },
      },
    };
    expect(roundTrip(ast)).toEqual(ast);
  });
});

describe('the printed text', () => {
  const print = (given: string) => printIdl(readIdl(header + given))[0].text;

  it('a structure: documentation comments, annotation traits bare, defaults as `= value`, prelude names short', () => {
    expect(print('/// A user.\n///\n///  Indented.\nstructure User {\n  /// The id.\n  @required\n  id: String\n  age: Integer = 0\n}')).toBe([
      '$version: "2.0"',
      '',
      'namespace smithy.example',
      '',
      '/// A user.',
      '///',
      '///  Indented.',
      'structure User {',
      '    /// The id.',
      '    @required',
      '    id: String',
      '',
      '    age: Integer = 0',
      '}',
      '',
    ].join('\n'));
  });

  it('enums with values, an operation, a service, a resource (in shape id order); foreign names imported with use', () => {
    const text = print([
      'use aws.api#arn',
      'enum E { A = "a"\n B }',
      'intEnum N { ONE = 1 }',
      '@http(method: "GET", uri: "/x")\n@arn(template: "x/{Id}")\noperation Op { input: In\n errors: [Oops] }',
      'structure In {}\n@error("client")\nstructure Oops {}',
      'service Svc { version: "1", operations: [Op], rename: { "other.ns#In": "OtherIn" } }',
      'resource R { identifiers: { id: String }, read: Op }',
    ].join('\n'));
    expect(text).toBe([
      '$version: "2.0"',
      '',
      'namespace smithy.example',
      '',
      'use aws.api#arn',
      '',
      'enum E {',
      '    A = "a"',
      '    B',
      '}',
      '',
      'structure In {}',
      '',
      'intEnum N {',
      '    ONE = 1',
      '}',
      '',
      '@error("client")',
      'structure Oops {}',
      '',
      '@arn(template: "x/{Id}")',
      '@http(method: "GET", uri: "/x")',
      'operation Op {',
      '    input: In',
      '    output: Unit',
      '    errors: [Oops]',
      '}',
      '',
      'resource R {',
      '    identifiers: { id: String }',
      '    read: Op',
      '}',
      '',
      'service Svc {',
      '    version: "1"',
      '    operations: [Op]',
      '    rename: { "other.ns#In": "OtherIn" }',
      '}',
      '',
    ].join('\n'));
  });

  it('writes an @input/@output structure used by one operation in place, naming the suffix once', () => {
    const text = print([
      'operation GetThing { input: GetThingRequest, output: GetThingResponse }',
      '@input\nstructure GetThingRequest { @required\n id: String }',
      '@output\nstructure GetThingResponse {}',
      'operation PutThing { input: PutThingRequest, output: Shared }',
      '@input\nstructure PutThingRequest with [Base] {}',
      '@mixin\nstructure Base { id: String }',
      '/// Documented, so written on its own.\n@output\nstructure Shared {}',
    ].join('\n'));
    expect(text).toBe([
      '$version: "2.0"',
      '$operationInputSuffix: "Request"',
      '$operationOutputSuffix: "Response"',
      '',
      'namespace smithy.example',
      '',
      '@mixin',
      'structure Base {',
      '    id: String',
      '}',
      '',
      'operation GetThing {',
      '    input := {',
      '        @required',
      '        id: String',
      '    }',
      '    output := {}',
      '}',
      '',
      'operation PutThing {',
      '    input := with [Base] {}',
      '    output: Shared',
      '}',
      '',
      '/// Documented, so written on its own.',
      '@output',
      'structure Shared {}',
      '',
    ].join('\n'));
    expect(readIdl(text)).toEqual(readIdl(header + 'operation GetThing { input: GetThingRequest, output: GetThingResponse }\n@input\nstructure GetThingRequest { @required\n id: String }\n@output\nstructure GetThingResponse {}\noperation PutThing { input: PutThingRequest, output: Shared }\n@input\nstructure PutThingRequest with [Base] {}\n@mixin\nstructure Base { id: String }\n/// Documented, so written on its own.\n@output\nstructure Shared {}'));
  });

  it('spells a prelude name in full where the namespace defines the same name', () => {
    const ast: SmithyAst = { smithy: '2.0', shapes: {
      'a.b#String': { type: 'string' },
      'a.b#S': { type: 'structure', members: { mine: { target: 'a.b#String' }, prelude: { target: 'smithy.api#String' } } },
    } };
    expect(printIdl(ast)[0].text).toContain('    mine: String\n    prelude: smithy.api#String\n');
    expect(roundTrip(ast)).toEqual(ast);
  });

  it('long values break over lines', () => {
    const text = print('@foo(["a very long string value number one", "a very long string value number two", "three is long too"])\nstring X\n@trait\nlist foo { member: String }');
    expect(text).toContain('@foo([\n    "a very long string value number one"\n    "a very long string value number two"\n    "three is long too"\n])\nstring X');
  });
});
