/**
 * Where policies live. The semantics (service.ts) decide everything and then commit one change
 * through this interface, so a store only has to make each call atomic and refuse a change that
 * was decided on a revision that is no longer the stored one (compare-and-swap). With one process
 * the service's queue per policy already serialises changes to it; the compare-and-swap is what
 * keeps several processes sharing one database from both applying a change to the same revision.
 * The durable stores are in runtime/store/.
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
  /**
   * The stored revision the change was decided on (`undefined`: nothing was stored). The store
   * applies the change only if this is still the stored revision, in the same transaction.
   */
  expectedRevisionId: string | undefined;
  revisionId: string;
  byteLength: number;
}

export interface PolicyStore {
  /** The policy of a resource (canonical ARN); it may have no statements left. */
  get(resourceArn: string): Promise<StoredPolicy | undefined>;
  /**
   * Appends a statement and sets the revision and size, all or nothing.
   * Rejects with `StaleRevisionError`, changing nothing, if the stored revision moved on.
   */
  addStatement(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): Promise<void>;
  /**
   * Removes a statement and sets the revision and size, all or nothing.
   * Rejects with `StaleRevisionError`, changing nothing, if the stored revision moved on.
   */
  removeStatement(resourceArn: string, sid: string, change: PolicyChange): Promise<void>;
}

/**
 * A store whose reads and commits complete at once, in memory. The service decides and commits a
 * change to it in one synchronous step, which no other change can come between: it needs
 * neither the policy's queue nor a second decision on a stale revision.
 */
export interface ImmediatePolicyStore extends PolicyStore {
  getNow(resourceArn: string): StoredPolicy | undefined;
  addStatementNow(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): void;
  removeStatementNow(resourceArn: string, sid: string, change: PolicyChange): void;
}

/** The store as an immediate one, if it is one. */
export function immediateStore(store: PolicyStore): ImmediatePolicyStore | undefined {
  return typeof (store as Partial<ImmediatePolicyStore>).getNow === 'function' ? (store as ImmediatePolicyStore) : undefined;
}

/** A store that holds a file or connections open until closed. */
export interface OpenPolicyStore extends PolicyStore {
  /** What the store is, for the start-up line: `in memory`, `SQLite FILE`, `PostgreSQL HOST/DB`. */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * Another writer changed the policy between the read a change was decided on and its commit.
 * Nothing was written; the service reads again and decides again.
 */
export class StaleRevisionError extends Error {
  constructor(resourceArn: string) {
    super(`the policy of ${resourceArn} changed while a change to it was being decided`);
    this.name = 'StaleRevisionError';
  }
}

interface MutablePolicy {
  statements: Map<string, string>;
  revisionId: string;
  byteLength: number;
}

export class InMemoryPolicyStore implements OpenPolicyStore, ImmediatePolicyStore {
  readonly description = 'in memory';
  readonly #policies = new Map<string, MutablePolicy>();

  getNow(resourceArn: string): StoredPolicy | undefined {
    return this.#policies.get(resourceArn);
  }

  async get(resourceArn: string): Promise<StoredPolicy | undefined> {
    return this.getNow(resourceArn);
  }

  /** The stored policy if `change` was decided on its current revision. */
  #current(resourceArn: string, change: PolicyChange): MutablePolicy | undefined {
    const policy = this.#policies.get(resourceArn);
    if (policy?.revisionId !== change.expectedRevisionId) throw new StaleRevisionError(resourceArn);
    return policy;
  }

  addStatementNow(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): void {
    const policy = this.#current(resourceArn, change);
    // The semantics check for duplicates first; a duplicate here means a caller skipped them,
    // and overwriting would corrupt the running size.
    if (policy?.statements.has(sid)) throw new Error(`statement ${sid} already stored for ${resourceArn}`);
    if (policy) {
      policy.statements.set(sid, statementJson);
      policy.revisionId = change.revisionId;
      policy.byteLength = change.byteLength;
    } else {
      this.#policies.set(resourceArn, { statements: new Map([[sid, statementJson]]), revisionId: change.revisionId, byteLength: change.byteLength });
    }
  }

  async addStatement(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): Promise<void> {
    this.addStatementNow(resourceArn, sid, statementJson, change);
  }

  removeStatementNow(resourceArn: string, sid: string, change: PolicyChange): void {
    const policy = this.#current(resourceArn, change);
    if (!policy?.statements.has(sid)) throw new Error(`statement ${sid} not stored for ${resourceArn}`);
    policy.statements.delete(sid);
    policy.revisionId = change.revisionId;
    policy.byteLength = change.byteLength;
  }

  async removeStatement(resourceArn: string, sid: string, change: PolicyChange): Promise<void> {
    this.removeStatementNow(resourceArn, sid, change);
  }

  async close(): Promise<void> {}
}
