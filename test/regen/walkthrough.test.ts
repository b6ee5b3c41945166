// The README's "Adding a new documentation revision" walkthrough, run command for command in a
// fresh clone of the committed project, on the fixture page it names: the new revision must leave
// the suite green there. The clone shares this checkout's node_modules (an install would need the
// registry) and ../shared through symlinks. Its `npm test` is the type check plus, by default, the
// suites that read model/ (test/model, test/diff's revisions, output and surface): a whole second
// run inside every `npm test` would double the suite's time. With PERMGEN_WALKTHROUGH_SUITE=full,
// as .ci/run sets it, the clone runs the whole suite but this file.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../codegen/helpers.js';

const FULL = process.env.PERMGEN_WALKTHROUGH_SUITE === 'full';
const THIS_FILE = 'test/regen/walkthrough.test.ts';
const SUITES = FULL ? [`--exclude ${THIS_FILE}`] : ['test/model', 'test/diff/revisions.test.ts', 'test/diff/output.test.ts', 'test/diff/surface.test.ts'];

/** The shell commands of the README block marked as the walkthrough. */
function walkthrough(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- walkthrough:[^>]*-->\n```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no walkthrough block');
  return block[1].split('\n').map((l) => l.trim()).filter(Boolean);
}

const dir = mkdtempSync(join(tmpdir(), 'permgen-walkthrough-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS'));
Object.assign(env, { GIT_AUTHOR_NAME: 'walkthrough', GIT_AUTHOR_EMAIL: 'walkthrough@example.invalid', GIT_COMMITTER_NAME: 'walkthrough', GIT_COMMITTER_EMAIL: 'walkthrough@example.invalid' });

function sh(command: string, cwd: string): { status: number | null; out: string } {
  const r = spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** `git status` of the clone, without the node_modules symlink this test made. */
function status(cwd: string): string[] {
  return sh('git status --porcelain --untracked-files=all', cwd).out.split('\n').filter((l) => l && l !== '?? node_modules').sort();
}

const suiteShown = FULL ? 'the whole suite' : 'the type check and the suites that read model/ (the whole suite with PERMGEN_WALKTHROUGH_SUITE=full)';

describe('README walkthrough: adding a revision', () => {
  it(`runs command for command in a fresh clone; the documentation-only page is a patch bump that touches only the files whose text changes, and ${suiteShown} stays green`, () => {
    const clone = join(dir, 'project');
    execFileSync('git', ['clone', '-q', ROOT, clone]);
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const shared = join(ROOT, '..', 'shared');
    if (existsSync(shared)) symlinkSync(shared, join(dir, 'shared'));
    const commands = walkthrough();
    expect(commands[0]).toMatch(/^npm run regen -- \S+ --name 2027$/);

    for (const command of commands) {
      if (command === 'npm test') {
        const typecheck = sh('npx tsc --noEmit -p tsconfig.json', clone);
        expect(typecheck.out, 'tsc').toBe('');
        const suites = sh(`npx vitest run ${SUITES.join(' ')}`, clone);
        expect(suites.status, suites.out.slice(-3000)).toBe(0);
        expect(suites.out, 'the clone ran no test').toMatch(/Tests\s+.*\d+ passed/);
        continue;
      }
      const r = sh(command, clone);
      expect(r.status, `${command}\n${r.out.slice(-3000)}`).toBe(0);
      if (command.startsWith('npm run regen')) {
        expect(r.out).toContain('4/5 wrote model/revisions/2027.yaml (client version 1.3.1 → 1.3.2, patch bump)');
        expect(r.out).toMatch(/5\/5 regenerated generated\/ .*: 7 of \d+ files changed/);
        // The changed description is in the doc comments of the client, its command and the types;
        // the version in the package and the READMEs; the hashes in the manifest. Nothing else.
        expect(status(clone).map((line) => line.replace(/_[0-9a-f]{16}\.rst$/, '_HASH.rst'))).toEqual([
          ' M generated/README.md',
          ' M generated/client/README.md',
          ' M generated/client/package.json',
          ' M generated/client/src/LambdaClient.ts',
          ' M generated/client/src/commands/AddPermissionCommand.ts',
          ' M generated/manifest.json',
          ' M generated/types.ts',
          '?? model/revisions/2027.yaml',
          '?? model/sources/2027-page_HASH.rst',
        ]);
      }
    }
    expect(status(clone)).toEqual([]);

    // The same page again changes nothing: nothing is written, and regen says so.
    const again = sh(`${commands[0].replace('--name 2027', '--name 2028')}`, clone);
    expect(again.status).toBe(0);
    expect(again.out).toContain('the page states nothing model/revisions/2027.yaml does not: no new revision is needed, and nothing was written.');
    expect(status(clone)).toEqual([]);
  }, 900_000);
});
