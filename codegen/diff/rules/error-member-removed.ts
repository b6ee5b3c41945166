import { defineRule } from '../context.js';
import { sharedErrors } from './helpers/errors.js';

export const errorMemberRemoved = defineRule({
  id: 'error-member-removed',
  find: (ctx) =>
    sharedErrors(ctx).flatMap((pair) =>
      [...pair.old.members.values()]
        .filter((m) => !pair.new.members.has(m.name))
        .map((member) => ({
          location: member.pointer,
          declares: { declaration: pair.old.name, member: member.name },
          side: 'old' as const,
          message: `Error ${pair.old.name} lost its member \`${member.name}\``,
          impact: { typescript: `member \`${member.name}\` removed from exception \`${pair.old.name}\``, bump: 'major' as const },
        })),
    ),
});
