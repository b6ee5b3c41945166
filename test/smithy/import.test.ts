// Smithy IDL as an import source: `npm run import -- smithy` and `npm run regen` take .smithy files
// and folders as they take a JSON AST. The IDL fixture is the importer's made-up Widgets model
// (test/import/fixtures/widgets.smithy.json) written as IDL over two files.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readBase } from '../../codegen/import/base.js';
import { importSource } from '../../codegen/import/index.js';
import { importSmithy, readSourceText } from '../../codegen/import/smithy.js';
import { regen } from '../../codegen/regen/regen.js';
import { compareShapeIds } from '../../codegen/smithy/ast.js';
import { loadSmithyModel } from '../../codegen/smithy/load.js';
import { printIdl } from '../../codegen/smithy/print.js';
import { scratch } from '../codegen/helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const widgetsIdl = join(root, 'test', 'smithy', 'fixtures', 'widgets');
const widgetsJson = join(root, 'test', 'import', 'fixtures', 'widgets.smithy.json');
const lambdaJson = join(root, '..', 'shared', 'fixtures', 'smithy', 'lambda.json');
const dir = mkdtempSync(join(tmpdir(), 'permgen-idl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync('npm', ['run', '-s', 'import', '--', ...args], { cwd: root, encoding: 'utf8' });
const ops = ['PutWidget', 'GetWidget'];

describe('Smithy IDL read for import', () => {
  it('the IDL folder reads to exactly the JSON AST of the same model', () => {
    const json = JSON.parse(readFileSync(widgetsJson, 'utf8'));
    // The fixture lists operations and errors in its own order; the CLI writes them sorted.
    const byId = (a: { target: string }, b: { target: string }) => compareShapeIds(a.target, b.target);
    json.shapes['example.widgets#Widgets'].operations.sort(byId);
    json.shapes['example.widgets#PutWidget'].errors.sort(byId);
    expect(loadSmithyModel([widgetsIdl])).toEqual(json);
    expect(loadSmithyModel([widgetsJson])).toEqual(json);
  });

  it('readSourceText: a JSON AST file as it is, IDL files and folders as the JSON AST they read to', () => {
    expect(readSourceText(widgetsJson)).toBe(readFileSync(widgetsJson, 'utf8'));
    const fromFolder = JSON.parse(readSourceText(widgetsIdl));
    expect(fromFolder).toEqual(JSON.parse(readSourceText(join(widgetsIdl, 'service.smithy'), join(widgetsIdl, 'shapes.smithy'))));
    expect(Object.keys(fromFolder.shapes)).toContain('example.widgets#PutWidgetRequest');
  });

  it('imports the same document from the IDL as from the JSON AST', () => {
    const fromIdl = importSmithy(readSourceText(widgetsIdl), ops, { file: 'widgets', name: 'w' });
    const fromJson = importSmithy(readFileSync(widgetsJson, 'utf8'), ops, { file: 'widgets', name: 'w' });
    expect(fromIdl.yaml).toBe(fromJson.yaml);
  });
});

describe('npm run import -- smithy with IDL', () => {
  it('takes a folder of .smithy files', () => {
    const out = join(dir, 'folder.yaml');
    const r = run(['smithy', widgetsIdl, '--operation', 'GetWidget', '--operation', 'PutWidget', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(Object.keys(doc.paths['/v1/widgets/{WidgetName}'])).toEqual(['get', 'put']);
  });

  it('takes several .smithy files as one model', () => {
    const out = join(dir, 'files.yaml');
    const r = run(['smithy', join(widgetsIdl, 'service.smithy'), join(widgetsIdl, 'shapes.smithy'), '--operation', 'PutWidget', '--out', out]);
    expect(r.status).toBe(0);
    expect(parse(readFileSync(out, 'utf8')).components.schemas.PutWidgetRequest.required).toEqual(['Color']);
  });

  it('refuses invalid IDL with one line naming file, line and column, and writes nothing', () => {
    const bad = join(dir, 'bad.smithy');
    writeFileSync(bad, '$version: "2"\nnamespace a.b\n\nstructure S {\n    a String\n}\n');
    const out = join(dir, 'bad.yaml');
    const r = run(['smithy', bad, '--operation', 'X', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`import: ${bad}:5:7: expected ":" after the member name "a" but found "String"\n`);
    expect(existsSync(out)).toBe(false);
  });
});

describe.skipIf(!existsSync(lambdaJson))('npm run regen from Lambda as IDL (skipped where ../shared/fixtures/smithy/lambda.json is absent)', () => {
  it('regenerates from a folder of .smithy files, writing the revision the JSON AST gives', async () => {
    const project = scratch('idl-regen');
    mkdirSync(join(project, 'model', 'revisions'), { recursive: true });
    for (const revision of ['2017', '2020', '2022']) cpSync(join(root, `model/revisions/${revision}.yaml`), join(project, `model/revisions/${revision}.yaml`));
    cpSync(join(root, 'model/companions.yaml'), join(project, 'model/companions.yaml'));
    const idl = join(project, 'lambda-idl');
    mkdirSync(idl);
    for (const f of printIdl(JSON.parse(readFileSync(lambdaJson, 'utf8')))) writeFileSync(join(idl, `${f.namespace}.smithy`), f.text);

    const lines: string[] = [];
    await regen({ source: idl, name: '2023', root: project, log: (line) => lines.push(line) });
    expect(lines[0]).toBe(`1/5 import: ${idl} (Smithy model), base model/revisions/2022.yaml`);

    const written = parse(readFileSync(join(project, 'model', 'revisions', '2023.yaml'), 'utf8'));
    const fromJson = importSource(readFileSync(lambdaJson, 'utf8'), {
      file: 'lambda-idl', name: '2023', base: readBase(readFileSync(join(project, 'model/revisions/2022.yaml'), 'utf8'), 'model/revisions/2022.yaml'),
    });
    expect(written.paths).toEqual(fromJson.document.paths);
    expect(written.components).toEqual(fromJson.document.components);
    rmSync(project, { recursive: true, force: true });
  });
});
