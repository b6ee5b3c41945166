// Invalid IDL is refused with one sentence naming the file, line and column, as a SmithyModelError.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SmithyModelError } from '../../codegen/smithy/errors.js';
import { readIdl } from '../../codegen/smithy/load.js';

const cases: { name: string; given: string; want: string }[] = [
  { name: 'shape before the namespace', given: 'string X', want: 'model.smithy:1:1: a namespace statement must come before any shape or apply statement' },
  { name: 'member without ":"', given: 'namespace a.b\nstructure S {\n  a: String\n  b String\n}', want: 'model.smithy:4:5: expected ":" after the member name "b" but found "String"' },
  { name: 'unterminated string', given: 'namespace a.b\n@documentation("unterminated)\nstring X', want: 'model.smithy:2:16: this string is never closed (missing ")' },
  { name: 'invalid escape', given: 'namespace a.b\n@documentation("bad \\q escape")\nstring X', want: 'model.smithy:2:21: "\\q" is not a valid escape (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)' },
  { name: 'text block without a line break', given: 'namespace a.b\n@documentation("""no newline""")\nstring X', want: 'model.smithy:2:16: a text block must begin with a line break right after the opening """' },
  { name: 'shape defined twice', given: 'namespace a.b\nstring X\nstring X', want: 'model.smithy:3:8: the shape a.b#X is already defined (model.smithy:2:8)' },
  { name: 'elided target found nowhere', given: 'namespace a.b\nstructure S for R { $id }\nresource R { identifiers: { other: String } }', want: 'model.smithy:2:22: the target of "$id" cannot be found: the resource a.b#R has no identifier or property "id" and no mixin has a member "id"' },
  { name: 'unknown mixin', given: 'namespace a.b\nstructure S with [M] {}', want: 'model.smithy:2:19: the mixin a.b#M is not defined in the model' },
  { name: 'mixin cycle', given: 'namespace a.b\n@mixin\nstructure M with [N] {}\n@mixin\nstructure N with [M] { $x }', want: 'model.smithy:3:19: a.b#N uses itself as a mixin, directly or through other mixins' },
  { name: 'intEnum member without value', given: 'namespace a.b\nintEnum E { A }', want: 'model.smithy:2:13: the intEnum member "A" needs an integer value (A = 1)' },
  { name: 'list member misnamed', given: 'namespace a.b\nlist L { item: String }', want: 'model.smithy:2:10: a list has a single member named "member", not "item"' },
  { name: 'members equal ignoring case', given: 'namespace a.b\nstructure S { a: String, A: Integer }', want: 'model.smithy:2:26: the member "A" is defined twice (member names are compared ignoring case)' },
  { name: 'conflicting trait values', given: 'namespace a.b\nstring S\napply S @documentation("y")\napply S @documentation("z")', want: 'model.smithy:4:1: the trait smithy.api#documentation is applied to a.b#S twice with different values' },
  { name: 'apply to a missing member', given: 'namespace a.b\nstructure S { a: String }\napply S$b @required', want: 'model.smithy:3:1: cannot apply traits to a.b#S$b: a.b#S has no member "b"' },
  { name: 'unsupported version', given: '$version: "3.0"\nnamespace a.b', want: 'model.smithy:1:11: IDL version 3.0 is not supported (this reader reads versions 1 and 2)' },
  { name: 'unknown service property', given: 'namespace a.b\nservice S { version: "1", operation: [A] }', want: 'model.smithy:2:27: a service has no property "operation"' },
  { name: 'operation input twice', given: 'namespace a.b\noperation O { input: A, input: B }', want: 'model.smithy:2:25: the operation\'s input is given twice' },
  { name: 'stray character', given: 'namespace a.b\nstring X %', want: 'model.smithy:2:10: unexpected character "%" (U+0025)' },
  { name: 'use of a member', given: 'namespace a.b\nuse a.b#C$d', want: 'model.smithy:2:5: a use statement cannot import a member ("a.b#C$d")' },
  { name: 'use after shapes', given: 'namespace a.b\nstring X\nuse c.d#E', want: 'model.smithy:3:1: use statements must come right after the namespace statement, before any shape' },
  { name: 'duplicate object key', given: 'namespace a.b\n@foo(a: 1, a: 2)\nstring X', want: 'model.smithy:2:12: the key "a" appears twice in this object' },
  { name: 'default without a value', given: 'namespace a.b\nstructure S { a: String = }', want: 'model.smithy:2:27: expected a value but found "}"' },
  { name: 'trait value never closed', given: 'namespace a.b\n@range(min: 1\nstring X', want: 'model.smithy:3:1: expected "key: value" or ")" to close @range( but found "string"' },
  { name: 'metadata conflict', given: 'metadata x = 1\nmetadata x = 2', want: 'model.smithy:2:10: the metadata "x" is given two different values' },
  { name: 'apply to a prelude shape', given: 'namespace a.b\napply String @sensitive', want: 'model.smithy:2:1: cannot apply traits to smithy.api#String: the prelude\'s shapes cannot be changed' },
  { name: 'two statements on one line', given: 'namespace a.b\nstring A string B', want: 'model.smithy:2:10: "string" must start on a new line: each statement takes a line of its own' },
  { name: 'inline structure syntax on a member', given: 'namespace a.b\nstructure S { a := {} }', want: 'model.smithy:2:17: ":=" defines operation input and output only; a member needs ":" and a target' },
];

describe('invalid IDL', () => {
  it.each(cases)('$name', ({ given, want }) => {
    let error: unknown;
    try {
      readIdl(given, 'model.smithy');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SmithyModelError);
    expect((error as Error).message).toBe(want);
  });

  it('refuses values nested absurdly deep instead of exhausting the stack', () => {
    expect(() => readIdl(`metadata x = ${'['.repeat(100_000)}`, 'model.smithy')).toThrow('model.smithy:1:214: values are nested more than 200 levels deep');
  });

  it('a model cut off anywhere is refused with a positioned error, never an internal one', () => {
    const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'widgets', 'service.smithy'), 'utf8');
    const internal: string[] = [];
    for (let end = 0; end < text.length; end += 7) {
      try {
        readIdl(text.slice(0, end), 'cut.smithy');
      } catch (e) {
        if (!(e instanceof SmithyModelError)) internal.push(`${end}: ${(e as Error).message}`);
      }
    }
    expect(internal).toEqual([]);
  });

  it('states the position as data too', () => {
    try {
      readIdl('namespace a.b\n\n  string X %', 'dir/x.smithy');
      expect.unreachable();
    } catch (e) {
      expect((e as SmithyModelError).position).toEqual({ file: 'dir/x.smithy', line: 3, column: 12 });
      expect((e as SmithyModelError).reason).toBe('unexpected character "%" (U+0025)');
    }
  });
});
