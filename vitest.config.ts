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
    // One module cache per worker rather than per file: most files load the same heavy modules
    // (TypeScript through ts-morph, esbuild, the AWS SDK), and loading them again for each of ~100
    // files was more than half of the suite's time (import 95 s → 15 s, the suite 164 s → 84 s
    // without the compliance file). It holds because no test leaves global state behind: the two
    // that change process.env or the working directory restore them, and none mocks a module.
    isolate: false,
  },
});
