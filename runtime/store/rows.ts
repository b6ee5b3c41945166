/** The policy a durable store's rows describe: one row per statement, in order, or one without. */
import type { StoredPolicy } from '../store.js';

export interface PolicyRow {
  revisionId: string;
  byteLength: number | string;
  /** Null where the policy has no statements (the LEFT JOIN found none). */
  sid: string | null;
  json: string | null;
}

export function readPolicy(rows: readonly PolicyRow[]): StoredPolicy | undefined {
  if (rows.length === 0) return undefined;
  const statements = new Map<string, string>();
  for (const row of rows) if (row.sid !== null && row.json !== null) statements.set(row.sid, row.json);
  return { statements, revisionId: rows[0].revisionId, byteLength: Number(rows[0].byteLength) };
}
