/**
 * The three stores, each opened fresh for a test: in memory, SQLite in a temporary data folder,
 * PostgreSQL in a database of its own on the server PERMGEN_TEST_DATABASE_URL names (started by
 * `.ci/with-postgres.sh`; without it the PostgreSQL tests are skipped, and their titles say so).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { InMemoryPolicyStore, type OpenPolicyStore } from '../../runtime/store.js';
import { PostgresPolicyStore } from '../../runtime/store/postgres.js';
import { SqlitePolicyStore } from '../../runtime/store/sqlite.js';

export const POSTGRES_URL = process.env.PERMGEN_TEST_DATABASE_URL;
export const POSTGRES_SKIP_REASON = POSTGRES_URL ? '' : ' (skipped: PERMGEN_TEST_DATABASE_URL is not set; run under .ci/with-postgres.sh)';

/** Where one test's data lives; every store opened on it sees the same policies. */
export interface StoreLocation {
  open(): Promise<OpenPolicyStore>;
  /** Deletes the folder or database, once every store on it is closed. */
  remove(): Promise<void>;
}

export interface StoreKind {
  name: string;
  /** False where the kind cannot run here (PostgreSQL without a server). */
  available: boolean;
  /** Whether policies outlive the store object (reopening finds them). */
  durable: boolean;
  location(): Promise<StoreLocation>;
}

export function temporaryDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'permgen-store-'));
}

/** A database of its own on the test server, so that tests running at once never meet. */
export async function temporaryPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `permgen_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const STORE_KINDS: StoreKind[] = [
  {
    name: 'in memory',
    available: true,
    durable: false,
    async location() {
      // One store object stands for the location: "several stores" are then writers on one map.
      const store = new InMemoryPolicyStore();
      return { open: async () => store, remove: async () => {} };
    },
  },
  {
    name: 'SQLite',
    available: true,
    durable: true,
    async location() {
      const dir = temporaryDataDir();
      return { open: async () => new SqlitePolicyStore(dir), remove: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: `PostgreSQL${POSTGRES_SKIP_REASON}`,
    available: POSTGRES_URL !== undefined,
    durable: true,
    async location() {
      const database = await temporaryPostgresDatabase();
      return { open: () => PostgresPolicyStore.open(database.url), remove: () => database.drop() };
    },
  },
];
