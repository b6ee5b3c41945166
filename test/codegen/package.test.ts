import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeListener, type LambdaImplementation } from '../../generated/server/index.js';
import { awsHome, environmentWithHome, PROFILE_KEYS } from '../client/aws-home.js';
import { listen, ROOT, run } from './helpers.js';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** The consumer is a Node project: the @types/node the project builds with. */
const NODE_TYPES: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies['@types/node'];
const taken = new Set<string>();
const implementation: LambdaImplementation = {
  AddPermission: async (input) => {
    if (taken.has(input.StatementId)) {
      throw Object.assign(new Error(`The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`), {
        name: 'ResourceConflictException',
      });
    }
    taken.add(input.StatementId);
    return { Statement: JSON.stringify({ Sid: input.StatementId }) };
  },
  GetPolicy: async () => ({ Policy: '{}', RevisionId: 'r' }),
  RemovePermission: async () => undefined,
};

let server: { url: string; close(): Promise<void> };
/** The Authorization header of every request the server saw. */
const authorizations: string[] = [];
let consumer: string;
let packs: string;

/** The strictest settings a consumer may compile with; the package's declarations are checked too (no skipLibCheck). */
const STRICT = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noPropertyAccessFromIndexSignature: true, skipLibCheck: false };
const tsconfig = (module: string) => JSON.stringify({ compilerOptions: { target: 'ES2022', module, moduleResolution: module, lib: ['ES2022', 'DOM'], types: ['node'], ...STRICT, outDir: 'out' }, include: ['main.ts', 'environment.ts'] });

/**
 * A project outside the repository that knows nothing of our toolchain but the packed tarball: one
 * folder of ES modules (NodeNext) and one of CommonJS (Node16), sharing node_modules.
 */
