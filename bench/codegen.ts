/**
 * Comparison 4: wall time of `npm run generate` (all four targets) against openapi-typescript's
 * CLI alone on the same model, both as whole processes; and how generation time grows with the
 * number of operations of a synthetic model.
 *
 *   npx tsx bench/codegen.ts [--quick]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { main, versionOf, type Section } from './lib/report.js';
import { formatNumber, formatSummary, logLogSlope, pairedRatio, summarise } from './lib/stats.js';
import { syntheticModel } from './lib/synthetic-model.js';

const CACHE = resolve('bench/.cache/codegen');
const BIN = resolve('node_modules/.bin');

/** The command `npm run generate` runs, from package.json, with extra arguments. */
function generateScript(): string {
  return JSON.parse(readFileSync('package.json', 'utf8')).scripts.generate as string;
}

/** Runs a shell command line as npm would (node_modules/.bin on PATH); returns wall seconds and stdout. */
function timed(commandLine: string): { seconds: number; stdout: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync('sh', ['-c', commandLine], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH}` },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${commandLine} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return { seconds, stdout: result.stdout };
}

const currentRevision = () => `model/revisions/${readdirSync('model/revisions').filter((f) => /\.ya?ml$/.test(f)).sort().at(-1)}`;

async function run({ quick }: { quick: boolean }): Promise<Section> {
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  const revision = currentRevision();
  const ours = (out: string, extra = '') => `${generateScript()}${extra} --out ${out}`;
  const theirs = (model: string, out: string) => `openapi-typescript ${model} -o ${out} --silent`;

  // The same model, whole processes, alternating; each run writes into a fresh folder.
  const rounds = quick ? 5 : 11;
  const generate: number[] = [];
  const openapiTs: number[] = [];
  timed(ours(join(CACHE, 'warm'))); // file-system cache and tsx's transform cache, for both sides alike
  timed(theirs(revision, join(CACHE, 'warm.ts')));
  for (let round = 0; round < rounds; round++) {
    const pair = [
      () => generate.push(timed(ours(join(CACHE, `gen-${round}`))).seconds),
      () => openapiTs.push(timed(theirs(revision, join(CACHE, `oat-${round}.ts`))).seconds),
    ];
    if (round % 2 === 1) pair.reverse();
    for (const step of pair) step();
  }
  const ratio = pairedRatio(generate, openapiTs);

  // Growth: synthetic models of 1, 10 and 100 operations, each generated into a fresh folder.
  const sizes = [1, 10, 100];
  const growthRounds = quick ? 3 : 7;
  const wall: Record<number, number[]> = {};
  const internal: Record<number, number[]> = {};
  for (const size of sizes) {
    const model = join(CACHE, `synthetic-${size}.yaml`);
    writeFileSync(model, JSON.stringify(syntheticModel(size), null, 1));
    wall[size] = [];
    internal[size] = [];
  }
  for (let round = 0; round < growthRounds; round++) {
    for (const size of round % 2 === 0 ? sizes : [...sizes].reverse()) {
      const { seconds, stdout } = timed(ours(join(CACHE, `synthetic-${size}-${round}`), ` --model ${join(CACHE, `synthetic-${size}.yaml`)}`));
      wall[size].push(seconds);
      // The generator reports its own time, without process start-up and module loading.
      const reported = /(\d+) ms\)\s*$/.exec(stdout.trim());
      if (reported) internal[size].push(Number(reported[1]) / 1000);
    }
  }
  const medianOf = (table: Record<number, number[]>) => sizes.map((s) => summarise(table[s]).median);
  const [t1, t10, t100] = medianOf(internal);
  // Fixed costs (loading the emitters, the worker) flatten any slope: compare what each extra
  // operation costs instead. Linear growth keeps it constant; quadratic growth would make it
  // about ten times larger from 10 to 100 operations than from 1 to 10.
  const perOperationSmall = (t10 - t1) / 9;
  const perOperationLarge = (t100 - t10) / 90;
  const marginalGrowth = perOperationLarge / perOperationSmall;
  const slope = logLogSlope(sizes.slice(1), medianOf(internal).slice(1));
  const files = (size: number) => readdirSync(join(CACHE, `synthetic-${size}-0`), { recursive: true }).length;

  return {
    id: 'codegen',
    title: '4. Code generation: npm run generate vs openapi-typescript',
    command: `npx tsx bench/codegen.ts${quick ? ' --quick' : ''}`,
    versions: { node: process.versions.node, 'openapi-typescript': versionOf('openapi-typescript'), tsx: versionOf('tsx'), 'ts-morph': versionOf('ts-morph'), typescript: versionOf('typescript') },
    method:
      `Whole processes, started by the shell as \`npm run\` would: \`${generateScript()} --out DIR\` (the script of \`npm run generate\`: base types, validators, server stubs and client package from ${revision} and model/companions.yaml) ` +
      `against \`openapi-typescript ${revision} -o FILE\` (base types only, from the revision alone). ${rounds} runs each after one warm-up run, alternating which goes first, each writing into a fresh folder. ` +
      `Growth: synthetic models of ${sizes.join(', ')} operations (bench/lib/synthetic-model.ts), ${growthRounds} runs each; the generator's own reported time excludes process start-up and module loading.`,
    tables: [
      {
        title: 'Same model, whole processes',
        columns: ['command', 'wall time (median, ±half IQR)'],
        rows: [
          ['`npm run generate` (4 targets)', formatSummary(summarise(generate), ' s')],
          ['`openapi-typescript` (types only)', formatSummary(summarise(openapiTs), ' s')],
        ],
      },
      {
        title: 'Growth with model size (synthetic models)',
        columns: ['operations', 'files written', 'whole process', 'generator (reported)'],
        rows: sizes.map((s) => [String(s), String(files(s)), formatSummary(summarise(wall[s]), ' s'), formatSummary(summarise(internal[s]), ' s')]),
      },
    ],
    targets: [
      { what: 'npm run generate ÷ openapi-typescript (paired runs)', target: '≤ 1.5×', measured: `${ratio.median.toFixed(2)}× (±${(ratio.spread * 100).toFixed(0)}%)`, met: ratio.median <= 1.5 },
      {
        what: 'growth: cost of each extra operation from 10 to 100 operations ÷ from 1 to 10',
        target: '≤ 1.5 (linear: 1; quadratic: about 10)',
        measured: `${marginalGrowth.toFixed(2)} (${formatNumber(perOperationLarge * 1000)} ms vs ${formatNumber(perOperationSmall * 1000)} ms per operation)`,
        met: marginalGrowth <= 1.5,
      },
    ],
    notes: [
      `Log-log slope of the generator's reported time from 10 to 100 operations: ${slope.toFixed(2)} (fixed costs included, so below 1 even for linear growth).`,
    ],
    raw: { generate, openapiTs, wall, internal },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await main(run);
export { run };
