/** A bounded run of the server fuzzer (`npm run fuzz` runs 100,000 cases). */
import { describe, expect, it } from 'vitest';
import { fuzz } from './property.js';

describe('server fuzzer', () => {
  it('answers 300 mixed valid and invalid requests with successes or modeled errors, the policy agreeing with every answer', async () => {
    expect(await fuzz(300)).toBeGreaterThanOrEqual(300);
  }, 120_000);
});
