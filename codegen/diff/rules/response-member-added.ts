import { defineRule } from '../context.js';
import { outputName, tsProperty } from '../impact.js';
import { outputMembers } from './members.js';

export const responseMemberAdded = defineRule({
  id: 'response-member-added',
  level: 'info',
  title: 'Response member added',
  why: 'Responses carry a new member; existing callers ignore it.',
  find: (ctx) =>
    outputMembers(ctx)
      .filter((pair) => pair.new && !pair.old)
      .map(({ operation, new: member }) => ({
        location: member!.pointer,
        side: 'new',
        operation: operation.id,
        message: `${operation.id}: new response member \`${member!.name}\``,
        impact: { typescript: `new optional member \`${tsProperty(member!, true)}\` on \`${outputName(operation.id)}\``, bump: 'minor' },
      })),
});
