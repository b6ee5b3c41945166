import { defineRule } from '../context.js';
import { outputName } from '../impact.js';
import { outputMembers } from './members.js';

export const responseMemberRemoved = defineRule({
  id: 'response-member-removed',
  level: 'breaking',
  title: 'Response member removed',
  why: 'Callers that read the member get nothing, and code that reads it no longer compiles.',
  find: (ctx) =>
    outputMembers(ctx)
      .filter((pair) => pair.old && !pair.new)
      .map(({ operation, old: member }) => ({
        location: member!.pointer,
        side: 'old',
        operation: operation.id,
        message: `${operation.id}: response member \`${member!.name}\` was removed`,
        impact: { typescript: `member \`${member!.name}\` removed from \`${outputName(operation.id)}\``, bump: 'major' },
      })),
});
