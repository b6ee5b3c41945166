/**
 * What each comparison hands back, and how it is written: one section per comparison in
 * bench/results.json, rendered as one chapter of bench/RESULTS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

export interface Table {
  title?: string;
  columns: string[];
  rows: string[][];
}

export interface Target {
  /** What is compared, e.g. `valid input: generated / Ajv`. */
  what: string;
  /** The target as written in the issue, e.g. `≥ 1.8×`. */
  target: string;
  /** The measured value as shown, e.g. `2.3× (±4%)`. */
  measured: string;
  met: boolean;
}

export interface Section {
  id: string;
  title: string;
  /** The command that runs this comparison alone. */
  command: string;
  /** Versions of everything compared, by package name. */
  versions: Record<string, string>;
  /** How it was measured, in a sentence or two. */
  method: string;
  tables: Table[];
  targets: Target[];
  notes: string[];
  /** Every measurement, for anyone who wants to recompute. */
  raw: unknown;
  seconds?: number;
  /** When the run that measured this section started (ISO), set by bench/run.ts. */
  ranAt?: string;
}

export interface BenchOptions {
  quick: boolean;
  /** Where to write this section as JSON (the runner passes it); printed otherwise. */
  out?: string;
}

export function benchOptions(argv = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } },
    strict: true,
  });
  return { quick: values.quick!, out: values.out };
}

const require = createRequire(import.meta.url);

/** The installed version of a package, read from its package.json. */
export function versionOf(name: string): string {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    // Packages whose exports hide package.json: find it next to the entry point.
    const entry = require.resolve(name);
    const at = entry.lastIndexOf(`/node_modules/${name}/`);
    return JSON.parse(readFileSync(`${entry.slice(0, at)}/node_modules/${name}/package.json`, 'utf8')).version;
  }
}

/** Runs one comparison as a script: writes its section where the runner asked, or prints it. */
export async function main(run: (options: BenchOptions) => Promise<Section>): Promise<void> {
  const options = benchOptions();
  const started = performance.now();
  const section = await run(options);
  section.seconds = Math.round((performance.now() - started) / 100) / 10;
  if (options.out) writeFileSync(options.out, JSON.stringify(section, null, 2));
  else process.stdout.write(`${renderSection(section)}\n`);
}

export function renderTable(table: Table): string {
  const lines: string[] = [];
  if (table.title) lines.push(`**${table.title}**`, '');
  lines.push(`| ${table.columns.join(' | ')} |`, `|${table.columns.map(() => '---').join('|')}|`);
  for (const row of table.rows) lines.push(`| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
  return lines.join('\n');
}

export function renderSection(section: Section): string {
  const ranAt = section.ranAt ? ` — ${section.ranAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  const parts = [`## ${section.title}`, '', `Command: \`${section.command}\`${ranAt}`, '', section.method, ''];
  if (section.targets.length > 0) {
    parts.push(
      renderTable({
        columns: ['target', 'wanted', 'measured', ''],
        rows: section.targets.map((t) => [t.what, t.target, t.measured, t.met ? 'met' : '**missed**']),
      }),
      '',
    );
  }
  for (const table of section.tables) parts.push(renderTable(table), '');
  if (section.notes.length > 0) parts.push(...section.notes.map((n) => `- ${n}`), '');
  const versions = Object.entries(section.versions).map(([name, version]) => `${name} ${version}`);
  parts.push(`Versions: ${versions.join(', ')}.${section.seconds === undefined ? '' : ` Took ${section.seconds} s.`}`);
  return parts.join('\n');
}
