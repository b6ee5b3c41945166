import { defineRule } from '../context.js';
import { tsProperty } from '../impact.js';
import { sharedErrors } from './helpers/errors.js';

export const errorMemberAdded = defineRule({
  id: 'error-member-added',
  find: (ctx) =>
    sharedErrors(ctx).flatMap((pair) =>
      [...pair.new.members.values()]
        .filter((m) => !pair.old.members.has(m.name))
        .map((member) => ({
          location: member.pointer,
          declares: { declaration: pair.new.name, member: member.name },
          side: 'new' as const,
          message: `Error ${pair.new.name} has a new member \`${member.name}\``,
          impact: { typescript: `new optional member \`${tsProperty(member, true)}\` on exception \`${pair.new.name}\``, bump: 'minor' as const },
        })),
    ),
});
