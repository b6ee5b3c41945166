// The diff tells users what a change does to their TypeScript: the type it names for a member
// must be the type the generator really declares. Compared for every member of every revision.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../codegen/diff/diff.js';
import { maxBump } from '../../codegen/diff/findings.js';
import { readModel } from '../../codegen/diff/load.js';
import { compareClients } from '../../codegen/diff/surface/client.js';
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

describe('the impact lines and the bump come from the comparison regen takes the version from', () => {
  const names = revisions.map((f) => f.replace(/\.yaml$/, ''));
  const companions = [loadDocument(join(ROOT, 'model', 'companions.yaml'), ROOT)];
  const pairs = names.slice(1).map((name, i) => [names[i], name]);

  it.each(pairs)('%s → %s: every finding about a declaration reads it from the surface, and the summary bump is the recorded version step', (a, b) => {
    const [oldModel, newModel] = [a, b].map((r) => readModel(join(ROOT, 'model', 'revisions', `${r}.yaml`)));
    const result = diffModels(oldModel, newModel, { companions });
    const surface = compareClients(oldModel, newModel, companions);
    if (!('changes' in surface)) throw new Error(surface.unavailable);
    expect(result.summary.semverFrom).toBe('surface');
    expect(result.summary.semver).toBe(surface.bump);
    const step = (v: string) => v.split('.').map(Number);
    const [va, vb] = [oldModel, newModel].map((m) => step((m.document as any).info['x-client-version']));
    const recorded = vb[0] > va[0] ? 'major' : vb[1] > va[1] ? 'minor' : vb[2] > va[2] ? 'patch' : 'none';
    expect(result.summary.semver).toBe(recorded);
    for (const finding of result.findings.filter((f) => f.impact.declaration !== undefined)) {
      expect(finding.impact.from, finding.message).toBe('surface');
      const changes = surface.changes.filter((c) => c.subject === finding.impact.declaration);
      // A finding's bump never exceeds what the surface says of its declaration, nor the package's.
      expect(finding.impact.bump).toBe(changes.length > 0 ? maxBump(changes.map((c) => c.bump)) : surface.textOnly.has(finding.impact.declaration!) ? 'patch' : 'none');
    }
  });

  it.each([
    { given: 'a new optional request member', pair: ['2022', '2025'], id: 'request-member-added-optional', want: '`AddPermissionRequest.InvokedViaFunctionUrl`: (absent) → `InvokedViaFunctionUrl?: boolean | undefined`' },
    { given: 'a widened pattern', pair: ['2025', '2026'], id: 'pattern-widened', want: '`AddPermissionRequest.FunctionName`: `FunctionName: string` unchanged; its doc comment changes' },
    { given: 'a relaxed length', pair: ['2025', '2026'], id: 'length-bound-relaxed', want: '`AddPermissionRequest.FunctionName`: `FunctionName: string` unchanged; its doc comment changes' },
    { given: 'a narrowed pattern', pair: ['2020', '2022'], id: 'pattern-narrowed', want: '`AddPermissionRequest.Principal`: `Principal: string` unchanged; its doc comment changes; the service rejects values 2020 accepted' },
  ])('$given: $want', ({ pair, id, want }) => {
    const [oldModel, newModel] = pair.map((r) => readModel(join(ROOT, 'model', 'revisions', `${r}.yaml`)));
    const lines = diffModels(oldModel, newModel, { companions }).findings.filter((f) => f.id === id).map((f) => f.impact.typescript);
    expect(lines).toContain(want);
  });
});

describe('nested members are named by the declaration that really holds them', () => {
  // A model with structures in lists, maps of structures, unions and recursion.
  const path = join('test', 'fixtures', 'every-shape.yaml');
  const files = emitClient(buildModel([loadDocument(join(ROOT, path), ROOT)]), { version: '0.0.0', dependencies: {} });
  const declared = declaredTypes(files.find((f) => f.path === 'client/src/models.ts')!.content);
  const diffView = readModel(join(ROOT, path));

  it('every nested member with a property of its own is that property of that interface, with its type', () => {
    const compared: string[] = [];
    for (const operation of diffView.operations.values()) {
      for (const member of [...operation.input.values(), ...operation.output.values()].filter((m) => m.parent !== undefined)) {
        // List items and map values are declared with their list or map (the next test).
        if (/(\[\]|\{\})$/.test(member.name)) continue;
        const at = member.declaredIn!;
        // A union's member is one variant of the union's type alias, which is compared as a whole.
        if (at.member === undefined) {
          expect(files.find((f) => f.path === 'client/src/models.ts')!.content).toContain(`export type ${at.declaration} =`);
          continue;
        }
        const want = declared.get(`${at.declaration}.${at.member}`);
        expect(want, `${operation.id} ${member.name} → ${at.declaration}.${at.member}`).toBeDefined();
        expect([member.tsType, optionalMemberType(member.tsType)], `${operation.id} ${member.name}`).toContain(want);
        compared.push(member.name);
      }
    }
    expect(compared.length).toBeGreaterThan(5);
  });

  it('a list item is declared with its list: the top-level member of the operation, or the nested property', () => {
    const items = [...diffView.operations.values()].flatMap((o) => [...o.input.values()].map((m) => ({ o, m }))).filter(({ m }) => /(\[\]|\{\})$/.test(m.name));
    expect(items.length).toBeGreaterThan(0);
    for (const { m } of items) {
      const list = [...diffView.operations.values()].flatMap((o) => [...o.input.values()]).find((x) => x.name === m.parent)!;
      expect(m.declaredIn).toEqual(list.declaredIn);
    }
  });
});
