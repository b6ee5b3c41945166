// Plain text for a terminal: one block per finding, grouped by level, documentation and suspected
// artifacts last and apart, because they never count against the change.

import type { ChainResult } from '../chain.js';
import type { DiffResult, Summary } from '../diff.js';
import type { Finding, Level } from '../findings.js';
import { bumpExplanation, condense, exampleSentence, inSection, ofLevel, sampleSentence, wordDiff } from './shared.js';

const HEADINGS: Record<Level, string> = {
  breaking: 'BREAKING',
  warning: 'WARNING',
  info: 'INFO',
  documentation: 'DOCUMENTATION ONLY',
  artifact: 'SUSPECTED DOCUMENTATION ARTIFACTS',
};

const NOTES: Partial<Record<Level, string>> = {
  documentation: ': never counted as breaking',
  artifact: ': never fail CI by themselves',
};

function summaryLines(summary: Summary): string[] {
  const lines = [
    `Changes: ${summary.breaking} breaking, ${summary.warning} warning, ${summary.info} info; ` +
      `documentation only: ${summary.documentation}; suspected artifacts: ${summary.artifact}` +
      (summary.ignored > 0 ? `; ignored: ${summary.ignored}` : ''),
    `Suggested bump for the generated client: ${summary.semver}`,
  ];
  for (const reason of summary.semverReasons) lines.push(`  - ${reason}`);
  if (summary.surfaceUnavailable) lines.push(`  (from the model: ${summary.surfaceUnavailable})`);
  const explanation = bumpExplanation(summary);
  if (explanation) lines.push(`Note: ${explanation}`);
  return lines;
}

function findingLines(finding: Finding, result: Pick<DiffResult, 'old' | 'new'>): string[] {
  const lines = [`  [${finding.id}] ${finding.message}`];
  const detail = (text: string) => lines.push(`      ${text}`);
  if (finding.level === 'documentation' && finding.before !== undefined && finding.after !== undefined) {
    const diff = condense(wordDiff(finding.before, finding.after))
      .map((s) => (s.kind === 'same' ? s.text : s.kind === 'removed' ? `[-${s.text}-]` : `{+${s.text}+}`))
      .join(' ');
    detail(diff.length > 400 ? diff.slice(0, 400) + '…' : diff);
  } else {
    detail(`why: ${finding.why}`);
  }
  for (const example of finding.examples ?? []) detail(`e.g. ${exampleSentence(example, result, (s) => s)}`);
  const sample = sampleSentence(finding, result, (s) => s);
  if (sample) detail(`sample: ${sample}`);
  if (finding.ifReal) detail(`if real: ${finding.ifReal.id} (${finding.ifReal.level})`);
  if (finding.level !== 'documentation') detail(`TypeScript (${finding.impact.bump}): ${finding.impact.typescript}`);
  detail(`at ${finding.location} (${finding.side})${finding.introducedIn ? `, introduced in ${finding.introducedIn}` : ''}`);
  return lines;
}

function findingsBlock(result: DiffResult): string[] {
  const lines: string[] = [];
  const levels: Level[] = ['breaking', 'warning', 'info', 'documentation', 'artifact'];
  for (const level of levels) {
    const findings = ofLevel(result.findings, level);
    if (findings.length === 0) continue;
    lines.push('', `${HEADINGS[level]} (${findings.length})${NOTES[level] ?? ''}`);
    for (const finding of findings) lines.push(...findingLines(finding, result));
  }
  if (inSection(result.findings, 'changes').length === 0) lines.push('', 'No API changes.');
  return lines;
}

function header(result: DiffResult): string {
  return `${result.old.revision} (${result.old.file}) → ${result.new.revision} (${result.new.file})`;
}

export function formatText(result: DiffResult | ChainResult): string {
  if ('steps' in result) {
    const lines = [`Revision chain ${result.directory}: ${result.revisions.map((r) => r.revision).join(' → ')}`, ...summaryLines(result.summary)];
    for (const step of result.steps) {
      lines.push('', '='.repeat(72), `Introduced in ${step.new.revision}: ${header(step)}`, ...summaryLines(step.summary), ...findingsBlock(step));
    }
    return lines.join('\n') + '\n';
  }
  return [header(result), ...summaryLines(result.summary), ...findingsBlock(result)].join('\n') + '\n';
}
