// Markdown for a pull-request comment: a summary table and the suggested bump first, changes as
// lists (long patterns break tables), documentation and suspected artifacts folded away.

import type { ChainResult } from '../chain.js';
import type { DiffResult, Summary } from '../diff.js';
import type { Finding, Level } from '../findings.js';
import { bumpExplanation, condense, exampleSentence, inSection, ofLevel, sampleSentence, wordDiff } from './shared.js';

const TITLES: Record<Level, string> = {
  breaking: '🔴 Breaking',
  warning: '🟠 Warning',
  info: '🔵 Info',
  documentation: '📝 Documentation only',
  artifact: '🧩 Suspected documentation artifacts',
};

/** Inline code that survives backticks inside the value. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function summaryTable(summary: Summary): string[] {
  return [
    '| Breaking | Warning | Info | Documentation only | Suspected artifacts |' + (summary.ignored > 0 ? ' Ignored |' : ''),
    '|---:|---:|---:|---:|---:|' + (summary.ignored > 0 ? '---:|' : ''),
    `| ${summary.breaking} | ${summary.warning} | ${summary.info} | ${summary.documentation} | ${summary.artifact} |` +
      (summary.ignored > 0 ? ` ${summary.ignored} |` : ''),
    '',
    `**Suggested version bump for the generated client: ${summary.semver}**` + (summary.semverReasons.length > 0 ? ', for:' : ''),
    ...summary.semverReasons.map((reason) => `- ${reason}`),
    ...(summary.surfaceUnavailable ? ['', `_From the model: ${summary.surfaceUnavailable}._`] : []),
    ...(bumpExplanation(summary) ? ['', `> ${bumpExplanation(summary)}`] : []),
  ];
}

function changeItem(finding: Finding, result: Pick<DiffResult, 'old' | 'new'>): string[] {
  const lines = [`- **${finding.message}** ${code(finding.id)}`];
  const sub = (text: string) => lines.push(`  - ${text}`);
  sub(`Why: ${finding.why}`);
  for (const example of finding.examples ?? []) sub(`Example: ${exampleSentence(example, result, code)}`);
  const sample = sampleSentence(finding, result, code);
  if (sample) sub(`Sample: ${sample}`);
  if (finding.ifReal) sub(`If real: ${code(finding.ifReal.id)} (${finding.ifReal.level})`);
  if (finding.level !== 'artifact') sub(`TypeScript: ${finding.impact.typescript} (**${finding.impact.bump}**)`);
  // In a chain the section heading already names the revision that introduced the change.
  sub(`Location: ${code(finding.location)} in ${finding.side === 'old' ? result.old.revision : result.new.revision}`);
  return lines;
}

function documentationItem(finding: Finding): string[] {
  if (finding.before === undefined || finding.after === undefined) return [`- ${finding.message}`];
  const segments = wordDiff(finding.before, finding.after);
  const words = (kind: string) => segments.filter((s) => s.kind === kind).reduce((n, s) => n + s.text.split(' ').length, 0);
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  // A mostly rewritten text reads better whole than as a patchwork of deletions and insertions.
  if (words('same') < words('added')) {
    return [`- ${finding.message}: rewritten, now: ${shorten(flat(finding.after), 240)}`];
  }
  // <del>/<ins> rather than ~~/**: the documentation's own Markdown may use those markers.
  const diff = condense(segments)
    .map((s) => (s.kind === 'same' ? s.text : s.kind === 'removed' ? `<del>${s.text}</del>` : `<ins>${s.text}</ins>`))
    .join(' ');
  return [`- ${finding.message}: ${flat(diff)}`];
}

/** Cuts at a word boundary and closes any code span or bold the cut left open. */
function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, text.lastIndexOf(' ', limit) > 0 ? text.lastIndexOf(' ', limit) : limit);
  if ((cut.match(/`/g)?.length ?? 0) % 2 === 1) cut += '`';
  if ((cut.replace(/`[^`]*`/g, '').match(/\*\*/g)?.length ?? 0) % 2 === 1) cut += '**';
  return cut + ' …';
}

function folded(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>'];
}

function body(result: DiffResult, headingLevel: string): string[] {
  const lines: string[] = [];
  for (const level of ['breaking', 'warning', 'info'] as Level[]) {
    const findings = ofLevel(result.findings, level);
    if (findings.length === 0) continue;
    lines.push('', `${headingLevel} ${TITLES[level]} (${findings.length})`, '');
    for (const finding of findings) lines.push(...changeItem(finding, result));
  }
  if (inSection(result.findings, 'changes').length === 0) lines.push('', 'No API changes.');
  const docs = ofLevel(result.findings, 'documentation');
  if (docs.length > 0) {
    lines.push('', ...folded(`${TITLES.documentation} (${docs.length}): never counted as breaking`, docs.flatMap(documentationItem)));
  }
  const artifacts = ofLevel(result.findings, 'artifact');
  if (artifacts.length > 0) {
    lines.push('', `${headingLevel} ${TITLES.artifact} (${artifacts.length})`, '', '_These never fail CI by themselves. Confirm against another capture of the documentation._', '');
    for (const finding of artifacts) lines.push(...changeItem(finding, result));
  }
  return lines;
}

function title(result: DiffResult): string {
  return `${code(result.old.revision)} → ${code(result.new.revision)}`;
}

export function formatMarkdown(result: DiffResult | ChainResult): string {
  if ('steps' in result) {
    const lines = [
      `## API shape diff: revision chain ${result.revisions.map((r) => code(r.revision)).join(' → ')}`,
      '',
      ...summaryTable(result.summary),
    ];
    for (const step of result.steps) {
      lines.push('', `### Introduced in ${code(step.new.revision)} (${title(step)})`, '', ...summaryTable(step.summary), ...body(step, '####'));
    }
    return lines.join('\n') + '\n';
  }
  return [`## API shape diff: ${title(result)}`, '', `${code(result.old.file)} → ${code(result.new.file)}`, '', ...summaryTable(result.summary), ...body(result, '###')].join('\n') + '\n';
}
