// The SQLite store's writer: a thread of its own, so that while it waits for a commit's fsync the
// main thread goes on serving requests, whose changes then make up the next commit (group commit
// whose batches grow as fsyncs get slower). Plain JavaScript on purpose: this thread runs without
// the TypeScript loader. Receives { changes }, answers { outcomes } in the same order: 'ok',
// 'stale' (the compare-and-swap on the revision failed; nothing of that change was written) or
// { error } (nothing of that change was written); { failed } when the commit itself failed.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';

const db = new Database(workerData.file);
// The same settings as the main thread's connection (sqlite.ts): durable commits, waiting for
// other processes' transactions rather than failing at once.
db.exec(`PRAGMA busy_timeout = ${workerData.busyTimeoutMs}`);
db.exec('PRAGMA journal_mode = WAL');
db.exec('PRAGMA synchronous = FULL');
db.exec('PRAGMA foreign_keys = ON');

const insertPolicy = db.prepare(
  `INSERT INTO policies (resource_arn, revision_id, byte_length, next_position, changed_at) VALUES (?, ?, ?, 1, ?)
   ON CONFLICT DO NOTHING`,
);
const advancePolicy = db.prepare(
  `UPDATE policies SET revision_id = ?, byte_length = ?, next_position = next_position + 1, changed_at = ?
   WHERE resource_arn = ? AND revision_id = ? RETURNING next_position - 1 AS position`,
);
const revisePolicy = db.prepare(`UPDATE policies SET revision_id = ?, byte_length = ?, changed_at = ? WHERE resource_arn = ? AND revision_id = ?`);
const insertStatement = db.prepare(`INSERT INTO statements (resource_arn, sid, position, statement_json) VALUES (?, ?, ?, ?)`);
const deleteStatement = db.prepare(`DELETE FROM statements WHERE resource_arn = ? AND sid = ?`);

class Stale extends Error {}

/** One change: the policy row only where its revision is the expected one, then the statement row. */
function apply({ kind, resourceArn, sid, statementJson, expectedRevisionId, revisionId, byteLength }, now) {
  if (kind === 'add') {
    let position = 0;
    if (expectedRevisionId === undefined) {
      if (insertPolicy.run(resourceArn, revisionId, byteLength, now).changes === 0) throw new Stale();
    } else {
      const row = advancePolicy.get(revisionId, byteLength, now, resourceArn, expectedRevisionId);
      if (row === undefined) throw new Stale();
      position = row.position;
    }
    insertStatement.run(resourceArn, sid, position, statementJson);
  } else {
    if (expectedRevisionId === undefined) throw new Stale();
    if (revisePolicy.run(revisionId, byteLength, now, resourceArn, expectedRevisionId).changes === 0) throw new Stale();
    if (deleteStatement.run(resourceArn, sid).changes === 0) throw new Error(`statement ${sid} not stored for ${resourceArn}`);
  }
}

parentPort.on('message', ({ changes }) => {
  const now = new Date().toISOString();
  const outcomes = [];
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const change of changes) {
        db.exec('SAVEPOINT change');
        try {
          apply(change, now);
          db.exec('RELEASE change');
          outcomes.push('ok');
        } catch (error) {
          db.exec('ROLLBACK TO change');
          db.exec('RELEASE change');
          outcomes.push(error instanceof Stale ? 'stale' : { error: error instanceof Error ? error.message : String(error) });
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
    return;
  }
  parentPort.postMessage({ outcomes });
});
