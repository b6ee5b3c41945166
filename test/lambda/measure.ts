// Every stage of every Lambda operation, measured on the shared generation: the status that
// test/lambda/status.json records and the tests hold the generator to.

import { readFileSync } from 'node:fs';
import { clientWire, openExchange, operationOf, outcome, roundTrip, sdkParsesServer, serverAcceptsSdk, STAGES, type Exchange, type Failure, type Stage } from './exchange.js';
import { LAMBDA_JSON, lambdaGeneration, type Generation } from './generation.js';
import type { SmithyModel } from './samples.js';

export interface OperationStatus {
  /** The last stage of the unbroken run of passed stages from `generate` (none: `-`). */
  reaches: Stage | '-';
  /** Every stage the operation passes (a later stage can pass while an earlier one fails). */
  passes: Stage[];
  /** Why each failed stage fails. */
  failures: Partial<Record<Stage, Failure>>;
}

export interface Measurement {
  generation: Generation;
  operations: Record<string, OperationStatus>;
}

export function loadModel(): SmithyModel {
  return JSON.parse(readFileSync(LAMBDA_JSON, 'utf8')) as SmithyModel;
}

function typecheckFailure(generation: Generation, name: string): Failure | undefined {
  const own = generation.typecheck.byOperation[name] ?? [];
  if (own.length > 0) return { summary: `tsc: ${own[0]!.replace(/^.*?: (TS\d+).*$/, '$1')} in ${own[0]!.replace(/:.*$/, '')}`, detail: own.slice(0, 3).join(' | ') };
  if (generation.typecheck.shared.length > 0) {
    const first = generation.typecheck.shared[0]!;
    return { summary: `tsc: errors in shared generated files (${generation.typecheck.shared.length})`, detail: first };
  }
  return undefined;
}

export function reaches(passes: readonly Stage[]): Stage | '-' {
  let last: Stage | '-' = '-';
  for (const stage of STAGES) {
    if (!passes.includes(stage)) break;
    last = stage;
  }
  return last;
}

/** One operation through every stage. */
export async function measureOperation(exchange: Exchange, name: string): Promise<OperationStatus> {
  const { generation, model } = exchange;
  const op = operationOf(model, name);
  const failures: Partial<Record<Stage, Failure>> = {};
  if (!generation.generated.includes(name)) {
    const cause = generation.refused[name] ?? 'not generated';
    failures.generate = { summary: cause.replace(/ at \/\S+$/, '').replace(/ \(.*\)$/, ''), detail: cause };
  } else {
    const t = typecheckFailure(generation, name);
    if (t) failures.typecheck = t;
    const stages: [Stage, () => Promise<unknown>][] = [
      ['client-wire', () => clientWire(exchange, op)],
      ['server-accepts-sdk', () => serverAcceptsSdk(exchange, op)],
      ['sdk-parses-server', () => sdkParsesServer(exchange, op)],
      ['round-trip', () => roundTrip(exchange, op)],
    ];
    for (const [stage, run] of stages) {
      const f = await outcome(run);
      if (f) failures[stage] = f;
    }
  }
  const passes = generation.generated.includes(name) ? STAGES.filter((s) => !failures[s]) : [];
  return { reaches: reaches(passes), passes, failures };
}

export async function measureAll(): Promise<Measurement> {
  const generation = await lambdaGeneration();
  const model = loadModel();
  const exchange = await openExchange(model, generation);
  try {
    const operations: Record<string, OperationStatus> = {};
    for (const name of generation.operations) operations[name] = await measureOperation(exchange, name);
    return { generation, operations };
  } finally {
    await exchange.close();
  }
}
