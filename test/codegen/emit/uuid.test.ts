// The UUIDs the generated server hands out (codegen/emit/server/runtime/uuid.ts): request ids,
// and the runtime's RevisionIds.

import { describe, expect, it } from 'vitest';
import { randomUuid } from '../../../codegen/emit/server/runtime/uuid.js';

const VERSION_4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuid', () => {
  // Enough draws to refill the pool (1,024 UUIDs) four times, and to see every value the variant allows.
  const drawn = Array.from({ length: 5000 }, () => randomUuid());

  it('gives version 4 UUIDs in lower-case hex, as crypto.randomUUID does', () => {
    for (const uuid of drawn) expect(uuid).toMatch(VERSION_4);
  });

  it('never repeats one across refills of its pool', () => {
    expect(new Set(drawn).size).toBe(drawn.length);
  });

  it('keeps every random bit random: each hex digit outside the version and variant takes all 16 values', () => {
    const positions = [...drawn[0]!].map((_, i) => i).filter((i) => ![8, 13, 14, 18, 19, 23].includes(i));
    for (const i of positions) expect(new Set(drawn.map((uuid) => uuid[i])).size, `position ${i}`).toBe(16);
    expect(new Set(drawn.map((uuid) => uuid[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
  });
});
