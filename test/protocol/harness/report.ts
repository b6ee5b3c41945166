// The run's results as files: the known failures (case key → cause), which vitest runs as expected
// failures, and FAILURES.md, the causes grouped with their counts for the generator's owners.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProtocolCase } from '../suite/cases.js';
import type { Outcome } from './outcome.js';
import { PROTOCOL_DIR } from './suite.js';

export const KNOWN_FAILURES_PATH = join(PROTOCOL_DIR, 'known-failures.json');
export const FAILURES_MD_PATH = join(PROTOCOL_DIR, 'FAILURES.md');

export interface CaseResult { c: ProtocolCase; outcome: Outcome }

export interface Tally { passed: number; failed: number; skipped: number; total: number }

export function tally(outcomes: readonly Outcome[]): Tally {
  const t = { passed: 0, failed: 0, skipped: 0, total: outcomes.length };
  for (const o of outcomes) t[o.status]++;
  return t;
}

/** The line `npm run test:protocol` ends with. */
export const summaryLine = (t: Tally): string => `restJson1 protocol tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped of ${t.total}`;

export function readKnownFailures(path = KNOWN_FAILURES_PATH): Record<string, string> {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { cases?: Record<string, string> }).cases ?? {};
  } catch {
    return {};
  }
}

/** Failing cases' causes, grouped, largest first (ties by cause). */
export function groupCauses(results: readonly CaseResult[]): { cause: string; count: number; examples: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const { c, outcome } of results) if (outcome.status === 'failed') groups.set(outcome.cause, [...(groups.get(outcome.cause) ?? []), c.key]);
  return [...groups].map(([cause, keys]) => ({ cause, count: keys.length, examples: keys.slice(0, 3) })).sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1));
}

function causeTable(results: readonly CaseResult[]): string[] {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return groupCauses(results).map((g) => `| ${g.count} | ${cell(g.cause)} | ${g.examples.map((e) => `\`${e}\``).join(', ')} |`);
}

export function writeKnownFailures(results: readonly CaseResult[]): void {
  const cases: Record<string, string> = {};
  for (const { c, outcome } of [...results].sort((a, b) => (a.c.key < b.c.key ? -1 : 1))) if (outcome.status === 'failed') cases[c.key] = outcome.cause;
  const about = 'Cases of the restJson1 compliance suite that fail today, with their cause. Written by `npm run test:protocol -- --update-known-failures`; vitest runs them as expected failures, so one that starts passing is noticed. Never edit by hand.';
  writeFileSync(KNOWN_FAILURES_PATH, `${JSON.stringify({ about, cases }, null, 2)}\n`);
}

export function writeFailuresMarkdown(results: readonly CaseResult[], builds: readonly { service: string; ok: boolean; stage?: string; message?: string }[], diagnostic?: readonly CaseResult[]): void {
  const t = tally(results.map((r) => r.outcome));
  const lines = [
    '# restJson1 compliance: why cases fail',
    '',
    'Written by `npm run test:protocol -- --update-known-failures` (do not edit by hand). Each cause is what the',
    'harness saw first for a case; the fix belongs in the generator (`codegen/`), not in the tests.',
    '',
    `**${summaryLine(t)}**`,
    '',
    '## Generation, per service',
    '',
    '| service | result |',
    '|---|---|',
    ...[...builds].sort((a, b) => (a.service < b.service ? -1 : 1)).map((b) => `| \`${b.service}\` | ${b.ok ? 'generates, bundles and loads' : `fails at ${b.stage}: ${String(b.message).replace(/\|/g, '\\|')}`} |`),
    '',
    '## Failure causes, by count',
    '',
    '| cases | cause | e.g. |',
    '|---:|---|---|',
    ...causeTable(results),
    '',
  ];
  if (diagnostic) {
    const d = tally(diagnostic.map((r) => r.outcome));
    lines.push(
      '## Beyond generation (diagnostic, not counted)',
      '',
      'Each service generated with only the operations the generator accepts on their own',
      '(`npm run test:protocol -- --diagnose`): what the other cases find once generation stops failing.',
      `Diagnostic result: ${d.passed} passed, ${d.failed} failed, ${d.skipped} skipped of ${d.total}.`,
      '',
      '| cases | cause | e.g. |',
      '|---:|---|---|',
      ...causeTable(diagnostic),
      '',
    );
  }
  writeFileSync(FAILURES_MD_PATH, lines.join('\n'));
}