beforeAll(async () => {
  const listener = createNodeListener(implementation);
  server = await listen((req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    listener(req, res);
  });
  packs = mkdtempSync(join(tmpdir(), 'permgen-pack-'));
  await run('npm', ['pack', join(ROOT, 'generated', 'client'), '--pack-destination', packs, '--silent'], { cwd: ROOT });
  const [tarball] = readdirSync(packs).filter((f) => f.endsWith('.tgz'));
  consumer = mkdtempSync(join(tmpdir(), 'permgen-consumer-'));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, dependencies: { '@permgen/client-lambda': `file:${join(packs, tarball!)}` }, devDependencies: { '@types/node': NODE_TYPES } }, null, 2));
  for (const [folder, type, module] of [['esm', 'module', 'NodeNext'], ['cjs', 'commonjs', 'Node16']] as const) {
    mkdirSync(join(consumer, folder));
    writeFileSync(join(consumer, folder, 'package.json'), JSON.stringify({ type }));
    writeFileSync(join(consumer, folder, 'tsconfig.json'), tsconfig(module));
  }
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent'], { cwd: consumer });
  // Both folders compiled once, with the package's declarations checked; the tests run the output.
  await Promise.all(
    (['esm', 'cjs'] as const).map((folder) => {
      writeFileSync(join(consumer, folder, 'main.ts'), program(server.url, `'${folder}'`));
      writeFileSync(join(consumer, folder, 'environment.ts'), fromEnvironment(server.url));
      return run(process.execPath, [TSC, '-p', join(consumer, folder)], { cwd: consumer });
    }),
  );
}, 240_000);
afterAll(async () => {
  await server?.close();
  for (const dir of [packs, consumer]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Works the same in both module systems; the CommonJS build may not use top-level await. */
const program = (url: string, statementId: string) => `import { AddPermissionCommand, GetPolicyCommand, Lambda, LambdaClient, RemovePermissionCommand, ResourceConflictException, LambdaServiceException } from '@permgen/client-lambda';

async function main(): Promise<void> {
  const client = new LambdaClient({ region: 'us-east-1', endpoint: ${JSON.stringify(url)}, credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
  const input = { FunctionName: 'my-function', StatementId: ${statementId}, Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' };
  const first = await client.send(new AddPermissionCommand(input));
  const statement: string | undefined = first.Statement;
  // An optional member of one output passed on as an optional member of an input (exactOptionalPropertyTypes).
  const policy = await client.send(new GetPolicyCommand({ FunctionName: 'my-function' }));
  await client.send(new RemovePermissionCommand({ FunctionName: 'my-function', StatementId: 'other', RevisionId: policy.RevisionId }));
  const lambda = new Lambda({ region: 'us-east-1', endpoint: ${JSON.stringify(url)}, credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 'SECRET' }) });
  const revision: string | undefined = (await lambda.getPolicy({ FunctionName: 'my-function' })).RevisionId;
  try {
    await client.send(new AddPermissionCommand(input));
    console.log('no error');
  } catch (error) {
    if (error instanceof ResourceConflictException) {
      const status: number | undefined = error.$metadata.httpStatusCode;
      console.log(JSON.stringify({ statement, revision, name: error.name, fault: error.$fault, status, attempts: error.$metadata.attempts, message: error.message, base: error instanceof LambdaServiceException }));
    } else {
      throw error;
    }
  }
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/** A client configured with nothing but the endpoint: region and credentials come from the environment. */
const fromEnvironment = (url: string) => `import { GetPolicyCommand, LambdaClient } from '@permgen/client-lambda';

const client = new LambdaClient({ endpoint: ${JSON.stringify(url)} });
client
  .send(new GetPolicyCommand({ FunctionName: 'my-function' }))
  .then(async (output) => console.log(JSON.stringify({ region: await client.config.region(), revision: output.RevisionId })));
`;

async function runCompiled(folder: 'esm' | 'cjs', file: 'main' | 'environment', env?: NodeJS.ProcessEnv): Promise<string> {
  const dir = join(consumer, folder);
  const { stdout } = await run(process.execPath, [join(dir, 'out', `${file}.js`)], { cwd: dir, ...(env ? { env } : {}) });
  return stdout;
}

/** Type-checks one program in the ES module folder with the strict settings (the package's declarations were checked above); the compiler's complaints, if any. */
async function typeCheck(source: string, module: 'NodeNext' | 'Bundler'): Promise<string | undefined> {
  const dir = join(consumer, 'esm');
  writeFileSync(join(dir, 'check.ts'), source);
  const flags = ['--noEmit', '--skipLibCheck', '--strict', '--exactOptionalPropertyTypes', '--noUncheckedIndexedAccess', '--noPropertyAccessFromIndexSignature'];
  const target = ['--target', 'ES2022', '--lib', 'ES2022,DOM', '--types', 'node', '--module', module === 'Bundler' ? 'ESNext' : module, '--moduleResolution', module];
  return run(process.execPath, [TSC, ...flags, ...target, 'check.ts'], { cwd: dir }).then(
    () => undefined,
    (error: { stdout: string }) => error.stdout,
  );
}

const EXPECTED = (sid: string) => ({
  statement: `{"Sid":"${sid}"}`,
  revision: 'r',
  name: 'ResourceConflictException',
  fault: 'client',
  status: 409,
  attempts: 1,
  message: `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
  base: true,
});

describe('the packed client package', () => {
  it('compiles with strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess as ES modules (NodeNext), and runs', async () => {
    expect(JSON.parse(await runCompiled('esm', 'main'))).toEqual(EXPECTED('esm'));
  });

  it('compiles with the same settings as CommonJS (Node16), loads with require, and runs', async () => {
    expect(JSON.parse(await runCompiled('cjs', 'main'))).toEqual(EXPECTED('cjs'));
    const { stdout: required } = await run(process.execPath, ['-e', "const m = require('@permgen/client-lambda'); console.log(typeof m.LambdaClient, typeof m.Lambda, require.resolve('@permgen/client-lambda'))"], { cwd: consumer });
    expect(required.trim()).toMatch(/^function function .*\/dist\/index\.cjs$/);
  });

  it('type-checks for bundlers (moduleResolution bundler)', async () => {
    expect(await typeCheck(program(server.url, "'bundler'"), 'Bundler')).toBeUndefined();
  });

  it('bundles for browsers without the Node defaults (the browser field swaps them), and for Node with them', async () => {
    const entry = join(consumer, 'bundle-entry.mjs');
    writeFileSync(entry, "import { AddPermissionCommand, LambdaClient } from '@permgen/client-lambda';\nexport const send = (input) => new LambdaClient({}).send(new AddPermissionCommand(input));\n");
    const bundles = await Promise.all(
      (['browser', 'node'] as const).map(async (platform) => {
        const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform, logLevel: 'silent' });
        return result.outputFiles[0]!.text;
      }),
    );
    expect(bundles[0]).toContain('Region is missing: pass `region` to the client.');
    expect(bundles[0]).not.toMatch(/credential-provider|shared-ini-file|node:fs/);
    expect(bundles[1]).toMatch(/fromSharedConfigFiles|loadSharedConfigFiles/);
  });

  it('makes a wrong member type a compile error', async () => {
    const failure = await typeCheck(program(server.url, '42'), 'NodeNext');
    expect(failure).toMatch(/check\.ts\(6,\d+\): error TS2345: Argument of type '\{ FunctionName: string; StatementId: number; Action: string; Principal: string; \}' is not assignable to parameter of type 'AddPermissionCommandInput'/);
    expect(failure).toContain("Type 'number' is not assignable to type 'string'");
  });

  describe('with no AWS_ variables and a home folder holding .aws/credentials (two profiles) and .aws/config', () => {
    const home = awsHome();
    afterAll(() => rmSync(home, { recursive: true, force: true }));
    const credentialOf = (header: string) => /Credential=([^/]+)\/\d{8}\/([^/]+)\/lambda\/aws4_request/.exec(header)?.slice(1);

    it('signs with the default profile’s key, for the region of the config file', async () => {
      authorizations.length = 0;
      const stdout = await runCompiled('esm', 'environment', environmentWithHome(home));
      expect(JSON.parse(stdout)).toEqual({ region: 'eu-central-1', revision: 'r' });
      expect(authorizations.map(credentialOf)).toEqual([[PROFILE_KEYS.default.accessKeyId, 'eu-central-1']]);
    });

    it('bundled into one file and run without node_modules, signs with the environment’s keys, and says what is missing without them', async () => {
      // The bundle leaves the SDK's credential chain out (it is imported by a name esbuild does not follow).
      const alone = mkdtempSync(join(tmpdir(), 'permgen-one-file-'));
      try {
        await build({ entryPoints: [join(consumer, 'esm', 'out', 'environment.js')], bundle: true, minify: true, format: 'esm', platform: 'node', outfile: join(alone, 'program.mjs'), logLevel: 'silent' });
        expect(readFileSync(join(alone, 'program.mjs'), 'utf8')).not.toMatch(/fromSSO|fromTokenFile|fromInstanceMetadata/);
        authorizations.length = 0;
        const keys = { AWS_ACCESS_KEY_ID: 'AKIAFROMENVIRONMENT0', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_REGION: 'eu-west-3' };
        const { stdout } = await run(process.execPath, [join(alone, 'program.mjs')], { cwd: alone, env: environmentWithHome(home, keys) });
        expect(JSON.parse(stdout)).toEqual({ region: 'eu-west-3', revision: 'r' });
        expect(authorizations.map(credentialOf)).toEqual([['AKIAFROMENVIRONMENT0', 'eu-west-3']]);

        const failure = await run(process.execPath, [join(alone, 'program.mjs')], { cwd: alone, env: environmentWithHome(home) }).then(
          () => undefined,
          (error: { stderr: string }) => error.stderr,
        );
        expect(failure).toContain(
          "No credentials are set in the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), and the rest of the AWS SDK's credential chain (@aws-sdk/credential-provider-node) is not installed where this program runs: pass `credentials` to the client, or install @aws-sdk/credential-provider-node beside the program.",
        );

        // The same file beside node_modules finds the chain there, and with it the shared files.
        authorizations.length = 0;
        const besideModules = join(consumer, 'esm', 'one-file.mjs');
        writeFileSync(besideModules, readFileSync(join(alone, 'program.mjs')));
        const found = await run(process.execPath, [besideModules], { cwd: consumer, env: environmentWithHome(home) });
        expect(JSON.parse(found.stdout)).toEqual({ region: 'eu-central-1', revision: 'r' });
        expect(authorizations.map(credentialOf)).toEqual([[PROFILE_KEYS.default.accessKeyId, 'eu-central-1']]);
      } finally {
        rmSync(alone, { recursive: true, force: true });
      }
    });

    it('signs with the other profile’s key under AWS_PROFILE, in CommonJS too', async () => {
      authorizations.length = 0;
      const stdout = await runCompiled('cjs', 'environment', environmentWithHome(home, { AWS_PROFILE: 'other' }));
      expect(JSON.parse(stdout)).toEqual({ region: 'ap-southeast-2', revision: 'r' });
      expect(authorizations.map(credentialOf)).toEqual([[PROFILE_KEYS.other.accessKeyId, 'ap-southeast-2']]);
    });
  });
});
