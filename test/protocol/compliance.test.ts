// AWS's restJson1 compliance suite against the client and server generated from it: one test per
// case (each side, each testParameters expansion). Cases in known-failures.json run as expected
// failures (it.fails), so one that starts passing fails here until the list is regenerated
// (`npm run test:protocol -- --update-known-failures`); cases in skips.json are skipped with their
// reason in the title. Without ../shared the whole suite is skipped, visibly.

import { afterAll, describe, expect, it } from 'vitest';
import type { Outcome } from './harness/outcome.js';
import { readKnownFailures } from './harness/report.js';
import { openSuite, type SuiteRun } from './harness/suite.js';
import { hasSuite, SUITE_SHOWN } from './suite/location.js';

const present = hasSuite();
const suite: SuiteRun | undefined = present ? openSuite() : undefined;
const known = readKnownFailures();

/** Throws with the case's evidence unless it passed. */
function expectPassed(outcome: Outcome): void {
  if (outcome.status === 'failed') throw new Error(`${outcome.cause}\n${outcome.detail}`);
  expect(outcome.status).toBe('passed');
}

describe.skipIf(!present)(`restJson1 compliance suite from ${SUITE_SHOWN} (skipped where ${SUITE_SHOWN} is absent)`, () => {
  afterAll(async () => suite?.close());

  it('knows every failing case it expects by a case the suite has', () => {
    const keys = new Set(suite!.cases.map((c) => c.key));
    expect(Object.keys(known).filter((key) => !keys.has(key))).toEqual([]);
  });

  for (const c of suite?.cases ?? []) {
    const skip = suite!.skips.cases[c.key];
    const title = `${c.key} (${c.operation.replace(/^.*#/, '')})`;
    if (skip) it.skip(`${title} — skipped: ${skip}`, () => {});
    else if (known[c.key] !== undefined) it.fails(`${title} — known failure: ${known[c.key]}`, async () => expectPassed(await suite!.run(c)));
    else it(title, async () => expectPassed(await suite!.run(c)));
  }
});
