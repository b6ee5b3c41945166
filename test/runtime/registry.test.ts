import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createRegistry,
  DEFAULT_REGISTRY_FILE,
  defaultRegistry,
  loadRegistryFile,
  RegistryFileError,
} from '../../runtime/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'permgen-registry-'));
function writeJson(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(fn: () => unknown): RegistryFileError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryFileError);
    return e as RegistryFileError;
  }
  throw new Error('expected a RegistryFileError');
}

describe('function registry', () => {
  it('defaults to the example of the issue', () => {
    expect(DEFAULT_REGISTRY_FILE).toEqual({
      region: 'us-east-1',
      account: '123456789012',
      functions: [{ name: 'my-function', versions: ['1', '2'], aliases: { PROD: '1' } }],
    });
    const registry = defaultRegistry({ newRevisionId: () => 'r-1' });
    expect(registry.region).toBe('us-east-1');
    expect(registry.account).toBe('123456789012');
    const fn = registry.functions.get('my-function')!;
    expect([...fn.versions]).toEqual(['1', '2']);
    expect(fn.aliases.get('PROD')).toEqual({ name: 'PROD', functionVersion: '1', revisionId: 'r-1' });
  });

  it('gives every alias its own RevisionId, a UUID by default', () => {
    const registry = createRegistry({
      region: 'us-east-1',
      account: '123456789012',
      functions: [{ name: 'f', versions: ['1'], aliases: { A: '1', B: '1' } }],
    });
    const aliases = registry.functions.get('f')!.aliases;
    expect(aliases.get('A')!.revisionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(aliases.get('A')!.revisionId).not.toBe(aliases.get('B')!.revisionId);
  });

  it('loads a file, and --region replaces its region', () => {
    const path = writeJson(
      'ok.json',
      JSON.stringify({ region: 'eu-west-1', account: '210987654321', functions: [{ name: 'fn_1', versions: ['3'], aliases: { live: '$LATEST' } }] }),
    );
    const registry = loadRegistryFile(path);
    expect(registry.region).toBe('eu-west-1');
    expect(registry.account).toBe('210987654321');
    expect(registry.functions.get('fn_1')!.aliases.get('live')!.functionVersion).toBe('$LATEST');
    expect(loadRegistryFile(path, { region: 'us-gov-west-1' }).region).toBe('us-gov-west-1');
  });

  it('accepts functions without versions or aliases', () => {
    const registry = createRegistry({ region: 'us-east-1', account: '123456789012', functions: [{ name: 'bare' }] });
    const fn = registry.functions.get('bare')!;
    expect(fn.versions.size).toBe(0);
    expect(fn.aliases.size).toBe(0);
  });

  it('names the file and the problem for a missing file and for bad JSON', () => {
    const missing = join(dir, 'missing.json');
    expect(errorOf(() => loadRegistryFile(missing)).message).toBe(`${missing}: cannot read the functions file (ENOENT)`);
    const bad = writeJson('bad.json', '{"region": ');
    expect(errorOf(() => loadRegistryFile(bad)).message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(`));
  });

  it.each([
    [[1, 2], 'f.json: the top level must be an object with "region", "account" and "functions"'],
    [{ region: 'us-east-1', account: '123456789012', functions: [], extra: 1 }, 'f.json: the top level has the unknown key "extra" (expected "region", "account", "functions")'],
    [{ region: 'US-EAST-1', account: '123456789012', functions: [] }, 'f.json: "region" must look like "us-east-1", got "US-EAST-1"'],
    [{ region: 'us-east-1', account: 123456789012, functions: [] }, 'f.json: "account" must be a 12-digit account id as a string, got 123456789012'],
    [{ region: 'us-east-1', account: '123456789012' }, 'f.json: "functions" must be an array'],
    [{ region: 'us-east-1', account: '123456789012', functions: ['f'] }, 'f.json: functions[0] must be an object with "name", "versions" and "aliases"'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'f', alias: {} }] }, 'f.json: functions[0] has the unknown key "alias" (expected "name", "versions", "aliases")'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'my.function' }] }, 'f.json: functions[0].name must be 1-64 characters of letters, digits, "-" and "_", got "my.function"'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'f' }, { name: 'f' }] }, 'f.json: functions[1].name repeats the function "f"'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'f', versions: '1' }] }, 'f.json: functions[0].versions must be an array of version numbers such as ["1", "2"]'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'f', versions: [1] }] }, 'f.json: functions[0].versions[0] must be a published version number as a string such as "1", got 1'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'f', versions: ['$LATEST'] }] }, 'f.json: functions[0].versions[0] must be a published version number as a string such as "1", got "$LATEST"'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'f', aliases: ['PROD'] }] }, 'f.json: functions[0].aliases must be an object mapping alias names to versions, such as {"PROD": "1"}'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'f', versions: ['1'], aliases: { '12': '1' } }] }, 'f.json: functions[0].aliases has the alias name "12"; alias names are 1-128 letters, digits, "-" and "_", and not all digits'],
    [{ region: 'us-east-1', account: '123456789012', functions: [{ name: 'f', versions: ['1'], aliases: { PROD: '2' } }] }, 'f.json: functions[0].aliases.PROD must name one of the function\'s versions ["1"] or "$LATEST", got "2"'],
  ])('rejects %j with a clear message', (value, message) => {
    expect(errorOf(() => createRegistry(value, {}, 'f.json')).message).toBe(message);
  });

  it('rejects a malformed --region', () => {
    expect(errorOf(() => defaultRegistry({ region: 'mars' })).message).toBe('default functions: --region must look like "us-east-1", got "mars"');
  });
});
