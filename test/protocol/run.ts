// npm run test:protocol [-- --verbose] [-- --filter TEXT] [-- --update-known-failures] [-- --diagnose]
//
// Runs AWS's restJson1 compliance suite (../shared/fixtures/smithy-protocol-tests) against
// clients and servers generated from it, and ends with the line
// `restJson1 protocol tests: P passed, F failed, S skipped of N`.
// Exit code 1 when a case's outcome differs from known-failures.json (a new failure, or a known
// one that now passes); after checking them, --update-known-failures rewrites it and FAILURES.md.
// --diagnose (not counted, never written to known-failures.json): each service generated with
// only the operations the generator accepts on their own, to see what fails beyond generation.

import { parseArgs } from 'node:util';
import type { Outcome } from './harness/outcome.js';
import { groupCauses, readKnownFailures, summaryLine, tally, writeFailuresMarkdown, writeKnownFailures, type CaseResult } from './harness/report.js';
import { openSuite } from './harness/suite.js';
import type { ProtocolCase } from './suite/cases.js';
import { hasSuite, SUITE_SHOWN } from './suite/location.js';

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', short: 'v' },
    filter: { type: 'string' },
    'update-known-failures': { type: 'boolean' },
    diagnose: { type: 'boolean' },
  },
});
if (values['update-known-failures'] && (values.filter || values.diagnose)) throw new Error('--update-known-failures needs the whole suite, counted (no --filter, no --diagnose)');

if (!hasSuite()) {
  console.log(`${SUITE_SHOWN} is absent: nothing to run.`);
  console.log(summaryLine({ passed: 0, failed: 0, skipped: 0, total: 0 }));
  process.exit(0);
}

async function runAll(diagnose: boolean) {
  const suite = openSuite({ onlyAcceptedOperations: diagnose });
  const selected = values.filter ? suite.cases.filter((c) => c.key.includes(values.filter!)) : suite.cases;
  const results: CaseResult[] = [];
  for (const c of selected) {
    const outcome: Outcome = await suite.run(c);
    results.push({ c, outcome });
    if (values.verbose && outcome.status !== 'passed') {
      console.log(`${outcome.status === 'failed' ? 'FAIL' : 'SKIP'} ${c.key}: ${outcome.status === 'failed' ? `${outcome.cause}\n     ${outcome.detail}` : outcome.reason}`);
    }
  }
  const builds = suite.builds();
  await suite.close();
  return { results, builds };
}

function printCauses(results: readonly CaseResult[], shown = 25): void {
  const groups = groupCauses(results);
  if (!groups.length) return;
  console.log('failure causes (cases, cause):');
  for (const g of groups.slice(0, shown)) console.log(`  ${String(g.count).padStart(4)}  ${g.cause}`);
  if (groups.length > shown) console.log(`  … and ${groups.length - shown} more causes`);
}

if (values.diagnose) {
  const { results } = await runAll(true);
  printCauses(results, 60);
  const t = tally(results.map((r) => r.outcome));
  console.log(`diagnostic run, not the count (only operations the generator accepts on their own): ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped of ${t.total}`);
  process.exit(0);
}

const { results, builds } = await runAll(false);
for (const b of builds) if (!b.ok) console.log(`${b.service}: generation failed at ${b.stage}: ${b.message}`);
printCauses(results);

let unexpected = 0;
if (values['update-known-failures']) {
  writeKnownFailures(results);
  // Where a service does not generate, every case fails alike; the diagnostic run shows what lies beyond.
  const diagnostic = builds.some((b) => !b.ok) ? await runAll(true) : undefined;
  writeFailuresMarkdown(results, builds, diagnostic?.results);
  console.log('wrote test/protocol/known-failures.json and test/protocol/FAILURES.md');
} else {
  const known = readKnownFailures();
  for (const { c, outcome } of results) {
    const wasKnown = known[c.key] !== undefined;
    if (outcome.status === 'failed' && !wasKnown) {
      unexpected++;
      console.log(`new failure: ${c.key}: ${outcome.cause}`);
    } else if (outcome.status === 'passed' && wasKnown) {
      unexpected++;
      console.log(`now passes (known failure): ${c.key}`);
    }
  }
  if (unexpected) console.log(`${unexpected} outcomes differ from known-failures.json; after checking them: npm run test:protocol -- --update-known-failures`);
}
console.log(summaryLine(tally(results.map((r: { c: ProtocolCase; outcome: Outcome }) => r.outcome))));
process.exitCode = unexpected ? 1 : 0;
