/**
 * Versioned schemas: a new store is created at the latest version, an older one is upgraded on
 * open with its policies intact, and a newer one is refused with a message that says what to do.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PostgresPolicyStore, upgradePostgres } from '../../runtime/store/postgres.js';
import { LATEST_SCHEMA_VERSION, SchemaTooNewError } from '../../runtime/store/schema.js';
import { openSqlite, SQLITE_FILE_NAME, SqlitePolicyStore, upgradeSqlite } from '../../runtime/store/sqlite.js';
import { runServerToEnd } from './server-process.js';
import { POSTGRES_SKIP_REASON, POSTGRES_URL, temporaryDataDir, temporaryPostgresDatabase } from './store-kinds.js';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:my-function';
const STATEMENT = '{"Sid":"kept","Effect":"Allow"}';
const tooNew = (where: string) =>
  `The policy store ${where} has schema version ${LATEST_SCHEMA_VERSION + 1}, newer than this permgen understands (${LATEST_SCHEMA_VERSION}). ` +
  'Start the newer permgen that wrote it, or point this one at another store.';

// A policy written the way version 1 lays it out.
const V1_POLICY = [
  `INSERT INTO policies (resource_arn, revision_id, byte_length, next_position) VALUES ('${ARN}', 'r1', 85, 1)`,
  `INSERT INTO statements (resource_arn, sid, position, statement_json) VALUES ('${ARN}', 'kept', 0, '${STATEMENT}')`,
];

describe('SQLite schema versions', () => {
  it('creates a new data folder at the latest version', async () => {
    const dir = temporaryDataDir();
    await new SqlitePolicyStore(join(dir, 'nested')).close();
    const db = openSqlite(join(dir, 'nested', SQLITE_FILE_NAME));
    expect(db.prepare('SELECT version FROM permgen_schema').all()).toEqual([{ version: LATEST_SCHEMA_VERSION }]);
    db.close();
  });

  it('upgrades a version 1 folder on open and keeps its policies', async () => {
    const dir = temporaryDataDir();
    const file = join(dir, SQLITE_FILE_NAME);
    const v1 = openSqlite(file);
    upgradeSqlite(v1, file, 1);
    for (const sql of V1_POLICY) v1.exec(sql);
    v1.close();

    const store = new SqlitePolicyStore(dir);
    const policy = await store.get(ARN);
    expect([[...policy!.statements], policy!.revisionId, policy!.byteLength]).toEqual([[['kept', STATEMENT]], 'r1', 85]);
    await store.addStatement(ARN, 'new', '{"Sid":"new"}', { expectedRevisionId: 'r1', revisionId: 'r2', byteLength: 99 });
    expect([...(await store.get(ARN))!.statements.keys()]).toEqual(['kept', 'new']);
    await store.close();
    const db = openSqlite(file);
    expect(db.prepare('SELECT version FROM permgen_schema').all()).toEqual([{ version: LATEST_SCHEMA_VERSION }]);
    expect((db.prepare('SELECT changed_at FROM policies').get() as { changed_at: string }).changed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    db.close();
  });

  it('refuses a folder written by a newer version, and npm start says so in one line with exit code 1', async () => {
    const dir = temporaryDataDir();
    await new SqlitePolicyStore(dir).close();
    const file = join(dir, SQLITE_FILE_NAME);
    const db = openSqlite(file);
    db.exec(`UPDATE permgen_schema SET version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqlitePolicyStore(dir)).toThrowError(new SchemaTooNewError(file, LATEST_SCHEMA_VERSION + 1));
    expect(new SchemaTooNewError(file, LATEST_SCHEMA_VERSION + 1).message).toBe(tooNew(file));
    expect(await runServerToEnd(['--data', dir])).toEqual({ code: 1, output: `${tooNew(file)}\n` });
  });

  it('refuses a data folder it cannot write with one line and exit code 1', async () => {
    const dir = temporaryDataDir();
    const file = join(dir, 'not-a-folder');
    await import('node:fs').then((fs) => fs.writeFileSync(file, 'x'));
    const { code, output } = await runServerToEnd(['--data', file]);
    expect(code).toBe(1);
    expect(output).toMatch(/^Could not open the policy store: EEXIST: file already exists, mkdir '.*not-a-folder'\n$/);
  });
});

describe.skipIf(!POSTGRES_URL)(`PostgreSQL schema versions${POSTGRES_SKIP_REASON}`, () => {
  let database: Awaited<ReturnType<typeof temporaryPostgresDatabase>>;
  afterEach(async () => database?.drop());

  async function withClient<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await task(client);
    } finally {
      await client.end();
    }
  }

  it('upgrades a version 1 database on open and keeps its policies', async () => {
    database = await temporaryPostgresDatabase();
    await withClient(async (client) => {
      await upgradePostgres(client, 'test', 1);
      for (const sql of V1_POLICY) await client.query(sql);
    });
    const store = await PostgresPolicyStore.open(database.url);
    const policy = await store.get(ARN);
    expect([[...policy!.statements], policy!.revisionId, policy!.byteLength]).toEqual([[['kept', STATEMENT]], 'r1', 85]);
    await store.close();
    expect(await withClient(async (client) => (await client.query('SELECT version FROM permgen_schema')).rows)).toEqual([{ version: LATEST_SCHEMA_VERSION }]);
  });

  it('refuses a database written by a newer version, and npm start says so in one line with exit code 1', async () => {
    database = await temporaryPostgresDatabase();
    await (await PostgresPolicyStore.open(database.url)).close();
    await withClient((client) => client.query(`UPDATE permgen_schema SET version = ${LATEST_SCHEMA_VERSION + 1}`));
    const where = database.url.replace(/^postgres:\/\/[^@]*@/, '');
    await expect(PostgresPolicyStore.open(database.url)).rejects.toThrowError(tooNew(where));
    expect(await runServerToEnd(['--database-url', database.url])).toEqual({ code: 1, output: `${tooNew(where)}\n` });
  });
});

describe('npm start with a database that does not answer', () => {
  it('says which connection failed in one line, with exit code 1', async () => {
    // Port 1 on the loopback: nothing listens there.
    const { code, output } = await runServerToEnd(['--database-url', 'postgres://permgen@127.0.0.1:1/policies']);
    expect({ code, output }).toEqual({ code: 1, output: 'Could not open the policy store: connect ECONNREFUSED 127.0.0.1:1\n' });
  });
});
