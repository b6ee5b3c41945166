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
  /**
   * One resource's policy, to read and change at once. The same object for as long as the store
   * lives, so a caller may keep it (the runtime keeps it with the resource's target) and reach
   * the policy without a look-up by ARN.
   */
  policyNow(resourceArn: string): ImmediatePolicy;
}

/** One resource's policy in an immediate store. */
export interface ImmediatePolicy {
  /** The policy as stored now; undefined while nothing was ever stored for the resource. */
  readonly stored: StoredPolicy | undefined;
  /** As `PolicyStore.addStatement`, done by the time it returns; throws `StaleRevisionError` instead of rejecting. */
  addStatement(sid: string, statementJson: string, change: PolicyChange): void;
  /** As `PolicyStore.removeStatement`, done by the time it returns; throws `StaleRevisionError` instead of rejecting. */
  removeStatement(sid: string, change: PolicyChange): void;
}

/** The store as an immediate one, if it is one. */
export function immediateStore(store: PolicyStore): ImmediatePolicyStore | undefined {
  return typeof (store as Partial<ImmediatePolicyStore>).policyNow === 'function' ? (store as ImmediatePolicyStore) : undefined;
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

/** One resource's policy in memory: one object for the store's life, mutated by each change. */
class PolicyInMemory implements ImmediatePolicy {
  readonly statements = new Map<string, string>();
  /** Undefined until the first change is stored. */
  revisionId: string | undefined = undefined;
  byteLength = 0;

  constructor(readonly resourceArn: string) {}

  /** The record itself once a change is stored: it then has every member of a stored policy. */
  get stored(): StoredPolicy | undefined {
    return this.revisionId === undefined ? undefined : (this as StoredPolicy);
  }

  /** Refuses a change decided on a revision that is no longer the stored one. */
  #checkRevision(change: PolicyChange): void {
    if (this.revisionId !== change.expectedRevisionId) throw new StaleRevisionError(this.resourceArn);
  }

  addStatement(sid: string, statementJson: string, change: PolicyChange): void {
    this.#checkRevision(change);
    // The semantics check for duplicates first; a duplicate here means a caller skipped them,
    // and overwriting would corrupt the running size.
    if (this.statements.has(sid)) throw new Error(`statement ${sid} already stored for ${this.resourceArn}`);
    this.statements.set(sid, statementJson);
    this.revisionId = change.revisionId;
    this.byteLength = change.byteLength;
  }

  removeStatement(sid: string, change: PolicyChange): void {
    this.#checkRevision(change);
    if (!this.statements.delete(sid)) throw new Error(`statement ${sid} not stored for ${this.resourceArn}`);
    this.revisionId = change.revisionId;
    this.byteLength = change.byteLength;
  }
}

export class InMemoryPolicyStore implements OpenPolicyStore, ImmediatePolicyStore {
  readonly description = 'in memory';
  readonly #policies = new Map<string, PolicyInMemory>();

  policyNow(resourceArn: string): ImmediatePolicy {
    let policy = this.#policies.get(resourceArn);
    if (policy === undefined) this.#policies.set(resourceArn, (policy = new PolicyInMemory(resourceArn)));
    return policy;
  }

  async get(resourceArn: string): Promise<StoredPolicy | undefined> {
    return this.#policies.get(resourceArn)?.stored;
  }

  async addStatement(resourceArn: string, sid: string, statementJson: string, change: PolicyChange): Promise<void> {
    this.policyNow(resourceArn).addStatement(sid, statementJson, change);
  }

  async removeStatement(resourceArn: string, sid: string, change: PolicyChange): Promise<void> {
    this.policyNow(resourceArn).removeStatement(sid, change);
  }

  async close(): Promise<void> {}
}
