/**
 * Comparison 4: wall time of `npm run generate` (all four targets) against openapi-typescript's
 * CLI alone on the same model, both as whole processes; and how generation time grows with the
 * number of operations of a synthetic model. Then the same on AWS's whole Lambda API (85
 * operations imported from ../shared, skipped visibly where it is absent): side by side with
 * openapi-typescript on the same document, and growth over the first 10, 20, 40 and 85 operations.
 *
 *   npx tsx bench/codegen.ts [--quick]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { main, versionOf, type Section } from './lib/report.js';
import { formatNumber, formatSummary, logLogSlope, pairedRatio, summarise } from './lib/stats.js';
import { syntheticModel } from './lib/synthetic-model.js';
import { lambdaDocuments } from './lib/lambda-model.js';
import type { Table, Target } from './lib/report.js';
import { generate as generateInProcess } from '../codegen/generate.js';

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

  // Growth: synthetic models of 1, 10 and 100 operations. Whole processes, as a user sees it, and
  // the generator alone in this process (after a warm-up), where start-up costs cannot hide growth.
  const sizes = [1, 10, 100];
  const growthRounds = quick ? 2 : 7;
  const wall: Record<number, number[]> = {};
  const inProcess: Record<number, number[]> = {};
  for (const size of sizes) {
    writeFileSync(join(CACHE, `synthetic-${size}.yaml`), JSON.stringify(syntheticModel(size), null, 1));
    wall[size] = [];
    inProcess[size] = [];
  }
  const model = (size: number) => join(CACHE, `synthetic-${size}.yaml`);
  for (const size of sizes) await generateInProcess([model(size)]);
  for (let round = 0; round < growthRounds; round++) {
    for (const size of round % 2 === 0 ? sizes : [...sizes].reverse()) {
      wall[size].push(timed(ours(join(CACHE, `synthetic-${size}-${round}`), ` --model ${model(size)}`)).seconds);
      for (let repeat = 0; repeat < (quick ? 2 : 3); repeat++) {
        const t = performance.now();
        await generateInProcess([model(size)]);
        inProcess[size].push((performance.now() - t) / 1000);
      }
    }
  }
  const medianOf = (table: Record<number, number[]>) => sizes.map((s) => summarise(table[s]).median);
  const [t1, t10, t100] = medianOf(inProcess);
  const slope = logLogSlope(sizes.slice(1), [t10, t100]);
  const slopeAll = logLogSlope(sizes, [t1, t10, t100]);
  const files = (size: number) => readdirSync(join(CACHE, `synthetic-${size}-0`), { recursive: true }).length;

  const lambda = await lambdaComparison(quick, ours, theirs);

  return {
    id: 'codegen',
    title: '4. Code generation: npm run generate vs openapi-typescript',
    command: `npx tsx bench/codegen.ts${quick ? ' --quick' : ''}`,
    versions: { node: process.versions.node, 'openapi-typescript': versionOf('openapi-typescript'), tsx: versionOf('tsx'), 'ts-morph': versionOf('ts-morph'), typescript: versionOf('typescript') },
    method:
      `Whole processes, started by the shell as \`npm run\` would: \`${generateScript()} --out DIR\` (the script of \`npm run generate\`: base types, validators, server stubs and client package from ${revision} and model/companions.yaml) ` +
      `against \`openapi-typescript ${revision} -o FILE\` (base types only, from the revision alone). ${rounds} runs each after one warm-up run, alternating which goes first, each writing into a fresh folder. ` +
      `Growth: synthetic models of ${sizes.join(', ')} operations (bench/lib/synthetic-model.ts), ${growthRounds} runs each; and \`generate()\` called in this process after a warm-up, several times per run, so that start-up costs cannot hide how the work grows.`,
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
        columns: ['operations', 'files written', 'whole process', 'generate() in process'],
        rows: sizes.map((s) => [String(s), String(files(s)), formatSummary(summarise(wall[s]), ' s'), formatSummary(summarise(inProcess[s]).median < 1 ? summarise(inProcess[s].map((v) => v * 1000)) : summarise(inProcess[s]), summarise(inProcess[s]).median < 1 ? ' ms' : ' s')]),
      },
      ...lambda.tables,
    ],
    targets: [
      { what: 'npm run generate ÷ openapi-typescript (paired runs)', target: '≤ 1.5×', measured: `${ratio.median.toFixed(2)}× (±${(ratio.spread * 100).toFixed(0)}%)`, met: ratio.median <= 1.5 },
      {
        what: 'growth: generate() time per operation at 100 operations ÷ at 10',
        target: '≤ 1.5 (linear: 1 or less; quadratic: 10)',
        measured: `${(t100 / 100 / (t10 / 10)).toFixed(2)} (${formatNumber(t10 * 1000)} ms for 10, ${formatNumber(t100 * 1000)} ms for 100; log-log slope ${slope.toFixed(2)})`,
        met: t100 / 100 / (t10 / 10) <= 1.5,
      },
      ...lambda.targets,
    ],
    notes: [
      `Log-log slope over 1, 10 and 100 operations: ${slopeAll.toFixed(2)}; per operation ${formatNumber(((t100 - t10) / 90) * 1000)} ms from 10 to 100 (${formatNumber(((t10 - t1) / 9) * 1000)} ms from 1 to 10).`,
      ...lambda.notes,
    ],
    raw: { generate, openapiTs, wall, inProcess, lambda: lambda.raw },
  };
}

/**
 * AWS Lambda, all 85 operations: our generator and openapi-typescript on the same OpenAPI document
 * as whole processes, and generate() in this process over the first 10, 20, 40 and 85 operations.
 * While the generator refuses the whole document, both targets are reported missed with the
 * refusal, and the same measurements run on the operations it accepts, labelled interim.
 */
