import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bumpVersion, regen, RegenRefused } from '../../codegen/regen/regen.js';
import { ROOT, scratch, typeCheck } from '../codegen/helpers.js';

const CAPTURE_2022 = readFileSync(join(ROOT, 'model/sources/001_31e768cfcebed449.txt'), 'utf8');

/** A project holding the revisions up to 2022, as it stood before 2025. */
function projectAt2022(name: string): string {
  const root = scratch(name);
  mkdirSync(join(root, 'model', 'revisions'), { recursive: true });
  for (const revision of ['2017', '2020', '2022']) cpSync(join(ROOT, `model/revisions/${revision}.yaml`), join(root, `model/revisions/${revision}.yaml`));
  cpSync(join(ROOT, 'model/companions.yaml'), join(root, 'model/companions.yaml'));
  return root;
}

/** The 2022 page, revised: a new optional member, one error gone, a tighter length. */
function revisedPage(): string {
  const edited = CAPTURE_2022
    .replace('"SourceArn": "string", "StatementId": "string"', '"SourceArn": "string", "SourceVpc": "string", "StatementId": "string"')
    .replace(
      'Pattern: arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)\n\nRequired: No\n',
      'Pattern: arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)\n\nRequired: No\n\n\nThe VPC the request must come from.\n\nType: String\n\nRequired: No\n',
    )
    .replace('The permissions policy for the resource is too large. For more information, see Lambda quotas.\n\nHTTP Status Code: 400\n\n\n', '')
    .replace('Minimum length of 1. Maximum length of 100.', 'Minimum length of 1. Maximum length of 64.');
  // Every edit must have applied, or the test would prove nothing.
  expect(edited.split('SourceVpc').length).toBe(2);
  expect(edited).toContain('The VPC the request must come from.');
  expect(edited).not.toContain('too large');
  expect(edited).toContain('Maximum length of 64.');
  return edited;
}

describe('npm run regen', () => {
  it('imports a revised page, reports the diff, refuses to drop an error the runtime raises unless told, then bumps the client version by its surface and regenerates bindings that type-check', async () => {
    const root = projectAt2022('regen-edited');
    const page = join(root, 'revised-page.txt');
    writeFileSync(page, revisedPage());
    const refusal = await regen({ source: page, name: '2023', root, log: () => undefined }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RegenRefused);
    expect((refusal as Error).message).toContain('the runtime depends on what this revision removes; nothing was written:\n'
      + '  - AddPermission no longer declares PolicyLengthExceededException, which the runtime raises for a policy that would grow beyond 20480 bytes\n');
    expect((refusal as Error).message).toContain('--accept-runtime-changes');
    expect(existsSync(join(root, 'model/revisions/2023.yaml'))).toBe(false);
    expect(existsSync(join(root, 'generated'))).toBe(false);

    const lines: string[] = [];
    const result = await regen({ source: page, name: '2023', root, acceptRuntimeChanges: true, log: (line) => lines.push(line) });
    const output = lines.join('\n');

    expect(output).toContain('1/5 import: ');
    expect(output).toContain('2/5 diff against model/revisions/2022.yaml:');
    expect(output).toMatch(/\[request-member-added-optional\] AddPermission: .*SourceVpc/);
    expect(output).toMatch(/\[error-removed\] AddPermission: .*PolicyLengthExceededException/);
    expect(output).toMatch(/\[length-bound-tightened\] AddPermission: maxLength of `StatementId` .*100 → 64/);
    expect(output).toContain('3/5 the runtime depends on what this revision removes (written anyway, --accept-runtime-changes):');
    expect(output).toContain('      - `PolicyLengthExceededException` (class) is no longer exported (major)');
    expect(output).toContain('      - new optional member `AddPermissionRequest.SourceVpc` (minor)');
    expect(output).toMatch(/4\/5 wrote model\/revisions\/2023\.yaml \(client version 1\.2\.0 → 2\.0\.0, major bump\) and model\/sources\/2023-page_[0-9a-f]{16}\.txt/);
    expect(output).toMatch(/5\/5 regenerated generated\/ from model\/revisions\/2023\.yaml \+ model\/companions\.yaml: \d+ of \d+ files changed/);
    expect(output).toContain('Next steps:\n  1. npm test\n');
    expect(result).toMatchObject({ version: '2.0.0', bump: 'major', changed: true });
    const copy = readdirSync(join(root, 'model/sources'));
    expect(copy).toHaveLength(1);
    expect(readFileSync(join(root, 'model/sources', copy[0]), 'utf8')).toBe(revisedPage());

    const revision = parse(readFileSync(join(root, 'model/revisions/2023.yaml'), 'utf8'));
    expect(revision.info['x-client-version']).toBe('2.0.0');
    const operation = revision.paths['/2015-03-31/functions/{FunctionName}/policy'].post;
    expect(operation['x-errors']).not.toContain('PolicyLengthExceededException');
    expect(revision.components.schemas.AddPermissionRequest.properties.SourceVpc).toMatchObject({ type: 'string' });
    expect(revision.components.schemas.AddPermissionRequest.properties.StatementId.maxLength).toBe(64);

    const generated = join(root, 'generated');
    expect(JSON.parse(readFileSync(join(generated, 'client/package.json'), 'utf8')).version).toBe('2.0.0');
    expect(readFileSync(join(generated, 'client/src/models.ts'), 'utf8')).toMatch(/SourceVpc\?: string \| undefined;/);
    expect(readFileSync(join(generated, 'validators/AddPermission.ts'), 'utf8')).toContain("statementId.length > 64");
    expect(typeCheck(generated)).toEqual([]);
  });

  it('refuses, writing nothing, when the page leaves a required fact undetermined', async () => {
    const root = projectAt2022('regen-refused');
    const page = join(root, 'page.txt');
    // A status no known error has: its name cannot be recovered from a page that strips names.
    writeFileSync(page, CAPTURE_2022.replace('HTTP Status Code: 409', 'HTTP Status Code: 418'));
    const refusal = await regen({ source: page, name: '2023', root, log: () => undefined }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RegenRefused);
    expect((refusal as Error).message).toMatch(/^the import could not determine \d+ required fact\(s\); nothing was written:\n {2}- error /);
    expect((refusal as Error).message).toContain('--evidence OTHER_CAPTURE');
    expect(existsSync(join(root, 'model/revisions/2023.yaml'))).toBe(false);
    expect(existsSync(join(root, 'generated'))).toBe(false);
  });

  it('refuses a name that would not sort after the current revision, or that exists', async () => {
    const root = projectAt2022('regen-names');
    const page = join(root, 'page.txt');
    writeFileSync(page, CAPTURE_2022);
    await expect(regen({ source: page, name: '2021', root, log: () => undefined })).rejects.toThrow('"2021" sorts before the current revision 2022.yaml');
    await expect(regen({ source: page, name: '2022', root, log: () => undefined })).rejects.toThrow('model/revisions/2022.yaml already exists');
    rmSync(root, { recursive: true, force: true });
  });

  it('bumps versions by semantic-versioning steps', () => {
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
    expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpVersion('1.2.3', 'none')).toBe('1.2.3');
    expect(() => bumpVersion('1.2', 'minor')).toThrow('is not MAJOR.MINOR.PATCH');
  });
});
