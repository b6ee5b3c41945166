/**
 * The functions the runtime serves: published versions and aliases of each function, for one
 * region and account (one endpoint serves one region, as the service does).
 */
import { newRevisionId as freshRevisionId } from './revision.js';
import { readFileSync } from 'node:fs';

export interface AliasRecord {
  readonly name: string;
  readonly functionVersion: string;
  /**
   * The alias's own RevisionId. The service accepts it for an alias whose policy does not exist
   * yet, because an alias's policy revision and the alias's revision are the same thing.
   */
  readonly revisionId: string;
}

export interface FunctionRecord {
  readonly name: string;
  readonly versions: ReadonlySet<string>;
  readonly aliases: ReadonlyMap<string, AliasRecord>;
}

export interface FunctionRegistry {
  readonly region: string;
  readonly account: string;
  readonly functions: ReadonlyMap<string, FunctionRecord>;
}

/** The JSON a functions file holds. */
export interface RegistryFile {
  region: string;
  account: string;
  functions: Array<{ name: string; versions?: string[]; aliases?: Record<string, string> }>;
}

export const DEFAULT_REGISTRY_FILE: RegistryFile = {
  region: 'us-east-1',
  account: '123456789012',
  functions: [{ name: 'my-function', versions: ['1', '2'], aliases: { PROD: '1' } }],
};

/** A functions file that cannot be used; the message names the file and the offending entry. */
export class RegistryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryFileError';
  }
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
// Published versions are numbered from 1; "$LATEST" is not a published version.
const VERSION = /^[1-9]\d*$/;
// An all-digit alias would be read as a version number, so the service forbids it.
const ALIAS_NAME = /^(?!\d+$)[a-zA-Z0-9_-]{1,128}$/;

export interface RegistryOptions {
  /** Replaces the file's region (the `--region` flag). */
  region?: string;
  /** Source of alias RevisionIds; tests pass a fixed one. */
  newRevisionId?: () => string;
}

export function createRegistry(value: unknown, options: RegistryOptions = {}, source = 'functions file'): FunctionRegistry {
  const fail = (where: string, what: string): never => {
    throw new RegistryFileError(`${source}: ${where} ${what}`);
  };
  const newRevisionId = options.newRevisionId ?? freshRevisionId;

  if (!isPlainObject(value)) return fail('the top level', 'must be an object with "region", "account" and "functions"');
  rejectUnknownKeys(value, ['region', 'account', 'functions'], 'the top level', fail);

  const region = options.region ?? value.region;
  if (options.region !== undefined) {
    if (!REGION.test(options.region)) fail('--region', `must look like "us-east-1", got ${JSON.stringify(options.region)}`);
  } else if (typeof region !== 'string' || !REGION.test(region)) {
    fail('"region"', `must look like "us-east-1", got ${JSON.stringify(region)}`);
  }
  const account = value.account;
  if (typeof account !== 'string' || !ACCOUNT.test(account)) {
    fail('"account"', `must be a 12-digit account id as a string, got ${JSON.stringify(account)}`);
  }
  if (!Array.isArray(value.functions)) fail('"functions"', 'must be an array');

  const functions = new Map<string, FunctionRecord>();
  (value.functions as unknown[]).forEach((entry, index) => {
    const at = `functions[${index}]`;
    if (!isPlainObject(entry)) return fail(at, 'must be an object with "name", "versions" and "aliases"');
    rejectUnknownKeys(entry, ['name', 'versions', 'aliases'], at, fail);
    const name = entry.name;
    if (typeof name !== 'string' || !FUNCTION_NAME.test(name)) {
      return fail(`${at}.name`, `must be 1-64 characters of letters, digits, "-" and "_", got ${JSON.stringify(name)}`);
    }
    if (functions.has(name)) fail(`${at}.name`, `repeats the function ${JSON.stringify(name)}`);

    const versionList = entry.versions ?? [];
    if (!Array.isArray(versionList)) fail(`${at}.versions`, 'must be an array of version numbers such as ["1", "2"]');
    const versions = new Set<string>();
    (versionList as unknown[]).forEach((version, vIndex) => {
      if (typeof version !== 'string' || !VERSION.test(version)) {
        fail(`${at}.versions[${vIndex}]`, `must be a published version number as a string such as "1", got ${JSON.stringify(version)}`);
      }
      versions.add(version as string);
    });

    const aliasObject = entry.aliases ?? {};
    if (!isPlainObject(aliasObject)) fail(`${at}.aliases`, 'must be an object mapping alias names to versions, such as {"PROD": "1"}');
    const aliases = new Map<string, AliasRecord>();
    for (const [aliasName, target] of Object.entries(aliasObject as Record<string, unknown>)) {
      if (!ALIAS_NAME.test(aliasName)) {
        fail(`${at}.aliases`, `has the alias name ${JSON.stringify(aliasName)}; alias names are 1-128 letters, digits, "-" and "_", and not all digits`);
      }
      if (typeof target !== 'string' || (target !== '$LATEST' && !versions.has(target))) {
        fail(`${at}.aliases.${aliasName}`, `must name one of the function's versions ${JSON.stringify([...versions])} or "$LATEST", got ${JSON.stringify(target)}`);
      }
      aliases.set(aliasName, { name: aliasName, functionVersion: target as string, revisionId: newRevisionId() });
    }
    functions.set(name, { name, versions, aliases });
  });

  return { region: region as string, account: account as string, functions };
}

export function defaultRegistry(options: RegistryOptions = {}): FunctionRegistry {
  return createRegistry(DEFAULT_REGISTRY_FILE, options, 'default functions');
}

export function loadRegistryFile(path: string, options: RegistryOptions = {}): FunctionRegistry {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RegistryFileError(`${path}: cannot read the functions file (${code ?? (error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RegistryFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return createRegistry(value, options, path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A misspelt key ("alias" for "aliases") would otherwise silently drop the caller's functions.
function rejectUnknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  where: string,
  fail: (where: string, what: string) => never,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) fail(where, `has the unknown key ${JSON.stringify(key)} (expected ${known.map((k) => JSON.stringify(k)).join(', ')})`);
  }
}
