/**
 * The tables of the durable stores and how each version of them is reached. A database records
 * its version; on start a store applies, in one transaction, every step after it, and refuses a
 * database whose version is newer than this code knows (it could hold data this code would
 * misread or lose). Steps are never edited once released; a change of layout is a new step.
 */

export interface SchemaStep {
  version: number;
  /** What the step adds, for people reading a database. */
  purpose: string;
  sqlite: string;
  postgres: string;
}

export const SCHEMA_STEPS: readonly SchemaStep[] = [
  {
    version: 1,
    purpose: 'policies with their revision and size; statements in insertion order',
    // WITHOUT ROWID: each table is one B-tree ordered by its key, so a change writes one page of
    // each rather than also a separate key index; a policy's statements (at most some 100) are
    // put in order when read, without an index of their own.
    sqlite: `
      CREATE TABLE policies (
        resource_arn TEXT PRIMARY KEY,
        revision_id TEXT NOT NULL,
        byte_length INTEGER NOT NULL,
        next_position INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE statements (
        resource_arn TEXT NOT NULL REFERENCES policies (resource_arn),
        sid TEXT NOT NULL,
        position INTEGER NOT NULL,
        statement_json TEXT NOT NULL,
        PRIMARY KEY (resource_arn, sid)
      ) WITHOUT ROWID;`,
    postgres: `
      CREATE TABLE policies (
        resource_arn text PRIMARY KEY,
        revision_id text NOT NULL,
        byte_length integer NOT NULL,
        next_position bigint NOT NULL
      );
      CREATE TABLE statements (
        resource_arn text NOT NULL REFERENCES policies (resource_arn),
        sid text NOT NULL,
        position bigint NOT NULL,
        statement_json text NOT NULL,
        PRIMARY KEY (resource_arn, sid)
      );`,
  },
  {
    version: 2,
    purpose: 'when each policy last changed, for people inspecting a database',
    sqlite: `ALTER TABLE policies ADD COLUMN changed_at TEXT;`,
    postgres: `ALTER TABLE policies ADD COLUMN changed_at timestamptz;`,
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_STEPS[SCHEMA_STEPS.length - 1].version;

/** The one-row table that records a database's version; created before anything else. */
export const VERSION_TABLE = 'permgen_schema';

/** The steps a database at `found` still needs, up to `target`; refuses a newer database. */
export function stepsAfter(found: number, where: string, target = LATEST_SCHEMA_VERSION): readonly SchemaStep[] {
  if (found > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(where, found);
  return SCHEMA_STEPS.filter((step) => step.version > found && step.version <= target);
}

/** A database written by a newer permgen; the message says what to do. */
export class SchemaTooNewError extends Error {
  constructor(where: string, found: number) {
    super(
      `The policy store ${where} has schema version ${found}, newer than this permgen understands (${LATEST_SCHEMA_VERSION}). ` +
        'Start the newer permgen that wrote it, or point this one at another store.',
    );
    this.name = 'SchemaTooNewError';
  }
}
