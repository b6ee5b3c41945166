/**
 * Comparison 5: the runtime's cost as a function policy grows to the service's 20480-byte limit
 * (AddPermission must not re-serialise the whole policy; GetPolicy may only grow with its size),
 * and policy evaluation of one request against a full policy.
 *
 *   npx tsx bench/runtime.ts [--quick]
 */
import { evaluate, type AccessRequest } from '../runtime/evaluate.js';
import { POLICY_SIZE_LIMIT } from '../runtime/messages.js';
import { createRegistry } from '../runtime/registry.js';
import { createLambdaRuntime } from '../runtime/service.js';
import { measureThroughput } from './lib/harness.js';
import { main, type Section } from './lib/report.js';
import { formatNumber, formatSummary, summarise } from './lib/stats.js';

const FUNCTIONS = 200;
/** Fixed width, so that every policy has the same size. */
const fnName = (i: number) => `fn-${String(i).padStart(4, "0")}`;
const context = { requestId: '00000000-0000-4000-8000-000000000000' };

/** The k-th statement of a function: fixed width, so every policy grows in the same steps. */
const input = (fn: number, k: number) => ({
  FunctionName: fnName(fn),
  StatementId: `statement-${String(k).padStart(4, '0')}`,
  Action: 'lambda:InvokeFunction',
  Principal: 's3.amazonaws.com',
  SourceArn: `arn:aws:s3:::bucket-${String(k).padStart(4, '0')}`,
  SourceAccount: '123456789012',
});

interface Fill {
  /** Policy size in bytes after each step. */
  bytes: number[];
  /** Microseconds per AddPermission at each step (averaged over the functions). */
  add: number[];
  /** Microseconds per GetPolicy at each step. */
  get: number[];
  policy: string;
}

/** Fills one policy per function, statement by statement in lockstep, until the size limit refuses one. */
async function fill(): Promise<Fill> {
  const registry = createRegistry({ region: 'us-east-1', account: '123456789012', functions: Array.from({ length: FUNCTIONS }, (_, i) => ({ name: fnName(i) })) });
  const runtime = createLambdaRuntime({ registry });
  const result: Fill = { bytes: [], add: [], get: [], policy: '' };
  for (let k = 0; ; k++) {
    let refused = 0;
    const started = performance.now();
    for (let fn = 0; fn < FUNCTIONS; fn++) {
      try {
        await runtime.AddPermission(input(fn, k), context);
      } catch (error) {
        if ((error as Error).name !== 'PolicyLengthExceededException') throw error;
        refused++;
      }
    }
    const addMicroseconds = ((performance.now() - started) * 1000) / FUNCTIONS;
    if (refused === FUNCTIONS) break;
    if (refused > 0) throw new Error(`only some policies refused statement ${k}`);
    const got = performance.now();
    let policy = '';
    for (let fn = 0; fn < FUNCTIONS; fn++) policy = (await runtime.GetPolicy({ FunctionName: fnName(fn) }, context)).Policy;
    result.get.push(((performance.now() - got) * 1000) / FUNCTIONS);
    result.add.push(addMicroseconds);
    result.bytes.push(Buffer.byteLength(policy));
    result.policy = policy;
  }
  return result;
}

