/**
 * Where policies live. The semantics (service.ts) decide everything and then commit one change
 * through this interface, so a durable store only has to make each call atomic.
 */

export interface StoredPolicy {
  /** Sid → statement JSON exactly as AddPermission returned it, in insertion order. */
  readonly statements: ReadonlyMap<string, string>;
  /**
   * Replaced on every change. Kept after the last statement is removed: for an alias it stays
   * the alias's current RevisionId.
   */
  readonly revisionId: string;
  /** UTF-8 bytes of the compact policy document; kept as a running total. */
  readonly byteLength: number;
}

export interface PolicyChange {
  revisionId: string;
  byteLength: number;
}

export interface PolicyStore {
  /** The policy of a resource (canonical ARN); it may have no statements left. */
  get(resourceArn: string): Promise<StoredPolicy | undefined>;
  /** Appends a statement and sets the revision and size, all or nothing. */
  addStatement(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): Promise<void>;
  /** Removes a statement and sets the revision and size, all or nothing. */
  removeStatement(resourceArn: string, sid: string, change: PolicyChange): Promise<void>;
}

interface MutablePolicy {
  statements: Map<string, string>;
  revisionId: string;
  byteLength: number;
}

export class InMemoryPolicyStore implements PolicyStore {
  readonly #policies = new Map<string, MutablePolicy>();

  async get(resourceArn: string): Promise<StoredPolicy | undefined> {
    return this.#policies.get(resourceArn);
  }

  async addStatement(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): Promise<void> {
    const policy = this.#policies.get(resourceArn);
    // The semantics check for duplicates first; a duplicate here means a caller skipped them,
    // and overwriting would corrupt the running size.
    if (policy?.statements.has(sid)) throw new Error(`statement ${sid} already stored for ${resourceArn}`);
    if (policy) {
      policy.statements.set(sid, statementJson);
      policy.revisionId = change.revisionId;
      policy.byteLength = change.byteLength;
    } else {
      this.#policies.set(resourceArn, { statements: new Map([[sid, statementJson]]), ...change });
    }
  }

  async removeStatement(resourceArn: string, sid: string, change: PolicyChange): Promise<void> {
    const policy = this.#policies.get(resourceArn);
    if (!policy?.statements.has(sid)) throw new Error(`statement ${sid} not stored for ${resourceArn}`);
    policy.statements.delete(sid);
    policy.revisionId = change.revisionId;
    policy.byteLength = change.byteLength;
  }
}
