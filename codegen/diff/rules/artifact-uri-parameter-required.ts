import { defineRule, type MemberPair } from '../context.js';
import { RULE_LEVELS } from './levels.js';
import { memberRef } from './describe.js';

/** A query parameter that turns required: more often the capture's "Required: Yes" than the service. */
export function suspectedRequiredArtifact(pair: MemberPair): boolean {
  return !pair.old.required && pair.new.required && pair.old.location === 'query' && pair.new.location === 'query';
}

export const artifactUriParameterRequired = defineRule({
  id: 'artifact-uri-parameter-required',
  level: 'artifact',
  title: 'Suspected artifact: URI parameter suddenly required',
  why: 'Reference pages list path and query parameters together under "URI Request Parameters", and scrapers often carry the "Required: Yes" of the path labels over to the query parameters. A query parameter that becomes required is more likely such damage than a service change; confirm before treating it as breaking.',
  find: (ctx) =>
    ctx
      .inputPairs()
      .filter(suspectedRequiredArtifact)
      .map((pair) => ({
        location: pair.new.pointer,
        side: 'new' as const,
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} is suddenly marked required`,
        ifReal: { id: 'request-member-became-required', level: RULE_LEVELS['request-member-became-required'] },
        impact: { typescript: 'none until confirmed', bump: 'none' as const },
      })),
});
