// `npm run lambda:status`: measures every Lambda operation through every stage on the current
// generator and records it in test/lambda/status.json (which the tests hold the generator to) and
// test/lambda/STATUS.md (the failure causes grouped, for the generator's owners).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGES, type Stage } from './exchange.js';
import { hasLambdaModel, ROOT } from './generation.js';
import { measureAll, type OperationStatus } from './measure.js';
import { renderStatus, type RecordedStatus } from './status.js';

if (!hasLambdaModel) {
  console.error('lambda:status needs ../shared/fixtures/smithy/lambda.json, which is absent');
  process.exit(2);
}
const started = performance.now();
const { generation, operations } = await measureAll();
const recorded: RecordedStatus = {
  note: 'Written by `npm run lambda:status` (test/lambda/record.ts); the tests in test/lambda/ fail when an operation loses a stage recorded here.',
  operationCount: generation.operations.length,
  together: generation.together.error ?? 'generates',
  validationError: generation.validationError ?? null,
  counts: Object.fromEntries(STAGES.map((s) => [s, Object.values(operations).filter((o) => o.passes.includes(s)).length])) as Record<Stage, number>,
  reachCounts: Object.fromEntries(STAGES.map((s, i) => [s, Object.values(operations).filter((o) => o.reaches !== '-' && STAGES.indexOf(o.reaches) >= i).length])) as Record<Stage, number>,
  operations: Object.fromEntries(
    Object.entries(operations).map(([name, o]): [string, OperationStatus] => [name, o]),
  ),
};
writeFileSync(join(ROOT, 'test/lambda/status.json'), `${JSON.stringify(recorded, null, 2)}\n`);
writeFileSync(join(ROOT, 'test/lambda/STATUS.md'), renderStatus(recorded, generation));
console.log(`recorded ${Object.keys(operations).length} operations in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
for (const s of STAGES) console.log(`  ${s.padEnd(20)} passes ${recorded.counts[s]}, reached (all stages before it too) ${recorded.reachCounts[s]}`);
