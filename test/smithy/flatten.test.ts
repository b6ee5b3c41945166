// Mixins flattened for readers that want complete shapes: inherited members and traits in place,
// mixin shapes gone. The importer reads models this way.

import { describe, expect, it } from 'vitest';
import { flattenMixins } from '../../codegen/smithy/flatten.js';
import { readIdl } from '../../codegen/smithy/load.js';
import { importSmithy } from '../../codegen/import/smithy.js';

const header = '$version: "2"\nnamespace ex\n';
const S = 'smithy.api#String';

const cases: { name: string; given: string; want: Record<string, unknown> }[] = [
  {
    name: 'members of the mixins come first, in mixin order; traits of the mixin are inherited, @mixin and localTraits are not',
    given: '@mixin(localTraits: [internal])\n@internal\n@sensitive\nstructure A { a: String }\n@mixin\nstructure B { b: Integer }\n@documentation("own")\nstructure C with [A, B] { c: String }',
    want: {
      'ex#C': {
        type: 'structure',
        members: { a: { target: S }, b: { target: 'smithy.api#Integer' }, c: { target: S } },
        traits: { 'smithy.api#sensitive': {}, 'smithy.api#documentation': 'own' },
      },
    },
  },
  {
    name: 'traits added to an inherited member are folded into it, in its inherited place',
    given: '@mixin\nstructure Base { id: String\n note: String }\nstructure User with [Base] { name: String\n @required\n $id }',
    want: {
      'ex#User': {
        type: 'structure',
        members: { id: { target: S, traits: { 'smithy.api#required': {} } }, note: { target: S }, name: { target: S } },
      },
    },
  },
  {
    name: 'mixins of mixins, and simple shapes',
    given: '@mixin\n@length(min: 1)\nstring Base\n@mixin\n@pattern("^a+$")\nstring Middle with [Base]\nstring Name with [Middle]',
    want: { 'ex#Name': { type: 'string', traits: { 'smithy.api#length': { min: 1 }, 'smithy.api#pattern': '^a+$' } } },
  },
  {
    name: 'operation mixins give their errors',
    given: '@mixin\noperation Common { errors: [Oops] }\noperation Get with [Common] { errors: [Missing] }',
    want: {
      'ex#Get': { type: 'operation', input: { target: 'smithy.api#Unit' }, output: { target: 'smithy.api#Unit' }, errors: [{ target: 'ex#Oops' }, { target: 'ex#Missing' }] },
    },
  },
];

describe('flattenMixins', () => {
  it.each(cases)('$name', ({ given, want }) => {
    expect(flattenMixins(readIdl(header + given)).shapes).toEqual(want);
  });

  it('returns a model without mixins unchanged', () => {
    const ast = readIdl(`${header}structure S { a: String }`);
    expect(flattenMixins(ast)).toBe(ast);
  });

  it('the importer sees inherited members: an error and an input built from mixins', () => {
    const model = readIdl(`${header}
use aws.protocols#restJson1
@restJson1
service Svc { version: "1", operations: [Get] }
@mixin
structure Named { @required @httpLabel Name: String }
@http(method: "GET", uri: "/things/{Name}")
operation Get { input := with [Named] { @httpQuery("v") Version: String }, errors: [Gone] }
@mixin
@error("client")
structure ClientError { Message: String }
@httpError(410)
structure Gone with [ClientError] {}
`);
    const r = importSmithy(model as never, ['Get']);
    const doc = r.document as any;
    const op = doc.paths['/things/{Name}'].get;
    expect(op.parameters.map((p: { name: string; in: string }) => [p.name, p.in])).toEqual([['Name', 'path'], ['v', 'query']]);
    expect(doc.components.schemas.Gone.properties).toHaveProperty('Message');
  });
});
