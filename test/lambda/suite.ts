// What every test/lambda file shares: the one generation, an exchange (both clients and a loopback
// generated server) opened once per file, and the recorded status the tests hold the generator to.

import { afterAll, beforeAll } from 'vitest';
import { STAGES, openExchange, operationOf, type Exchange, type Operation, type Stage } from './exchange.js';
import { hasLambdaModel, lambdaGeneration, SKIP_REASON } from './generation.js';
import { loadModel } from './measure.js';
import { readRecordedStatus } from './status.js';

export { hasLambdaModel, SKIP_REASON };
export const recorded = readRecordedStatus();
/** Every operation of the model as recorded (the list the tests are declared from, before anything runs). */
export const recordedOperations = Object.keys(recorded?.operations ?? {});

/** Whether the recorded status says the operation passes the stage. */
export const recordedPass = (name: string, stage: Stage) => recorded?.operations[name]?.passes.includes(stage) ?? false;
/** The title suffix of a stage not yet passed: the recorded cause. */
export const notYet = (name: string, stage: Stage) => {
  const failures = recorded?.operations[name]?.failures;
  if (!failures) return 'not yet (no status recorded for it: run npm run lambda:status)';
  const own = failures[stage];
  // An operation that is not generated fails every later stage for that one reason.
  const blocking = own ? undefined : STAGES.find((s) => failures[s]);
  const why = own ? own.summary : blocking ? `${blocking} fails: ${failures[blocking]!.summary}` : 'not recorded as passing';
  return `not yet (recorded: ${why}; see test/lambda/STATUS.md)`;
};

/** Opens the exchange before the file's tests and closes it after. */
export function useExchange(): { exchange: () => Exchange; op: (name: string) => Operation } {
  let exchange: Exchange | undefined;
  beforeAll(async () => {
    exchange = await openExchange(loadModel(), await lambdaGeneration());
  }, 300_000);
  afterAll(async () => exchange?.close());
  return {
    exchange: () => exchange!,
    op: (name) => operationOf(exchange!.model, name),
  };
}

export { STAGES };
