import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against hangs, not a speed check: end-to-end tests (the AWS CLI, regen in a clone) take
    // 10–30 s on an idle machine and more than a minute when the two cores are busy.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Interop tests start servers and child processes; two cores here.
    maxWorkers: 2,
  },
});
