// The CLI: output formats and exit codes 0, 1 and 2. Most cases call its `run` in this process (a
// process per case cost about four seconds each, most of it loading tsx and TypeScript); one case
// runs it as the process a user starts, to prove the wiring of exit code and streams.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run as runDiff } from '../../codegen/diff/cli.js';
import { revisionNames } from '../model/load.js';
import { fixture, revision } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'codegen/diff/cli.ts');

function runProcess(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runDiff(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

function expectCleanError(stderr: string, says: RegExp) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^permgen diff: /);
  expect(lines[0]).toMatch(says);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('permgen diff CLI', () => {
  it('as a process, --fail-on breaking exits 1 for 2017 → 2025 and prints, on stderr, the findings that tripped it', () => {
    const { code, stdout, stderr } = runProcess(revision('2017'), revision('2025'), '--fail-on', 'breaking');
    expect(code).toBe(1);
    expect(stdout).toContain('[pattern-narrowed]');
    expect(stderr).toBe('permgen diff: --fail-on breaking: 1 finding at or above breaking:\n'
      + '  breaking [pattern-narrowed] AddPermission: `Principal` (body member) pattern narrowed: `.*` → `[^\\s]+`\n');
  });

  it('--help describes every option, the levels, the exit codes and examples', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    for (const text of ['--chain DIR', '--format FORMAT', '--fail-on LEVEL', '--ignore FILE', 'RULE-ID [JSON-POINTER] [# reason]', 'sample value', 'Levels: breaking', 'Exit codes: 0', 'Examples:']) expect(stdout).toContain(text);
  });

  it('explains a breaking finding beside a smaller suggested bump in the summary', () => {
    const { stdout } = run(revision('2020'), revision('2022'));
    expect(stdout).toContain('Suggested bump for the generated client: minor');
    expect(stdout).toContain('Note: 1 breaking finding but a minor bump: it breaks callers at the service (requests the new revision rejects), not the generated types, so no client version avoids it;');
  });

  it('--fail-on breaking exits 0 for 2022 → 2025', () => {
    const { code, stdout } = run(revision('2022'), revision('2025'), '--fail-on', 'breaking');
    expect(code).toBe(0);
    expect(stdout).toContain('Suggested bump for the generated client: minor');
  });

  it('--fail-on warning counts breaking findings too, never documentation or artifacts', () => {
    expect(run(revision('2020'), revision('2022'), '--fail-on', 'warning').code).toBe(1);
    expect(run(revision('2022'), revision('2025'), '--fail-on', 'warning').code).toBe(0);
  });

  it('exits 0 without --fail-on, whatever it finds', () => {
    expect(run(revision('2017'), revision('2025')).code).toBe(0);
  });

  it('exits 2 with one clear line for a missing model', () => {
    const { code, stderr, stdout } = run('model/revisions/1999.yaml', revision('2025'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectCleanError(stderr, /1999\.yaml: cannot read the model \(no such file\)/);
  });

  it('exits 2 for YAML that does not parse', () => {
    const { code, stderr } = run(fixture('broken.yaml'), revision('2025'));
    expect(code).toBe(2);
    expectCleanError(stderr, /broken\.yaml: not valid YAML \(line \d+\)/);
  });

  it('exits 2 for a document that is not an OpenAPI model', () => {
    const { code, stderr } = run(revision('2017'), fixture('not-openapi.yaml'));
    expect(code).toBe(2);
    expectCleanError(stderr, /not-openapi\.yaml: not an OpenAPI 3 document/);
  });

  it('exits 2 for a model whose x-errors name no error schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'permgen-diff-'));
    const file = join(dir, 'dangling.yaml');
    writeFileSync(file, 'openapi: 3.1.0\ninfo: {title: X, version: "1"}\npaths:\n  /x:\n    get:\n      operationId: GetX\n      x-errors: [Nope]\n      responses: {"200": {description: ok}}\n');
    const { code, stderr } = run(file, file);
    expect(code).toBe(2);
    expectCleanError(stderr, /error Nope has no schema with `x-error` at \/paths\/~1x\/get\/x-errors\/0/);
  });

  it('exits 2 for bad arguments, with the usage', () => {
    const { code, stderr } = run(revision('2017'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/expected OLD and NEW/);
    expect(stderr).toMatch(/usage: npm run diff/);
    expect(run(revision('2017'), revision('2020'), '--format', 'html').code).toBe(2);
    expect(run(revision('2017'), revision('2020'), '--fail-on', 'info').code).toBe(2);
  });

  it('honours an ignore file', () => {
    const { code, stdout } = run(revision('2017'), revision('2025'), '--fail-on', 'breaking', '--ignore', fixture('principal.ignore'), '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.summary.breaking).toBe(0);
    expect(result.findings.map((f: { id: string }) => f.id)).not.toContain('documentation-changed');
    expect(result.summary.ignored).toBeGreaterThan(1);
  });

  it('exits 2 for an ignore file naming an unknown rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'permgen-diff-'));
    const file = join(dir, 'bad.ignore');
    writeFileSync(file, 'pattern-narowed\n');
    const { code, stderr } = run(revision('2017'), revision('2025'), '--ignore', file);
    expect(code).toBe(2);
    expectCleanError(stderr, /bad\.ignore:1: unknown rule id "pattern-narowed"/);
  });

  it('diffs a chain and names the revision that introduced each change', () => {
    const { code, stdout } = run('--chain', 'model/revisions', '--fail-on', 'breaking');
    expect(code).toBe(1);
    // The chain is whatever model/revisions holds (a revision added by regen joins it at the end).
    expect(stdout).toContain(`Revision chain model/revisions: ${revisionNames().join(' → ')}\n`);
    expect(stdout).toContain('Introduced in 2022: 2020 (model/revisions/2020.yaml) → 2022 (model/revisions/2022.yaml)');
    expect(stdout).toContain('Introduced in 2026: 2025 (model/revisions/2025.yaml) → 2026 (model/revisions/2026.yaml)');
    expect(stdout).toMatch(/\[pattern-narrowed\] AddPermission: `Principal`[^\n]*\n(?:[^\n]*\n)*?\s+at [^\n]*introduced in 2022/);
  });

  it('exits 2 for a chain directory with fewer than two models', () => {
    const { code, stderr } = run('--chain', 'test/diff');
    expect(code).toBe(2);
    expectCleanError(stderr, /a chain needs at least two model files/);
  });

  it('writes markdown and JSON', () => {
    expect(run(revision('2020'), revision('2022'), '--format', 'markdown').stdout).toMatch(/^## API shape diff: `2020` → `2022`/);
    expect(JSON.parse(run(revision('2020'), revision('2022'), '--format', 'json').stdout).summary.breaking).toBe(1);
  });
});
