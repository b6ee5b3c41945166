/**
 * `npm run bench [-- --quick] [-- --only validators,server]`: runs every comparison, each in its
 * own process, and writes bench/results.json and bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHANGES } from './lib/changes.js';
import { renderSection, renderTable, type Section } from './lib/report.js';

const COMPARISONS = ['validators', 'server', 'client', 'codegen', 'runtime', 'store'] as const;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  strict: true,
});
const quick = values.quick!;
const only = values.only ? values.only.split(',') : [...COMPARISONS];
for (const name of only) {
  if (!(COMPARISONS as readonly string[]).includes(name)) throw new Error(`unknown comparison ${name}; choose from ${COMPARISONS.join(', ')}`);
}

const command = `npm run bench${quick || values.only ? ' --' : ''}${quick ? ' --quick' : ''}${values.only ? ` --only ${values.only}` : ''}`;
const startedAt = new Date();
const load = loadavg().map((l) => l.toFixed(2)).join(', ');
const started = performance.now();
mkdirSync('bench/.cache', { recursive: true });

const sections: Section[] = [];
const failures: string[] = [];
for (const name of only) {
  const out = join('bench/.cache', `section-${name}.json`);
  process.stdout.write(`bench: ${name}${quick ? ' (quick)' : ''} … `);
  const t = performance.now();
  // Each comparison in a fresh process: no JIT state, heap or loaded module carries over.
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...(quick ? ['--quick'] : []), '--out', out], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    failures.push(`${name}: ${result.stderr.trim().split('\n').slice(-8).join('\n')}`);
    process.stdout.write(`failed\n${result.stderr}\n`);
    continue;
  }
  const section = JSON.parse(readFileSync(out, 'utf8')) as Section;
  section.ranAt = startedAt.toISOString();
  sections.push(section);
  const missed = section.targets.filter((t) => !t.met).length;
  process.stdout.write(`${((performance.now() - t) / 1000).toFixed(1)} s, ${section.targets.length - missed}/${section.targets.length} targets met\n`);
}
const seconds = (performance.now() - started) / 1000;

// With --only, the comparisons not run now keep their last results, so that one comparison can be
// measured again without running (and disturbing the machine with) all the others.
const kept: Section[] = [];
if (values.only && existsSync('bench/results.json')) {
  const previous = JSON.parse(readFileSync('bench/results.json', 'utf8')) as { sections: Section[]; startedAt: string };
  for (const section of previous.sections) {
    if (only.includes(section.id)) continue;
    kept.push({ ...section, ranAt: section.ranAt ?? previous.startedAt });
  }
}
const order = (section: Section) => (COMPARISONS as readonly string[]).indexOf(section.id);
sections.push(...kept);
sections.sort((a, b) => order(a) - order(b));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average at start ${load}`;
const results = { command, quick, startedAt: startedAt.toISOString(), seconds: Math.round(seconds), machine, node: process.versions.node, sections, failures };
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

const summary = renderTable({
  columns: ['comparison', 'target', 'wanted', 'measured', ''],
  rows: sections.flatMap((s) => s.targets.map((t) => [s.title.replace(/:.*$/, ''), t.what, t.target, t.measured, t.met ? 'met' : '**missed**'])),
});
const markdown = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (bench/run.ts); the numbers below are from one run of the command shown, on one machine. ' +
    'These machines are shared and noisy: read the ratios, each taken between runs made back to back in the same process or alternating processes, not the absolute numbers. ' +
    'Medians with half the interquartile range as spread. Every script runs alone too (`npx tsx bench/NAME.ts [--quick]`).',
  '',
  `Command: \`${command}\` — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round(seconds)} s, Node ${process.versions.node}, ${machine}.` +
    (kept.length > 0 ? ` ${kept.map((s) => s.title.replace(/:.*$/, '')).join(', ')}: kept from earlier runs (date beside each section's command).` : ''),
  '',
  '## Targets',
  '',
  summary,
  '',
  ...(failures.length > 0 ? ['**Failed comparisons:**', '', ...failures.map((f) => `- ${f}`), ''] : []),
  CHANGES.trim(),
  '',
  ...sections.flatMap((s) => [renderSection(s), '']),
].join('\n');
writeFileSync('bench/RESULTS.md', markdown);
process.stdout.write(`bench: wrote bench/results.json and bench/RESULTS.md (${seconds.toFixed(0)} s)\n`);
if (failures.length > 0) process.exit(1);