async function run({ quick }: { quick: boolean }): Promise<Section> {
  const rounds = quick ? 5 : 15;
  await fill(); // warm-up: the same code paths, optimised before they are timed
  const fills: Fill[] = [];
  for (let round = 0; round < rounds; round++) fills.push(await fill());
  const steps = fills[0].bytes.length;
  const bytes = fills[0].bytes;
  const at = (key: 'add' | 'get', step: number) => summarise(fills.map((f) => f[key][step]));
  // Compare the first tenth of the policy's growth with the last tenth, averaging steps within each.
  const band = Math.max(1, Math.floor(steps / 10));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const bandCost = (key: 'add' | 'get', from: number) => mean(Array.from({ length: band }, (_, i) => at(key, from + i).median));
  const addEarly = bandCost('add', 0);
  const addLate = bandCost('add', steps - band);
  const getEarly = bandCost('get', 0) / mean(bytes.slice(0, band));
  const getLate = bandCost('get', steps - band) / mean(bytes.slice(steps - band));
  const addGrowth = addLate / addEarly;
  const getGrowth = getLate / getEarly;

  // Evaluation: a request only the last statement allows, so every statement is read.
  const policy = fills[0].policy;
  const parsed = JSON.parse(policy);
  const last = parsed.Statement.at(-1);
  const request: AccessRequest = {
    principal: { service: 's3.amazonaws.com' },
    action: 'lambda:InvokeFunction',
    sourceArn: last.Condition.ArnLike['AWS:SourceArn'],
    sourceAccount: '123456789012',
  };
  const decision = evaluate(policy, request);
  if (!decision.allowed || decision.statementId !== last.Sid) throw new Error(`unexpected decision ${JSON.stringify(decision)}`);
  const evaluation = measureThroughput(
    [
      { name: 'policy text (JSON.parse + evaluate)', run: (text: string) => evaluate(text, request).allowed },
      { name: 'parsed policy', run: () => evaluate(parsed, request).allowed },
    ],
    [policy],
    quick ? { rounds: 5, millisecondsPerRun: 60, warmupMilliseconds: 150 } : { rounds: 15, millisecondsPerRun: 200, warmupMilliseconds: 500 },
  );

  const shown = [...new Set([0, Math.floor(steps / 4), Math.floor(steps / 2), Math.floor((3 * steps) / 4), steps - 1])];
  return {
    id: 'runtime',
    title: '5. Runtime: policy growth to the 20480-byte limit, and evaluation',
    command: `npx tsx bench/runtime.ts${quick ? ' --quick' : ''}`,
    versions: { node: process.versions.node },
    method:
      `In process, through \`createLambdaRuntime\` (no HTTP): ${FUNCTIONS} functions, each given the same sequence of AddPermission statements (a service principal with SourceArn and SourceAccount) ` +
      `until the ${POLICY_SIZE_LIMIT}-byte limit refuses one; after every step, GetPolicy on each. Costs are per call, averaged over the functions; ${rounds} fills after one warm-up fill. ` +
      'Growth compares the first tenth of the steps with the last tenth. Evaluation: `evaluate` of a request that only the last statement of a full policy allows.',
    tables: [
      {
        title: `Cost per call as the policy grows (${steps} statements fit)`,
        columns: ['statements', 'policy bytes', 'AddPermission', 'GetPolicy'],
        rows: shown.map((s) => [String(s + 1), formatNumber(bytes[s]), formatSummary(at('add', s), ' µs'), formatSummary(at('get', s), ' µs')]),
      },
      {
        title: `Evaluating one request against a full policy (${steps} statements, ${formatNumber(Buffer.byteLength(policy))} bytes)`,
        columns: ['input', 'evaluations/s (median, ±half IQR)', 'per evaluation'],
        rows: [...evaluation].map(([name, values]) => [name, formatSummary(summarise(values)), `${formatNumber(1e6 / summarise(values).median)} µs`]),
      },
    ],
    targets: [
      {
        what: 'AddPermission: cost at a full policy ÷ at a nearly empty one (no re-serialisation)',
        target: '≤ 1.5 (flat)',
        measured: `${addGrowth.toFixed(2)} (${formatNumber(addLate)} µs vs ${formatNumber(addEarly)} µs)`,
        met: addGrowth <= 1.5,
      },
      {
        what: 'GetPolicy: cost per policy byte at full ÷ nearly empty (linear in size)',
        target: '≤ 1.5',
        measured: `${getGrowth.toFixed(2)} (${formatNumber(getLate * 1000)} ns vs ${formatNumber(getEarly * 1000)} ns per byte)`,
        met: getGrowth <= 1.5,
      },
    ],
    notes: [],
    raw: { bytes, add: fills.map((f) => f.add), get: fills.map((f) => f.get), evaluation: Object.fromEntries(evaluation) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await main(run);
export { run };
