// The diff tells users what a change does to their TypeScript: the type it names for a member
// must be the type the generator really declares. Compared for every member of every revision.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readModel } from '../../codegen/diff/load.js';
import { emitClient } from '../../codegen/emit/client/index.js';
import { loadDocument } from '../../codegen/model/document.js';
import { buildModel } from '../../codegen/model/read-openapi.js';
import { optionalMemberType } from '../../codegen/model/symbols.js';

const ROOT = join(import.meta.dirname, '..', '..');
const revisions = readdirSync(join(ROOT, 'model', 'revisions')).filter((f) => f.endsWith('.yaml')).sort();

/** `Interface.Member` or `Class.member` → the declared type's text, from one generated file. */
function declaredTypes(source: string): Map<string, string> {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true);
  const types = new Map<string, string>();
  file.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) && !ts.isClassDeclaration(node)) return;
    for (const member of node.members) {
      if ((ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) && member.type) {
        types.set(`${node.name!.text}.${member.name.getText(file).replace(/^['"]|['"]$/g, '')}`, member.type.getText(file));
      }
    }
  });
  return types;
}

describe.each(revisions)('revision %s', (revision) => {
  const path = join('model', 'revisions', revision);
  const files = emitClient(buildModel([loadDocument(join(ROOT, path), ROOT), loadDocument(join(ROOT, 'model', 'companions.yaml'), ROOT)]), { version: '0.0.0', dependencies: {} });
  const declared = new Map([...declaredTypes(files.find((f) => f.path === 'client/src/models.ts')!.content), ...declaredTypes(files.find((f) => f.path === 'client/src/errors.ts')!.content)]);
  const diffView = readModel(join(ROOT, path));

  it('the diff names the type the client declares, for every input, output and error member', () => {
    const compared: string[] = [];
    for (const operation of diffView.operations.values()) {
      for (const [side, members, owner] of [['input', operation.input, `${operation.id}Request`], ['output', operation.output, `${operation.id}Response`]] as const) {
        // Nested members (a path such as `Config.Items[]`) are declared in their own interfaces.
        for (const member of [...members.values()].filter((m) => m.parent === undefined)) {
          // Output members are always optional, input members unless required.
          const type = side === 'input' && member.required ? member.tsType : optionalMemberType(member.tsType);
          expect(`${side} ${owner}.${member.name}: ${type}`).toBe(`${side} ${owner}.${member.name}: ${declared.get(`${owner}.${member.name}`)}`);
          compared.push(member.name);
        }
      }
    }
    for (const error of diffView.errors.values()) {
      for (const member of error.members.values()) {
        // `message` is Error's own property, not redeclared by the exception class.
        if (member.name === 'message') continue;
        expect(`${error.name}.${member.name}: ${optionalMemberType(member.tsType)}`).toBe(`${error.name}.${member.name}: ${declared.get(`${error.name}.${member.name}`)}`);
        compared.push(member.name);
      }
    }
    expect(compared.length).toBeGreaterThan(10);
  });
});
