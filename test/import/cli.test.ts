// The command line, through the npm script: arguments in, a document and a report out.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CAPTURES, fixtures, root } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'permgen-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync('npm', ['run', '-s', 'import', '--', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run import', () => {
  it('doc: writes the revision and prints what it repaired and what stays undetermined', () => {
    const out = join(dir, '2020.yaml');
    const r = run(['doc', CAPTURES['003'], '--out', out, '--base', 'model/revisions/2017.yaml', '--evidence', CAPTURES['004'], '--era', 'about 2018-2020']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}`);
    expect(r.stdout).toMatch(/repaired:\n {2}- Patterns taken from model\/sources\/004_c4767a7f3ce6f2dd\.txt/);
    expect(r.stdout).toMatch(/undetermined \(2; listed in info\.x-revision\.x-undetermined\):\n {2}- member RevisionId: position in x-member-order/);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(doc.info['x-revision']).toEqual(expect.objectContaining({ name: '2020', era: 'about 2018-2020' }));
    expect(doc.info['x-revision']['x-undetermined']).toHaveLength(2);
  });

  it('doc: an import that changes nothing writes nothing and says so', () => {
    const out = join(dir, 'again.yaml');
    const args = ['doc', CAPTURES['000'], '--out', out];
    expect(run(args).status).toBe(0);
    const first = readFileSync(out, 'utf8');
    const r = run(args);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`${out} already holds this import: nothing written`);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('smithy: converts the named operations', () => {
    const out = join(dir, 'w.yaml');
    const r = run(['smithy', join(fixtures, 'widgets.smithy.json'), '--operation', 'GetWidget', '--operation', 'PutWidget', '--out', out]);
    expect(r.status).toBe(0);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(Object.keys(doc.paths['/v1/widgets/{WidgetName}'])).toEqual(['get', 'put']);
  });

  it('smithy: without --operation, converts every operation of the service', () => {
    const out = join(dir, 'all.yaml');
    const r = run(['smithy', join(fixtures, 'widgets.smithy.json'), '--out', out]);
    expect(r.status).toBe(0);
    const doc = parse(readFileSync(out, 'utf8'));
    const names = Object.values<Record<string, { operationId: string }>>(doc.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    const model = JSON.parse(readFileSync(join(fixtures, 'widgets.smithy.json'), 'utf8'));
    expect(names.sort()).toEqual(Object.keys(model.shapes).filter((id) => model.shapes[id].type === 'operation').map((id) => id.split('#')[1]).sort());
  });

  it('refuses bad arguments with the usage', () => {
    const r = run(['doc', CAPTURES['000']]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('import: missing arguments');
    expect(r.stderr).toContain('usage:');
    const s = run(['smithy', join(fixtures, 'widgets.smithy.json'), '--service', 'Gadgets', '--out', join(dir, 'x.yaml')]);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('import: service Gadgets is not in the model (it has Widgets)');
  });
});

