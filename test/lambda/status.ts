// The recorded status of the 85 Lambda operations (test/lambda/status.json) and its Markdown
// rendering (test/lambda/STATUS.md): per stage counts, failure causes grouped with counts.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGES, type Stage } from './exchange.js';
import { ROOT, type Generation } from './generation.js';
import type { OperationStatus } from './measure.js';

export interface RecordedStatus {
  note: string;
  operationCount: number;
  /** The first refusal when all operations generate together, or `generates`. */
  together: string;
  validationError: string | null;
  /** Operations passing each stage. */
  counts: Record<Stage, number>;
  /** Operations passing each stage and every stage before it. */
  reachCounts: Record<Stage, number>;
  operations: Record<string, OperationStatus>;
}

export const STATUS_FILE = join(ROOT, 'test/lambda/status.json');

export function readRecordedStatus(): RecordedStatus | undefined {
  return existsSync(STATUS_FILE) ? (JSON.parse(readFileSync(STATUS_FILE, 'utf8')) as RecordedStatus) : undefined;
}

const STAGE_MEANING: Record<Stage, string> = {
  generate: 'imported with the other operations and generated (client, server, validators)',
  typecheck: 'its generated files type-check with `strict` and `exactOptionalPropertyTypes`',
  'client-wire': 'the generated client sends the request `@aws-sdk/client-lambda` sends for the same input',
  'server-accepts-sdk': 'the generated server decodes the SDK\'s request to the same input',
  'sdk-parses-server': 'the SDK reads the generated server\'s output and every modeled error as its typed exception',
  'round-trip': 'generated client ↔ generated server: output, every modeled error, one validation failure',
};

export function renderStatus(status: RecordedStatus, generation: Generation): string {
  const ops = Object.entries(status.operations);
  const lines = [
    '# The 85 Lambda operations, stage by stage',
    '',
    'Written by `npm run lambda:status` (test/lambda/record.ts) from AWS\'s Smithy model in ../shared; the tests in test/lambda/ fail when an operation loses a stage recorded in status.json (one test per operation and stage). ' +
      'Re-record after generator work (`npm run lambda:status`) and commit both files.',
    '',
    `All ${status.operationCount} operations together: ${status.together === 'generates' ? 'generate' : `refused — \`${status.together}\``}. ` +
      `Each operation is measured on the largest set of operations the generator accepts (${generation.generated.length} of ${status.operationCount}); the others carry the refusal that named their shapes. ` +
      `Generation took ${(generation.generateMs / 1000).toFixed(1)} s (import ${(generation.importMs / 1000).toFixed(1)} s), tsc ${(generation.typecheck.ms / 1000).toFixed(1)} s with ${generation.typecheck.total} diagnostics` +
      (generation.typecheck.shared.length > 0
        ? `; ${generation.typecheck.shared.length} of them in files no operation owns, which fail every operation's typecheck stage — without them, ${generation.generated.filter((n) => !generation.typecheck.byOperation[n]).length} operations' own files type-check.`
        : '.'),
    '',
    '| stage | what it means | operations passing | passing it and every stage before |',
    '|---|---|---|---|',
    ...STAGES.map((s) => `| ${s} | ${STAGE_MEANING[s]} | ${status.counts[s]} | ${status.reachCounts[s]} |`),
    '',
    'These are the operations *together*, in one document and one generated client, as the issue\'s "Done when" asks; measured one at a time (as the issue\'s first counts were), an operation escapes what importing together breaks (two operations whose URIs differ only by a constant query collide) and the type-check there was `strict` without `exactOptionalPropertyTypes`.',
    '',
    'Requests are compared after normalising only what must differ between two clients: user agent headers, `amz-sdk-invocation-id`, `amz-sdk-request`, `x-amz-date`, the signature (`authorization`, `x-amz-content-sha256`, `x-amz-security-token`) and `content-length` (both HTTP layers derive it from the body, which is compared as JSON or byte for byte).',
    '',
    '## Failure causes, grouped',
    '',
  ];
  for (const stage of STAGES) {
    const groups = new Map<string, string[]>();
    for (const [name, o] of ops) {
      const f = o.failures[stage];
      if (!f) continue;
      groups.set(f.summary, [...(groups.get(f.summary) ?? []), name]);
    }
    if (groups.size === 0) continue;
    lines.push(`### ${stage} (${[...groups.values()].reduce((n, g) => n + g.length, 0)} operations fail it)`, '');
    for (const [summary, names] of [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
      const example = status.operations[names[0]!]!.failures[stage]!.detail;
      lines.push(`- **${names.length}× ${summary.replace(/\|/g, '\\|')}** — ${names.join(', ')}`, `  - e.g. ${names[0]}: \`${example.replace(/`/g, "'").slice(0, 400)}\``);
    }
    lines.push('');
  }
  lines.push('## Every operation', '', '| operation | reaches | also passes | first failure |', '|---|---|---|---|');
  for (const [name, o] of ops) {
    const reachedIndex = o.reaches === '-' ? -1 : STAGES.indexOf(o.reaches);
    const also = o.passes.filter((s) => STAGES.indexOf(s) > reachedIndex + 1);
    const firstFailed = STAGES.find((s) => o.failures[s]);
    lines.push(`| ${name} | ${o.reaches} | ${also.join(', ')} | ${firstFailed ? `${firstFailed}: ${o.failures[firstFailed]!.summary.replace(/\|/g, '\\|')}` : ''} |`);
  }
  return `${lines.join('\n')}\n`;
}
