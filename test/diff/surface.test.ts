// The client package's version step, from its TypeScript surface: the rules on small sources, and
// the recorded x-client-version of every consecutive pair of revisions against the computed step.

import { describe, expect, it } from 'vitest';
import { compareClientPackages } from '../../codegen/diff/surface/compare.js';
import { impactFromSurface } from '../../codegen/diff/surface/impact.js';
import { generate } from '../../codegen/generate.js';
import { revisionFile, revisionNames, COMPANIONS_FILE, loadRevision } from '../model/load.js';

const pkg = (src: string) => [{ path: 'client/src/models.ts', content: src }];

const cases: { given: string; before: string; after: string; want: string; change?: string }[] = [
  { given: 'nothing changed', before: 'export interface A { x?: string }', after: 'export interface A { x?: string }', want: 'none' },
  { given: 'a doc comment changed', before: '/** one */\nexport interface A { x?: string }', after: '/** two */\nexport interface A { x?: string }', want: 'patch' },
  { given: 'a new optional request member', before: 'export interface GetRequest { x?: string }', after: 'export interface GetRequest { x?: string; y?: number }', want: 'minor', change: 'new optional member `GetRequest.y`' },
  { given: 'a new required request member', before: 'export interface GetRequest { x?: string }', after: 'export interface GetRequest { x?: string; y: number }', want: 'major', change: 'new required member `GetRequest.y`' },
  { given: 'a new member of a response', before: 'export interface GetResponse { x?: string }', after: 'export interface GetResponse { x?: string; y: number }', want: 'minor' },
  { given: 'a member removed', before: 'export interface A { x?: string; y?: string }', after: 'export interface A { x?: string }', want: 'major', change: '`A.y` removed' },
  { given: 'optional became required', before: 'export interface A { x?: string }', after: 'export interface A { x: string }', want: 'major', change: '`A.x` became required' },
  { given: 'a class no longer exported', before: 'export class GoneException extends Error {}', after: '', want: 'major', change: '`GoneException` (class) is no longer exported' },
  { given: 'a class added', before: '', after: 'export class NewException extends Error {}', want: 'minor' },
  { given: 'a literal union widened', before: "export type T = 'A' | 'B';", after: "export type T = 'A' | 'B' | 'C';", want: 'minor' },
  { given: 'a literal union narrowed', before: "export type T = 'A' | 'B';", after: "export type T = 'A';", want: 'major' },
  { given: 'a member type changed', before: 'export interface A { x?: string }', after: 'export interface A { x?: number }', want: 'major' },
];

describe('the bump the client surface takes', () => {
  it.each(cases)('$given → $want', ({ before, after, want, change }) => {
    const result = compareClientPackages(pkg(before), pkg(after));
    expect(result.bump).toBe(want);
    if (change) expect(result.changes.map((c) => c.message)).toContain(change);
  });

  it('ignores the package version field, which every revision changes', () => {
    const files = (v: string) => [{ path: 'client/package.json', content: `{\n  "version": "${v}"\n}\n` }];
    expect(compareClientPackages(files('1.0.0'), files('1.0.1')).bump).toBe('none');
  });
});

describe('x-client-version of every revision follows its client surface', () => {
  const names = revisionNames();
  const bumped = (version: string, bump: string) => {
    const [major, minor, patch] = version.split('.').map(Number);
    return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : bump === 'patch' ? `${major}.${minor}.${patch + 1}` : version;
  };
  it.each(names.slice(1).map((name, i) => [names[i], name]))('%s → %s: the recorded bump is the computed one', async (a, b) => {
    const [before, after] = await Promise.all([a, b].map((r) => generate([revisionFile(r), COMPANIONS_FILE])));
    const { bump, changes } = compareClientPackages(before.files, after.files);
    const [va, vb] = [a, b].map((r) => loadRevision(r).info['x-client-version'] as string);
    expect(vb, changes.map((c) => c.message).join('; ')).toBe(bumped(va, bump));
  });

  it('2017 → 2020 is minor for the new optional RevisionId; PreconditionFailedException already existed (RemovePermission)', async () => {
    const [before, after] = await Promise.all(['2017', '2020'].map((r) => generate([revisionFile(r), COMPANIONS_FILE])));
    const { bump, changes } = compareClientPackages(before.files, after.files);
    expect({ bump, changes }).toEqual({
      bump: 'minor',
      changes: [{ bump: 'minor', message: 'new optional member `AddPermissionRequest.RevisionId`', subject: 'AddPermissionRequest.RevisionId', after: 'RevisionId?: string | undefined' }],
    });
  });
});

describe("a finding's TypeScript impact, read from the surface", () => {
  const compare = (before: string, after: string) => compareClientPackages(pkg(before), pkg(after));
  const color = (values: string[]) => `export const Color = { ${values.map((v) => `${v}: '${v}'`).join(', ')} } as const;\nexport type Color = (typeof Color)[keyof typeof Color];\n`;
  it.each([
    {
      given: 'a new optional request member',
      before: 'export interface GetRequest { x?: string }',
      after: 'export interface GetRequest { x?: string; /** New. */\n y?: number | undefined }',
      declaration: 'GetRequest.y',
      want: { typescript: '`GetRequest.y`: (absent) → `y?: number | undefined`', bump: 'minor', declaration: 'GetRequest.y', after: 'y?: number | undefined', from: 'surface' },
    },
    {
      given: 'a member whose doc comment alone changes',
      before: 'export interface GetRequest {\n  /** Pattern: `a+`. */\n  x?: string | undefined;\n}',
      after: 'export interface GetRequest {\n  /** Pattern: `[ab]+`. */\n  x?: string | undefined;\n}',
      declaration: 'GetRequest.x',
      model: 'no type change; the service rejects values 1 accepted',
      want: { typescript: '`GetRequest.x`: `x?: string | undefined` unchanged; its doc comment changes; the service rejects values 1 accepted', bump: 'patch', declaration: 'GetRequest.x', before: 'x?: string | undefined', after: 'x?: string | undefined', from: 'surface' },
    },
    {
      given: 'an enum that gains a value (its object gains a member; the union follows)',
      before: color(['RED']),
      after: color(['RED', 'GREEN']),
      declaration: 'Color',
      want: { typescript: "`Color.GREEN`: (absent) → `GREEN: 'GREEN'`", bump: 'minor', declaration: 'Color', after: "GREEN: 'GREEN'", from: 'surface' },
    },
    {
      given: 'a member that became required and changed type',
      before: 'export interface GetRequest { x?: string }',
      after: 'export interface GetRequest { x: number }',
      declaration: 'GetRequest.x',
      want: { typescript: '`GetRequest.x`: `x?: string` → `x: number`', bump: 'major', declaration: 'GetRequest.x', before: 'x?: string', after: 'x: number', from: 'surface' },
    },
    {
      given: 'a declaration that did not change',
      before: 'export class GoneException extends Error {}',
      after: 'export class GoneException extends Error {}',
      declaration: 'GoneException',
      model: '`GetCommand` no longer throws `GoneException` (the class remains)',
      want: { typescript: '`GoneException`: no change to its declaration; `GetCommand` no longer throws `GoneException`', bump: 'none', declaration: 'GoneException', from: 'surface' },
    },
  ])('$given', ({ before, after, declaration, model, want }) => {
    expect(impactFromSurface({ typescript: model ?? 'stated from the model', bump: 'major', declaration }, compare(before, after))).toEqual(want);
  });
});
