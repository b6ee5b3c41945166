// Text that is no reference page of the expected operation is refused with one sentence about the
// page, before anything is read into a model: by the library, by `npm run import` and by `npm run regen`.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDoc } from '../../codegen/import/doc/import-doc.js';
import { PageRefused } from '../../codegen/import/doc/recognise.js';
import { regen } from '../../codegen/regen/regen.js';
import { base, capture, root } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'permgen-refuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes no text editor wrote: a fixed pseudo-random sequence, so the test is repeatable. */
function randomBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i++) {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

const GET_POLICY_PAGE = [
  'GetPolicy - AWS Lambda', '',
  'Returns the resource-based IAM policy for a function, version, or alias.', '',
  'Request Syntax', '',
  'GET /2015-03-31/functions/FunctionName/policy?Qualifier=Qualifier HTTP/1.1', '',
  'URI Request Parameters', '', 'FunctionName', '', 'The name of the function.', '', 'Required: Yes', '',
].join('\n');

const cases: { given: string; text: string; want: RegExp }[] = [
  { given: 'an empty page', text: '', want: /^The page p\.txt is empty: there is no reference page to import\.$/ },
  { given: 'a page of blank lines', text: '\n  \n\t\n', want: /^The page p\.txt is empty/ },
  { given: 'random bytes', text: randomBytes(4096).toString('utf8'), want: /^The page p\.txt is not text \(\d+% of its characters are control characters or undecodable bytes\): it is not a reference page\.$/ },
  { given: 'prose without request syntax', text: 'AddPermission\n\nGrants a permission.\n', want: /^The page p\.txt has no request syntax \(no `METHOD \/path HTTP\/1\.1` line\): it is not an API reference page of an operation\.$/ },
  { given: 'a boto3 page without a client call', text: '.. py:method:: Lambda.Client.add_permission(**kwargs)\n\n  Grants.\n', want: /^The page p\.txt has no `response = client\.operation\(\.\.\.\)` request syntax with parameters/ },
  { given: 'a page of another operation, named', text: GET_POLICY_PAGE, want: /^The page p\.txt documents the operation GetPolicy, not AddPermission \(the operation of 2026\): it is a page of another operation\.$/ },
  { given: 'a page of another operation, unnamed', text: GET_POLICY_PAGE.split('\n').slice(1).join('\n'), want: /^The page p\.txt names no operation, and its request GET \/2015-03-31\/functions\/FunctionName\/policy is not the binding of AddPermission \(the operation of 2026\)/ },
  { given: 'a boto3 page of another operation', text: capture('002').replace(/client\.add_permission\(/g, 'client.remove_permission(').replace(/lambda-2015-03-31\/AddPermission/g, 'lambda-2015-03-31/RemovePermission'), want: /documents the operation RemovePermission, not AddPermission/ },
];

describe('a text that is no reference page of the operation is refused', () => {
  it.each(cases)('$given', ({ text, want }) => {
    let refusal: unknown;
    try { importDoc(text, { file: 'p.txt', name: 'x', base: base('2026') }); } catch (e) { refusal = e; }
    expect(refusal).toBeInstanceOf(PageRefused);
    expect((refusal as Error).message).toMatch(want);
  });

  it('--operation names the operation expected where no base does', () => {
    expect(() => importDoc(GET_POLICY_PAGE, { file: 'p.txt', operation: 'AddPermission' })).toThrow('documents the operation GetPolicy, not AddPermission (--operation)');
  });

  it('accepts every committed capture against the current revision', () => {
    for (const c of ['000', '001', '002', '003', '004'] as const) expect(() => importDoc(capture(c), { file: c, name: 'x', base: base('2026') })).not.toThrow();
  });
});

describe('the commands refuse such a page with exit 2 and write nothing', () => {
  const npm = (args: string[], cwd: string) => spawnSync('npm', ['run', '-s', ...args], { cwd, encoding: 'utf8' });

  it('npm run import: random bytes', () => {
    const page = join(dir, 'random.bin');
    writeFileSync(page, randomBytes(4096));
    const out = join(dir, 'random.yaml');
    const r = npm(['import', '--', 'doc', page, '--base', 'model/revisions/2026.yaml', '--out', out], root);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^import refused: The page .*random\.bin is not text \(\d+% .*\): it is not a reference page\. Nothing was written\.$/);
    expect(existsSync(out)).toBe(false);
  });

  it('npm run regen: an empty page, and (through the library) a page of another operation', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'model'), { recursive: true });
    cpSync(join(root, 'model', 'revisions'), join(project, 'model', 'revisions'), { recursive: true });
    cpSync(join(root, 'model', 'companions.yaml'), join(project, 'model', 'companions.yaml'));
    const before = readdirSync(project, { recursive: true }).sort();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'get-policy.txt'), GET_POLICY_PAGE);
    const empty = npm(['regen', '--', join(dir, 'empty.txt'), '--name', '2099', '--root', project], root);
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim()).toMatch(/^regen refused: The page .*empty\.txt is empty: there is no reference page to import\. Nothing was written\.$/);
    const other = await regen({ source: join(dir, 'get-policy.txt'), name: '2099', root: project, log: () => undefined }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(PageRefused);
    expect((other as Error).message).toContain('documents the operation GetPolicy, not AddPermission');
    expect(readdirSync(project, { recursive: true }).sort()).toEqual(before);
  });
});
