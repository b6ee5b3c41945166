// "Done when" 1, first half: all of Lambda's operations import together, generate, and type-check
// with strict and exactOptionalPropertyTypes. One generation for every test/lambda file
// (test/lambda/generation.ts); per operation, each stage recorded in status.json must still pass.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaGeneration, ROOT, typeCheckGenerated, type Generation } from './generation.js';
import { hasLambdaModel, notYet, recorded, recordedOperations, recordedPass, SKIP_REASON } from './suite.js';

describe('the harness type-check', () => {
  it('is strict and has exactOptionalPropertyTypes on, and names the operation whose file or shape fails', () => {
    const dir = join(ROOT, '.tmp', 'lambda-typecheck-probe', String(process.pid));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'commands'), { recursive: true });
    writeFileSync(join(dir, 'commands', 'GetThingCommand.ts'), 'export interface A { x?: string }\nexport const a: A = { x: undefined };\n');
    writeFileSync(join(dir, 'shared.ts'), 'export function f(x) { return x; }\n');
    writeFileSync(join(dir, 'models.ts'), 'export function de_Part(): number { return "one"; }\n');
    const result = typeCheckGenerated(dir, ['GetThing', 'GetThings'], new Map([['GetThing', new Set(['Thing'])], ['GetThings', new Set(['Thing', 'Part'])]]));
    rmSync(dir, { recursive: true, force: true });
    expect(result.byOperation).toEqual({
      GetThing: [expect.stringMatching(/^commands\/GetThingCommand\.ts:2: TS2375 /)],
      GetThings: [expect.stringMatching(/^models\.ts:1: TS2322 /)],
    });
    expect(result.shared).toEqual([expect.stringMatching(/^shared\.ts:1: TS7006 Parameter 'x' implicitly has an 'any' type/)]);
  });
});

describe.skipIf(!hasLambdaModel)(`all Lambda operations together (${hasLambdaModel ? 'from ../shared/fixtures/smithy/lambda.json' : SKIP_REASON})`, () => {
  let generation: Generation;
  beforeAll(async () => {
    generation = await lambdaGeneration();
  }, 300_000);

  it('the model has 85 operations, and status.json records each of them', () => {
    expect(generation.operations).toHaveLength(85);
    expect(recordedOperations).toEqual(generation.operations);
  });

  it('the importer loses no operation that it wrote when status.json was recorded', () => {
    const lostBefore = recordedOperations.filter((name) => /^the import(er)? (loses|leaves it out)/.test(recorded!.operations[name]!.failures.generate?.summary ?? ''));
    expect(generation.lost.filter((name) => !lostBefore.includes(name))).toEqual([]);
  });

  const together = recorded?.together ?? 'no status recorded';
  it.skipIf(together !== 'generates')(
    `all 85 generate together in one document${together === 'generates' ? '' : ` — not yet (recorded: ${together})`}`,
    () => {
      // Event streams are refused by name (issue #11 allows that); nothing else may be missing.
      expect(generation.lost).toEqual(Object.keys(generation.leftOut));
      for (const [name, reason] of Object.entries(generation.leftOut)) expect(reason).toMatch(/event stream/);
      expect(generation.together.error).toBeUndefined();
      expect(generation.generated).toEqual(generation.operations.filter((name) => !(name in generation.leftOut)));
    },
  );

  for (const name of recordedOperations) {
    const reaches = recorded!.operations[name]!.reaches;
    if (recordedPass(name, 'generate')) {
      it(`${name}: imported and generated (recorded: reaches ${reaches})`, () => {
        expect(generation.refused[name]).toBeUndefined();
        expect(generation.generated).toContain(name);
      });
    } else it.skip(`${name}: imported and generated — ${notYet(name, 'generate')}`, () => {});
  }

  for (const name of recordedOperations) {
    if (recordedPass(name, 'typecheck')) {
      it(`${name}: type-checks with strict and exactOptionalPropertyTypes`, () => {
        expect(generation.typecheck.byOperation[name] ?? []).toEqual([]);
        expect(generation.typecheck.shared).toEqual([]);
      });
    } else it.skip(`${name}: type-checks with strict and exactOptionalPropertyTypes — ${notYet(name, 'typecheck')}`, () => {});
  }
});
