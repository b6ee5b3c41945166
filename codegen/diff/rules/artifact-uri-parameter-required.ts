import { defineRule, type MemberPair } from '../context.js';
import { CATALOG } from '../catalog.js';
import { memberRef } from './helpers/describe.js';

/** A query parameter that turns required: more often the capture's "Required: Yes" than the service. */
export function suspectedRequiredArtifact(pair: MemberPair): boolean {
  return !pair.old.required && pair.new.required && pair.old.location === 'query' && pair.new.location === 'query';
}

export const artifactUriParameterRequired = defineRule({
  id: 'artifact-uri-parameter-required',
  find: (ctx) =>
    ctx
      .inputPairs()
      .filter(suspectedRequiredArtifact)
      .map((pair) => ({
        location: pair.new.pointer,
        side: 'new' as const,
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} is suddenly marked required`,
        ifReal: { id: 'request-member-became-required', level: CATALOG['request-member-became-required'].level },
        impact: { typescript: 'none until confirmed', bump: 'none' as const },
      })),
});
