/**
 * Policies in PostgreSQL (`npm start -- --database-url postgres://…`), for several server
 * processes sharing one set of policies. Each change is one SQL statement, hence one transaction:
 * the policy row is updated only where its revision is still the one the change was decided on
 * (a concurrent writer's commit makes the WHERE fail, even under READ COMMITTED, because
 * PostgreSQL re-checks an updated row), and the statement row is written in the same statement.
 * A policy's first change inserts its row; a concurrent first change finds it there and loses.
 */
import pg from 'pg';
import { StaleRevisionError, type OpenPolicyStore, type PolicyChange, type StoredPolicy } from '../store.js';
import { readPolicy, type PolicyRow } from './rows.js';
import { LATEST_SCHEMA_VERSION, stepsAfter, VERSION_TABLE } from './schema.js';

/** Any constant: the advisory lock under which one process at a time creates or upgrades tables. */
const SCHEMA_LOCK_KEY = 0x7065726d;

const SELECT_POLICY = `
  SELECT p.revision_id AS "revisionId", p.byte_length AS "byteLength", s.sid AS sid, s.statement_json AS json
  FROM policies p LEFT JOIN statements s ON s.resource_arn = p.resource_arn
  WHERE p.resource_arn = $1 ORDER BY s.position`;

const ADD_TO_NEW_POLICY = `
  WITH p AS (
    INSERT INTO policies (resource_arn, revision_id, byte_length, next_position, changed_at)
    VALUES ($1, $2, $3, 1, now()) ON CONFLICT (resource_arn) DO NOTHING
    RETURNING next_position - 1 AS position)
  INSERT INTO statements (resource_arn, sid, position, statement_json) SELECT $1, $4, position, $5 FROM p`;

const ADD_TO_POLICY = `
  WITH p AS (
    UPDATE policies SET revision_id = $2, byte_length = $3, next_position = next_position + 1, changed_at = now()
    WHERE resource_arn = $1 AND revision_id = $6
    RETURNING next_position - 1 AS position)
  INSERT INTO statements (resource_arn, sid, position, statement_json) SELECT $1, $4, position, $5 FROM p`;

const REMOVE_FROM_POLICY = `
  WITH p AS (
    UPDATE policies SET revision_id = $2, byte_length = $3, changed_at = now()
    WHERE resource_arn = $1 AND revision_id = $5
    RETURNING resource_arn)
  DELETE FROM statements s USING p WHERE s.resource_arn = p.resource_arn AND s.sid = $4`;

/** Where a URL points, without its password: `HOST:PORT/DATABASE`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'at the given URL';
  }
}

/** Brings a database to `target` (default: the latest version) in one transaction. */
export async function upgradePostgres(client: pg.ClientBase, where: string, target = LATEST_SCHEMA_VERSION): Promise<void> {
  await client.query('BEGIN');
  try {
    // Two processes starting together must not both create the tables.
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version integer NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${VERSION_TABLE}`);
    const found = rows[0]?.version ?? 0;
    const steps = stepsAfter(found, where, target);
    for (const step of steps) await client.query(step.postgres);
    if (rows.length === 0) await client.query(`INSERT INTO ${VERSION_TABLE} (version) VALUES ($1)`, [target]);
    else if (steps.length > 0) await client.query(`UPDATE ${VERSION_TABLE} SET version = $1`, [target]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export class PostgresPolicyStore implements OpenPolicyStore {
  readonly description: string;
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool, description: string) {
    this.#pool = pool;
    this.description = description;
  }

  /** Connects, and creates or upgrades the tables; a newer schema is refused. */
  static async open(url: string, options: { maxConnections?: number } = {}): Promise<PostgresPolicyStore> {
    const where = describeDatabaseUrl(url);
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
    // An idle connection that breaks (server restarted) is dropped by the pool; without a
    // listener its error would end the process.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        await upgradePostgres(client, where);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresPolicyStore(pool, `PostgreSQL ${where}`);
  }

  async get(resourceArn: string): Promise<StoredPolicy | undefined> {
    const { rows } = await this.#pool.query<PolicyRow>(SELECT_POLICY, [resourceArn]);
    return readPolicy(rows);
  }

  async addStatement(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): Promise<void> {
    const result =
      change.expectedRevisionId === undefined
        ? await this.#pool.query(ADD_TO_NEW_POLICY, [resourceArn, change.revisionId, change.byteLength, sid, statementJson])
        : await this.#pool.query(ADD_TO_POLICY, [resourceArn, change.revisionId, change.byteLength, sid, statementJson, change.expectedRevisionId]);
    if (result.rowCount === 0) throw new StaleRevisionError(resourceArn);
  }

  async removeStatement(resourceArn: string, sid: string, change: PolicyChange): Promise<void> {
    if (change.expectedRevisionId === undefined) throw new StaleRevisionError(resourceArn);
    const result = await this.#pool.query(REMOVE_FROM_POLICY, [resourceArn, change.revisionId, change.byteLength, sid, change.expectedRevisionId]);
    if (result.rowCount === 0) throw new StaleRevisionError(resourceArn);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
