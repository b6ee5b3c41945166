/**
 * Policies in an SQLite file inside a data folder (`npm start -- --data DIR`).
 *
 * Durability: WAL journal with `synchronous=FULL`, so a committed transaction is on disk before
 * AddPermission answers 201; a transaction cut short by a crash is rolled back on the next open.
 * Group commit: changes that arrive while the event loop is busy are applied together in one
 * transaction, one savepoint each, so a burst of requests pays for one fsync instead of one each,
 * and a change refused by its compare-and-swap leaves the others in the batch untouched.
 * Several processes may share the file: each transaction takes SQLite's write lock, and the
 * compare-and-swap on the revision decides between them.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'libsql';
import { StaleRevisionError, type OpenPolicyStore, type PolicyChange, type StoredPolicy } from '../store.js';
import { LATEST_SCHEMA_VERSION, stepsAfter, VERSION_TABLE } from './schema.js';
import { readPolicy, type PolicyRow } from './rows.js';

/** A connection set up for durability: WAL, fsync at every commit, waiting for other writers. */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Brings a database to `target` (default: the latest version) in one transaction. */
export function upgradeSqlite(db: Database.Database, where: string, target = LATEST_SCHEMA_VERSION): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER NOT NULL)`);
    const row = db.prepare(`SELECT version FROM ${VERSION_TABLE}`).get() as { version: number } | undefined;
    const found = row?.version ?? 0;
    const steps = stepsAfter(found, where, target);
    for (const step of steps) db.exec(step.sqlite);
    if (row === undefined) db.prepare(`INSERT INTO ${VERSION_TABLE} (version) VALUES (?)`).run(target);
    else if (steps.length > 0) db.prepare(`UPDATE ${VERSION_TABLE} SET version = ?`).run(target);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export const SQLITE_FILE_NAME = 'policies.sqlite';

/** How long a writer waits for another process's transaction before giving up (ms). */
const BUSY_TIMEOUT_MS = 10_000;

interface PendingChange {
  apply(): void;
  resolve(): void;
  reject(error: unknown): void;
}

export class SqlitePolicyStore implements OpenPolicyStore {
  readonly description: string;
  readonly file: string;
  readonly #db: Database.Database;
  readonly #select: Database.Statement;
  readonly #insertPolicy: Database.Statement;
  readonly #advancePolicy: Database.Statement;
  readonly #revisePolicy: Database.Statement;
  readonly #insertStatement: Database.Statement;
  readonly #deleteStatement: Database.Statement;
  #pending: PendingChange[] = [];
  readonly #groupCommit: boolean;

  /**
   * Opens (creating where missing) the store of a data folder, upgrading an older schema.
   * `groupCommit: false` commits each change alone, one fsync each: only to measure what grouping buys.
   */
  constructor(dataDir: string, options: { groupCommit?: boolean } = {}) {
    this.#groupCommit = options.groupCommit ?? true;
    mkdirSync(dataDir, { recursive: true });
    this.file = resolve(join(dataDir, SQLITE_FILE_NAME));
    this.description = `SQLite ${this.file}`;
    this.#db = openSqlite(this.file);
    try {
      upgradeSqlite(this.#db, this.file);
    } catch (error) {
      this.#db.close();
      throw error;
    }
    // One query, so that the policy row and its statements come from the same snapshot.
    this.#select = this.#db.prepare(
      `SELECT p.revision_id AS revisionId, p.byte_length AS byteLength, s.sid AS sid, s.statement_json AS json
       FROM policies p LEFT JOIN statements s ON s.resource_arn = p.resource_arn
       WHERE p.resource_arn = ? ORDER BY s.position`,
    );
    this.#insertPolicy = this.#db.prepare(
      `INSERT INTO policies (resource_arn, revision_id, byte_length, next_position, changed_at) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT DO NOTHING`,
    );
    this.#advancePolicy = this.#db.prepare(
      `UPDATE policies SET revision_id = ?, byte_length = ?, next_position = next_position + 1, changed_at = ?
       WHERE resource_arn = ? AND revision_id = ? RETURNING next_position - 1 AS position`,
    );
    this.#revisePolicy = this.#db.prepare(
      `UPDATE policies SET revision_id = ?, byte_length = ?, changed_at = ? WHERE resource_arn = ? AND revision_id = ?`,
    );
    this.#insertStatement = this.#db.prepare(`INSERT INTO statements (resource_arn, sid, position, statement_json) VALUES (?, ?, ?, ?)`);
    this.#deleteStatement = this.#db.prepare(`DELETE FROM statements WHERE resource_arn = ? AND sid = ?`);
  }

  async get(resourceArn: string): Promise<StoredPolicy | undefined> {
    return readPolicy(this.#select.all(resourceArn) as PolicyRow[]);
  }

  addStatement(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): Promise<void> {
    return this.#enqueue(() => {
      const now = new Date().toISOString();
      let position: number;
      if (change.expectedRevisionId === undefined) {
        const inserted = this.#insertPolicy.run(resourceArn, change.revisionId, change.byteLength, now);
        if (inserted.changes === 0) throw new StaleRevisionError(resourceArn);
        position = 0;
      } else {
        const row = this.#advancePolicy.get(change.revisionId, change.byteLength, now, resourceArn, change.expectedRevisionId) as
          | { position: number }
          | undefined;
        if (row === undefined) throw new StaleRevisionError(resourceArn);
        position = row.position;
      }
      this.#insertStatement.run(resourceArn, sid, position, statementJson);
    });
  }

  removeStatement(resourceArn: string, sid: string, change: PolicyChange): Promise<void> {
    return this.#enqueue(() => {
      const now = new Date().toISOString();
      const revised = this.#revisePolicy.run(change.revisionId, change.byteLength, now, resourceArn, change.expectedRevisionId ?? null);
      if (revised.changes === 0) throw new StaleRevisionError(resourceArn);
      if (this.#deleteStatement.run(resourceArn, sid).changes === 0) throw new Error(`statement ${sid} not stored for ${resourceArn}`);
    });
  }

  #enqueue(apply: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#pending.length === 0 && this.#groupCommit) setImmediate(() => this.#commitPending());
      this.#pending.push({ apply, resolve, reject });
      if (!this.#groupCommit) this.#commitPending();
    });
  }

  /** One transaction, one fsync, for every change queued since the last commit. */
  #commitPending(): void {
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    const outcomes: Array<{ error: unknown } | undefined> = [];
    const db = this.#db;
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const change of batch) {
          db.exec('SAVEPOINT change');
          try {
            change.apply();
            db.exec('RELEASE change');
            outcomes.push(undefined);
          } catch (error) {
            db.exec('ROLLBACK TO change');
            db.exec('RELEASE change');
            outcomes.push({ error });
          }
        }
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      // Nothing of the batch was committed: every change in it fails.
      for (const change of batch) change.reject(error);
      return;
    }
    batch.forEach((change, i) => {
      const outcome = outcomes[i];
      if (outcome) change.reject(outcome.error);
      else change.resolve();
    });
  }

  async close(): Promise<void> {
    // Changes already queued were promised an answer: commit them first.
    if (this.#pending.length > 0) this.#commitPending();
    this.#db.close();
  }
}
