/** `npm run fuzz [-- CASES [SEED]]`: the server fuzzer's long run (default 100,000 cases). */
import { fuzz, outcomes } from './property.js';

const cases = Number(process.argv[2] ?? 100_000);
const seed = process.argv[3] === undefined ? Date.now() % 2 ** 31 : Number(process.argv[3]);
const started = performance.now();
try {
  const ran = await fuzz(cases, seed);
  for (const [outcome, count] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(8)}  ${outcome}`);
  console.log(`fuzz: ${ran} cases clean in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
} catch (error) {
  console.error(`fuzz: failed (seed ${seed})\n${(error as Error).message}`);
  process.exit(1);
}
