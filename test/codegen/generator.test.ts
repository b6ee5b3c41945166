import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGenerate } from '../../codegen/cli.js';
import { generate } from '../../codegen/generate.js';
import { ROOT, generateInto, run, scratch, typeCheck } from './helpers.js';

const REVISIONS = readdirSync(join(ROOT, 'model', 'revisions')).filter((f) => f.endsWith('.yaml')).sort();
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');

/** The command in this process (a process per case cost two to four seconds of start-up each); paths relative to ROOT. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await runGenerate(args, { out: (line) => (stdout += `${line}\n`), err: (line) => (stderr += `${line}\n`) });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

/** The command as the process `npm run generate` starts. */
async function cliProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['codegen/cli.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run generate', () => {
  it('--check passes on the committed generated/ folder (run as a process)', async () => {
    const result = await cliProcess(['--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^generated\/ is up to date with model\/revisions\/\d+\.yaml \+ model\/companions\.yaml \(\d+ files, \d+ ms\)\n$/);
  });

  it('--check fails and names the stale files after a member constraint changes', async () => {
    const dir = scratch('check-constraint');
    const current = REVISIONS[REVISIONS.length - 1];
    const edited = readFileSync(join(ROOT, 'model', 'revisions', current), 'utf8').replace('maxLength: 100', 'maxLength: 99');
    expect(edited).not.toBe(readFileSync(join(ROOT, 'model', 'revisions', current), 'utf8'));
    writeFileSync(join(dir, current), edited);
    const result = await cli(['--check', '--model', join(dir, current), '--model', 'model/companions.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('generated/ is stale');
    expect(result.stderr).toMatch(/stale\s+generated\/validators\/AddPermission\.ts/);
    expect(result.stderr).toMatch(/stale\s+generated\/client\/src\/models\.ts/);
  });

  it('--check fails after a documentation-only edit, because the docs are in the generated TSDoc', async () => {
    const dir = scratch('check-doc');
    const edited = readFileSync(join(ROOT, 'model', 'companions.yaml'), 'utf8').replace('Statement ID of the permission to remove.', 'The statement to remove.');
    writeFileSync(join(dir, 'companions.yaml'), edited);
    const current = REVISIONS[REVISIONS.length - 1];
    const result = await cli(['--check', '--model', `model/revisions/${current}`, '--model', join(dir, 'companions.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stale\s+generated\/client\/src\/models\.ts/);
  });

  it('writes into another folder, says what it wrote, and removes files the model no longer produces', async () => {
    const out = scratch('cli-out');
    writeFileSync(join(out, 'leftover.ts'), '// from an older model\n');
    const result = await cli(['--model', 'test/fixtures/widgets.yaml', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote   ${out}/client/src/commands/PaintWidgetCommand.ts`);
    expect(result.stdout).toContain(`removed ${out}/leftover.ts`);
    expect(result.stdout).toMatch(/generated \d+ files from test\/fixtures\/widgets\.yaml into .* \(\d+ changed, \d+ ms\)/);
    const again = await cli(['--model', 'test/fixtures/widgets.yaml', '--out', out, '--check']);
    expect(again.code).toBe(0);
  });

  it('exits 2 with a one-line message for an unreadable model', async () => {
    const dir = scratch('bad-model');
    writeFileSync(join(dir, 'bad.yaml'), 'openapi: 3.1.0\ninfo: {title: X, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: A\n      responses: {}\n');
    const result = await cli(['--model', join(dir, 'bad.yaml'), '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`model error: ${join(dir, 'bad.yaml').replace(`${ROOT}/`, '')}: exactly one 2xx response is expected at /paths/~1a/get/responses`);
  });
});

describe('generated output', () => {
  it('is byte-for-byte the same on a second run, and carries no timestamp', async () => {
    const models = ['model/revisions/2025.yaml', 'model/companions.yaml'].map((m) => join(ROOT, m));
    const first = await generate(models, ROOT);
    const second = await generate(models, ROOT);
    expect(second.files).toEqual(first.files);
    for (const file of first.files) expect(file.content).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/);
  });

  it('marks every TypeScript file as generated without naming a model file, and names the documents and hashes in manifest.json alone', async () => {
    const { files } = await generate([join(ROOT, 'model/revisions/2025.yaml'), join(ROOT, 'model/companions.yaml')], ROOT);
    for (const file of files.filter((f) => f.path.endsWith('.ts'))) {
      expect(file.content.startsWith('// Code generated by permgen from the model in model/. Do not edit: run `npm run generate`.\n')).toBe(true);
      expect(file.content).not.toContain('2025.yaml');
    }
    const manifest = JSON.parse(files.find((f) => f.path === 'manifest.json')!.content);
    expect(manifest.sources.map((s: { path: string }) => s.path)).toEqual(['model/revisions/2025.yaml', 'model/companions.yaml']);
    expect(manifest.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(REVISIONS)('from revision %s (with the companions) type-checks under strict settings', async (revision) => {
    const out = scratch(`typecheck-${revision}`);
    await generateInto([`model/revisions/${revision}`, 'model/companions.yaml'], out);
    expect(typeCheck(out)).toEqual([]);
  });

  it('from the unrelated widgets model type-checks too', async () => {
    const out = scratch('typecheck-widgets');
    await generateInto(['test/fixtures/widgets.yaml'], out);
    expect(typeCheck(out)).toEqual([]);
  });

  it('codegen/ knows nothing of this particular operation: no operation, error or compound member name of the model', async () => {
    const { model } = await generate([join(ROOT, 'model/revisions/2025.yaml'), join(ROOT, 'model/companions.yaml')], ROOT);
    const compound = (name: string) => /^[A-Z][a-z]+[A-Z]/.test(name);
    const forbidden = [
      ...model.operations.map((o) => o.name),
      // ServiceException is also the name of @smithy/smithy-client's base class, which the client emitter extends.
      ...model.errors.map((e) => e.name).filter((name) => name !== 'ServiceException'),
      ...model.operations.flatMap((o) => o.input.map((m) => m.name)).filter(compound),
    ];
    expect(forbidden).toContain('AddPermission');
    expect(forbidden).toContain('StatementId');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else {
          const text = readFileSync(path, 'utf8');
          for (const name of new Set(forbidden)) if (text.includes(name)) offenders.push(`${path.replace(`${ROOT}/`, '')}: ${name}`);
          if (/addpermission/i.test(text)) offenders.push(`${path.replace(`${ROOT}/`, '')}: addpermission`);
        }
      }
    };
    walk(join(ROOT, 'codegen'));
    expect(offenders).toEqual([]);
  });
});
