// npm run test:protocol [-- --verbose] [-- --filter TEXT] [-- --update-known-failures]
//
// Runs AWS's restJson1 compliance suite (../shared/fixtures/smithy-protocol-tests) against
// clients and servers generated from it, and ends with the line
// `restJson1 protocol tests: P passed, F failed, S skipped of N`.
// Exit code 1 when a case's outcome differs from known-failures.json (a new failure, or a known
// one that now passes): the file is then rewritten with --update-known-failures.

import { parseArgs } from 'node:util';
import { groupCauses, readKnownFailures, summaryLine, tally, writeFailuresMarkdown, writeKnownFailures } from './harness/report.js';
import { openSuite } from './harness/suite.js';
import type { Outcome } from './harness/outcome.js';
import type { ProtocolCase } from './suite/cases.js';
import { hasSuite, SUITE_SHOWN } from './suite/location.js';

const { values } = parseArgs({
  options: { verbose: { type: 'boolean', short: 'v' }, filter: { type: 'string' }, 'update-known-failures': { type: 'boolean' } },
});

if (!hasSuite()) {
  console.log(`${SUITE_SHOWN} is absent: nothing to run.`);
  console.log(summaryLine({ passed: 0, failed: 0, skipped: 0, total: 0 }));
  process.exit(0);
}

const suite = openSuite();
const selected = values.filter ? suite.cases.filter((c) => c.key.includes(values.filter!)) : suite.cases;
const results: { c: ProtocolCase; outcome: Outcome }[] = [];
for (const c of selected) {
  const outcome = await suite.run(c);
  results.push({ c, outcome });
  if (values.verbose && outcome.status !== 'passed') console.log(`${outcome.status === 'failed' ? 'FAIL' : 'SKIP'} ${c.key}: ${outcome.status === 'failed' ? `${outcome.cause}\n     ${outcome.detail}` : outcome.reason}`);
}
const builds = suite.builds();
await suite.close();

for (const b of builds) if (!b.ok) console.log(`${b.service}: generation failed at ${b.stage}: ${b.message}`);
const groups = groupCauses(results);
if (groups.length) {
  console.log('failure causes (cases, cause):');
  for (const g of groups.slice(0, 25)) console.log(`  ${String(g.count).padStart(4)}  ${g.cause}`);
  if (groups.length > 25) console.log(`  … and ${groups.length - 25} more causes (FAILURES.md has them all)`);
}

let unexpected = 0;
if (values['update-known-failures']) {
  if (values.filter) throw new Error('--update-known-failures needs the whole suite (no --filter)');
  writeKnownFailures(results);
  writeFailuresMarkdown(results, builds);
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
console.log(summaryLine(tally(results.map((r) => r.outcome))));
process.exitCode = unexpected ? 1 : 0;
