/** Whether a RevisionId a caller supplied lets a change go ahead. */
import type { PolicyTarget } from './resolve.js';
import type { StoredPolicy } from './store.js';

/** The policy if it exists; a stored policy whose statements were all removed does not. */
export const existingPolicy = (policy: StoredPolicy | undefined): StoredPolicy | undefined =>
  policy !== undefined && policy.statements.size > 0 ? policy : undefined;

/**
 * The current RevisionId of a policy's resource, if it has one: the policy's own while the
 * policy exists. Without a policy only an alias has one, the alias's RevisionId, which is the
 * last policy revision once the alias has had a policy (they are the same revision).
 */
export function currentRevisionId(target: PolicyTarget, policy: StoredPolicy | undefined): string | undefined {
  const existing = existingPolicy(policy);
  if (existing) return existing.revisionId;
  if (target.kind !== 'alias') return undefined;
  return policy?.revisionId ?? target.alias?.revisionId;
}

export function revisionAccepted(supplied: string | undefined, target: PolicyTarget, policy: StoredPolicy | undefined): boolean {
  if (supplied === undefined) return true;
  return supplied === currentRevisionId(target, policy);
}
