import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_TS_OPTIONS, ROOT, typeCheck } from '../codegen/helpers.js';

/** The flags a demanding consumer turns on, on top of `strict`. */
const STRICTER = { exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noPropertyAccessFromIndexSignature: true };

describe('everything in generated/ (client package, server, validators, types)', () => {
  it('compiles under strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess and noPropertyAccessFromIndexSignature', () => {
    const errors = typeCheck(join(ROOT, 'generated'), [], { ...GENERATED_TS_OPTIONS, ...STRICTER });
    expect(errors).toEqual([]);
    expect(readdirSync(join(ROOT, 'generated'), { recursive: true }).filter((f) => String(f).endsWith('.ts')).length).toBeGreaterThan(30);
  });
});
