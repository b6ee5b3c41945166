// Parameters as the generated code types them: by the model's shapes, at any depth.

import { describe, expect, it } from 'vitest';
import { flattenMixins } from '../../codegen/smithy/flatten.js';
import { assembleTexts } from '../../codegen/smithy/load.js';
import { plainValue, typedStructure } from './harness/values.js';

const ast = flattenMixins(assembleTexts([{ file: 'values.smithy', text: `
$version: "2"
namespace example.values

@mixin
structure Stamped { at: Timestamp }

structure Everything with [Stamped] {
  blob: Blob
  float: Float
  double: Double
  stamps: Stamps
  byName: BlobsByName
  sparse: SparseStrings
  nested: Everything
  choice: Choice
  doc: Document
}
list Stamps { member: Timestamp }
map BlobsByName { key: String, value: Blob }
@sparse list SparseStrings { member: String }
union Choice { when: Timestamp, text: String }
` }]));

const shape = ast.shapes['example.values#Everything'];
const bytes = (text: string) => new TextEncoder().encode(text);

describe('typed parameters', () => {
  it.each([
    { given: { at: 1576540098 }, want: { at: new Date('2019-12-16T23:48:18Z') } },
    { given: { blob: 'blobby' }, want: { blob: bytes('blobby') } },
    { given: { float: 'NaN', double: '-Infinity' }, want: { float: NaN, double: -Infinity } },
    { given: { stamps: [0, 1.5] }, want: { stamps: [new Date(0), new Date(1500)] } },
    { given: { byName: { a: 'x' } }, want: { byName: { a: bytes('x') } } },
    { given: { sparse: ['a', null] }, want: { sparse: ['a', null] } },
    { given: { nested: { at: 0, nested: { blob: 'b' } } }, want: { nested: { at: new Date(0), nested: { blob: bytes('b') } } } },
    { given: { choice: { when: 2 } }, want: { choice: { when: new Date(2000) } } },
    { given: { doc: { at: 1, list: [1] } }, want: { doc: { at: 1, list: [1] } } },
    { given: { blob: null, at: 0 }, want: { at: new Date(0) } },
  ])('$given', ({ given, want }) => {
    expect(typedStructure(ast, shape, given as never)).toEqual(want);
  });
});

describe('plain values of the generated code', () => {
  it('reads streams and Buffers into bytes and leaves out $metadata and undefined members', async () => {
    const { Readable } = await import('node:stream');
    const got = await plainValue({ $metadata: { httpStatusCode: 200 }, a: undefined, b: Buffer.from('x'), c: Readable.from([Buffer.from('st'), Buffer.from('ream')]), d: [new Date(0)] });
    expect(got).toEqual({ b: bytes('x'), c: bytes('stream'), d: [new Date(0)] });
  });
});