async function lambdaComparison(
  quick: boolean,
  ours: (out: string, extra?: string) => string,
  theirs: (model: string, out: string) => string,
): Promise<{ tables: Table[]; targets: Target[]; notes: string[]; raw: unknown }> {
  const documents = lambdaDocuments(CACHE);
  const wholeWhat = 'Lambda, 85 operations: npm run generate ÷ openapi-typescript on the same document (paired whole processes)';
  const growthWhat = 'Lambda: generate() time per operation at 85 operations ÷ at 10';
  if (!documents.available) {
    const skipped = `skipped: ${documents.reason}`;
    return {
      tables: [],
      targets: [
        { what: wholeWhat, target: '≤ 1.5×', measured: skipped, met: false },
        { what: growthWhat, target: '≤ 1.5 (linear)', measured: skipped, met: false },
      ],
      notes: [`The Lambda measurements were skipped: ${documents.reason}.`],
      raw: { skipped: documents.reason },
    };
  }
  const whole = documents.refusal === undefined;
  const names = whole ? documents.operations : documents.accepted;
  const count = names.length;
  const model = whole ? documents.allPath : documents.subset(names, count);
  const label = whole ? `all ${count} operations` : `interim: the ${count} operations the generator accepts today`;

  // Whole processes, alternating, on the same document.
  const rounds = quick ? 3 : 5;
  const generate: number[] = [];
  const openapiTs: number[] = [];
  timed(ours(join(CACHE, 'lambda-warm'), ` --model ${model}`));
  timed(theirs(model, join(CACHE, 'lambda-warm.ts')));
  for (let round = 0; round < rounds; round++) {
    const pair = [
      () => generate.push(timed(ours(join(CACHE, `lambda-gen-${round}`), ` --model ${model}`)).seconds),
      () => openapiTs.push(timed(theirs(model, join(CACHE, `lambda-oat-${round}.ts`))).seconds),
    ];
    if (round % 2 === 1) pair.reverse();
    for (const step of pair) step();
  }
  const ratio = pairedRatio(generate, openapiTs);
  // openapi-typescript takes the whole document whatever our generator does: its time on all 85 for reference.
  const openapiTsAll = whole ? openapiTs : Array.from({ length: rounds }, (_, round) => timed(theirs(documents.allPath, join(CACHE, `lambda-oat-all-${round}.ts`))).seconds);

  // Growth: the first N operations, generate() in this process after a warm-up, sizes alternating.
  const sizes = [...new Set([10, 20, 40, 85].filter((n) => n < count).concat(count))];
  const paths = new Map(sizes.map((n) => [n, documents.subset(names, n)]));
  const inProcess: Record<number, number[]> = Object.fromEntries(sizes.map((n) => [n, []]));
  for (const n of sizes) await generateInProcess([paths.get(n)!]);
  const growthRounds = quick ? 2 : 4;
  for (let round = 0; round < growthRounds; round++) {
    for (const n of round % 2 === 0 ? sizes : [...sizes].reverse()) {
      const t = performance.now();
      await generateInProcess([paths.get(n)!]);
      inProcess[n]!.push((performance.now() - t) / 1000);
    }
  }
  const median = (n: number) => summarise(inProcess[n]!).median;
  const first = sizes[0]!;
  const last = sizes.at(-1)!;
  const perOperation = median(last) / last / (median(first) / first);
  const slope = logLogSlope(sizes, sizes.map(median));
  const ratioText = `${ratio.median.toFixed(2)}× (±${(ratio.spread * 100).toFixed(0)}%)`;
  const growthText = `${perOperation.toFixed(2)} (${formatNumber(median(first) * 1000)} ms for ${first}, ${formatNumber(median(last) * 1000)} ms for ${last}; log-log slope ${slope.toFixed(2)})`;
  const notYet = 'not on all 85 (refused, see notes)';

  return {
    tables: [
      {
        title: `AWS Lambda from ../shared (${label}), whole processes on the same document`,
        columns: ['command', 'wall time (median, ±half IQR)'],
        rows: [
          [`\`npm run generate -- --model …\` (4 targets, ${count} operations)`, formatSummary(summarise(generate), ' s')],
          [`\`openapi-typescript\` (types only, ${count} operations)`, formatSummary(summarise(openapiTs), ' s')],
          ...(whole ? [] : [[`\`openapi-typescript\` on all ${documents.operations.length} operations (for reference)`, formatSummary(summarise(openapiTsAll), ' s')]]),
        ],
      },
      {
        title: `AWS Lambda: growth with the number of operations (${label})`,
        columns: ['operations', 'generate() in process (median, ±half IQR)', 'per operation'],
        rows: sizes.map((n) => [String(n), formatSummary(summarise(inProcess[n]!.map((v) => v * 1000)), ' ms'), `${formatNumber((median(n) * 1000) / n)} ms`]),
      },
    ],
    targets: [
      { what: wholeWhat, target: '≤ 1.5×', measured: whole ? ratioText : `${notYet}; interim on ${count} operations: ${ratioText}`, met: whole && ratio.median <= 1.5 },
      { what: growthWhat, target: '≤ 1.5 (linear: 1 or less)', measured: whole ? growthText : `${notYet}; interim over ${sizes.join('/')} operations: ${growthText}`, met: whole && perOperation <= 1.5 },
    ],
    notes: [
      `Lambda: ${whole ? `all ${count} operations generate together.` : `the generator refuses the whole document (${documents.refusal}); the Lambda numbers are measured on the ${count} operations it accepts and the targets stay missed until it takes all 85.`} ` +
        `Growth uses the first N operations in name order of that set, with the schemas they reach; ${growthRounds} runs each after a warm-up.`,
    ],
    raw: { operations: count, whole, refusal: documents.refusal ?? null, generate, openapiTs, openapiTsAll, sizes, inProcess },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await main(run);
export { run, lambdaComparison };
