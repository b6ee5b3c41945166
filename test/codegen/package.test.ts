import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeListener, type LambdaImplementation } from '../../generated/server/index.js';
import { listen, ROOT, run } from './helpers.js';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
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
let consumer: string;

/** A project outside the repository that knows nothing of our toolchain but the packed tarball. */
beforeAll(async () => {
  server = await listen(createNodeListener(implementation));
  const packs = mkdtempSync(join(tmpdir(), 'permgen-pack-'));
  await run('npm', ['pack', join(ROOT, 'generated', 'client'), '--pack-destination', packs, '--silent'], { cwd: ROOT });
  const [tarball] = readdirSync(packs).filter((f) => f.endsWith('.tgz'));
  consumer = mkdtempSync(join(tmpdir(), 'permgen-consumer-'));
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { '@permgen/client-lambda': `file:${join(packs, tarball)}` } }, null, 2),
  );
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, lib: ['ES2022', 'DOM'], types: [], skipLibCheck: true, outDir: 'out' }, include: ['main.ts'] }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent'], { cwd: consumer });
}, 180_000);
afterAll(() => server?.close());

const program = (url: string, statementId: string) => `import { AddPermissionCommand, LambdaClient, ResourceConflictException, LambdaServiceException } from '@permgen/client-lambda';

const client = new LambdaClient({ region: 'us-east-1', endpoint: ${JSON.stringify(url)}, credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' } });
const input = { FunctionName: 'my-function', StatementId: ${statementId}, Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' };
const first = await client.send(new AddPermissionCommand(input));
const statement: string | undefined = first.Statement;
try {
  await client.send(new AddPermissionCommand(input));
  console.log('no error');
} catch (error) {
  if (error instanceof ResourceConflictException) {
    const status: number | undefined = error.$metadata.httpStatusCode;
    console.log(JSON.stringify({ statement, name: error.name, fault: error.$fault, status, message: error.message, base: error instanceof LambdaServiceException }));
  } else {
    throw error;
  }
}
`;

describe('the packed client package', () => {
  it('installs into a project outside the repository, type-checks a call, and throws a typed ResourceConflictException', async () => {
    writeFileSync(join(consumer, 'main.ts'), program(server.url, "'s3'"));
    await run(process.execPath, [TSC, '-p', consumer], { cwd: consumer });
    const { stdout } = await run(process.execPath, [join(consumer, 'out', 'main.js')], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({
      statement: '{"Sid":"s3"}',
      name: 'ResourceConflictException',
      fault: 'client',
      status: 409,
      message: 'The statement id (s3) provided already exists. Please provide a new statement id, or remove the existing statement.',
      base: true,
    });
  });

  it('makes a wrong member type a compile error', async () => {
    writeFileSync(join(consumer, 'main.ts'), program(server.url, '42'));
    const failure = await run(process.execPath, [TSC, '-p', consumer, '--noEmit'], { cwd: consumer }).then(
      () => undefined,
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/main\.ts\(5,\d+\): error TS2345: Argument of type '\{ FunctionName: string; StatementId: number; Action: string; Principal: string; \}' is not assignable to parameter of type 'AddPermissionCommandInput'/);
    expect(failure).toContain("Type 'number' is not assignable to type 'string'");
  });
});
