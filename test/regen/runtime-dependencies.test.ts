// The runtime's table of the errors it raises (runtime/errors.ts) is complete, and regen reads it
// to name the behaviour a revision would break by no longer declaring one of them.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBase } from '../../codegen/import/index.js';
import { describeDependencies, droppedRuntimeErrors } from '../../codegen/regen/runtime-dependencies.js';
import { RUNTIME_RAISES } from '../../runtime/errors.js';
import { errorNames } from '../../runtime/messages.js';
import { ROOT } from '../codegen/helpers.js';

const current = () => readBase(readFileSync(join(ROOT, 'model/revisions/2026.yaml'), 'utf8'), 'model/revisions/2026.yaml');

describe('runtime/errors.ts RUNTIME_RAISES', () => {
  it('lists every error the runtime sources raise (the validation error apart, which the model names separately)', () => {
    const used = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'runtime')).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(join(ROOT, 'runtime', file), 'utf8').matchAll(/errorNames\.(\w+)/g)) used.add(errorNames[m[1] as keyof typeof errorNames]);
    }
    used.delete(errorNames.validation);
    const listed = new Set(Object.values(RUNTIME_RAISES).flatMap((errors) => Object.keys(errors)));
    expect([...used].sort()).toEqual([...listed].sort());
  });
});

describe('droppedRuntimeErrors', () => {
  it('names the operation, the error and the behaviour that raises it', () => {
    const next = current();
    next.operations[0] = { ...next.operations[0], errors: next.operations[0].errors.filter((e) => e !== 'PreconditionFailedException') };
    const dropped = droppedRuntimeErrors(current(), next);
    expect(describeDependencies(dropped)).toBe("  - AddPermission no longer declares PreconditionFailedException, which the runtime raises for a RevisionId that does not match the policy's current revision");
  });

  it('finds nothing when the revision keeps every error', () => {
    expect(droppedRuntimeErrors(current(), current())).toEqual([]);
  });
});
