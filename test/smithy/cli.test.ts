// `npm run smithy`: IDL to JSON AST and back, through the npm script.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSmithyModel } from '../../codegen/smithy/load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const widgets = join(root, 'test', 'smithy', 'fixtures', 'widgets');
const dir = mkdtempSync(join(tmpdir(), 'permgen-smithy-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync('npm', ['run', '-s', 'smithy', '--', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run smithy', () => {
  it('json: writes the JSON AST of a folder of IDL to stdout', () => {
    const r = run(['json', widgets]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(loadSmithyModel([widgets]));
  });

  it('idl: prints a JSON AST as IDL files that read back to the same model', () => {
    const out = join(dir, 'idl');
    const r = run(['idl', join(root, 'test', 'import', 'fixtures', 'widgets.smithy.json'), '--out', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(['example.widgets.smithy']);
    expect(loadSmithyModel([out])).toEqual(loadSmithyModel([join(root, 'test', 'import', 'fixtures', 'widgets.smithy.json')]));
  });

  it('refuses invalid IDL with one line and exit code 1', () => {
    const bad = join(dir, 'bad.smithy');
    writeFileSync(bad, 'namespace a.b\nstring X %\n');
    const r = run(['json', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`smithy: ${bad}:2:10: unexpected character "%" (U+0025)\n`);
    expect(r.stdout).toBe('');
  });
});
