/**
 * Policies in an SQLite file inside a data folder (`npm start -- --data DIR`).
 *
 * Durability: WAL journal with `synchronous=FULL`, so a committed transaction is on disk before
 * AddPermission answers 201; a transaction cut short by a crash is rolled back on the next open.
 * Group commit: a writer thread (sqlite-writer.mjs) commits; the changes that arrive while it
 * waits for one commit's fsync are applied together in the next transaction, one savepoint each
 * (a change refused by its compare-and-swap leaves the others untouched), so the slower the disk,
 * the more changes share an fsync, and the main thread never waits for the disk.
 * Several processes may share the file: each transaction takes SQLite's write lock, and the
 * compare-and-swap on the revision decides between them.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'libsql';
import { Worker } from 'node:worker_threads';
import { StaleRevisionError, type OpenPolicyStore, type PolicyChange, type StoredPolicy } from '../store.js';
import { LATEST_SCHEMA_VERSION, stepsAfter, VERSION_TABLE } from './schema.js';
import { readPolicy, type PolicyRow } from './rows.js';

export const SQLITE_FILE_NAME = 'policies.sqlite';

/** How long a writer waits for another process's transaction before giving up (ms). */
const BUSY_TIMEOUT_MS = 10_000;

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

type WriterChange = { kind: 'add' | 'remove'; resourceArn: string; sid: string; statementJson?: string } & PolicyChange;
type WriterOutcome = 'ok' | 'stale' | { error: string };
type WriterReply = { outcomes: WriterOutcome[] } | { failed: string };

interface PendingChange {
  change: WriterChange;
  resolve(): void;
  reject(error: unknown): void;
}

export class SqlitePolicyStore implements OpenPolicyStore {
  readonly description: string;
  readonly file: string;
  /** Reads; the writer thread (sqlite-writer.mjs) has a connection of its own for the changes. */
  readonly #db: Database.Database;
  readonly #select: Database.Statement;
  readonly #writer: Worker;
  /** Changes waiting for the next commit, and those of the commit under way. */
  #pending: PendingChange[] = [];
  #committing: PendingChange[] | undefined;
  #broken: Error | undefined;
  #idle: (() => void) | undefined;
  readonly #maxBatch: number;

  /**
   * Opens (creating where missing) the store of a data folder, upgrading an older schema.
   * `groupCommit: false` commits each change alone, one fsync each: only to measure what grouping buys.
   */
  constructor(dataDir: string, options: { groupCommit?: boolean } = {}) {
    this.#maxBatch = options.groupCommit === false ? 1 : Infinity;
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
    this.#writer = new Worker(new URL('./sqlite-writer.mjs', import.meta.url), {
      workerData: { file: this.file, busyTimeoutMs: BUSY_TIMEOUT_MS },
      execArgv: [],
    });
    this.#writer.on('message', (reply: WriterReply) => this.#committed(reply));
    this.#writer.on('error', (error) => this.#fail(error));
    // A store nobody closed must not keep the process alive; a server keeps it alive anyway.
    this.#writer.unref();
  }

  async get(resourceArn: string): Promise<StoredPolicy | undefined> {
    return readPolicy(this.#select.all(resourceArn) as PolicyRow[]);
  }

  addStatement(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): Promise<void> {
    return this.#enqueue({ kind: 'add', resourceArn, sid, statementJson, ...change });
  }

  removeStatement(resourceArn: string, sid: string, change: PolicyChange): Promise<void> {
    return this.#enqueue({ kind: 'remove', resourceArn, sid, ...change });
  }

  #enqueue(change: WriterChange): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#broken) return reject(this.#broken);
      this.#pending.push({ change, resolve, reject });
      if (this.#committing === undefined) this.#commitNext();
    });
  }

  /** Sends everything queued as one commit; the changes that arrive meanwhile wait for the next. */
  #commitNext(): void {
    if (this.#pending.length === 0) {
      this.#idle?.();
      return;
    }
    const batch = this.#pending.splice(0, this.#maxBatch);
    this.#committing = batch;
    this.#writer.ref();
    this.#writer.postMessage({ changes: batch.map((pending) => pending.change) });
  }

  #committed(reply: WriterReply): void {
    const batch = this.#committing ?? [];
    this.#committing = undefined;
    this.#writer.unref();
    batch.forEach((pending, i) => {
      if ('failed' in reply) return pending.reject(new Error(`the commit failed: ${reply.failed}`));
      const outcome = reply.outcomes[i];
      if (outcome === 'ok') pending.resolve();
      else if (outcome === 'stale') pending.reject(new StaleRevisionError(pending.change.resourceArn));
      else pending.reject(new Error(outcome.error));
    });
    this.#commitNext();
  }

  /** The writer thread died: nothing more can be committed. */
  #fail(error: Error): void {
    this.#broken = new Error(`the SQLite writer stopped: ${error.message}`);
    for (const pending of [...(this.#committing ?? []), ...this.#pending.splice(0)]) pending.reject(this.#broken);
    this.#committing = undefined;
    this.#idle?.();
  }

  async close(): Promise<void> {
    // Changes already queued were promised an answer: let them commit first.
    if (this.#committing !== undefined || this.#pending.length > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    await this.#writer.terminate();
    this.#db.close();
  }
}
