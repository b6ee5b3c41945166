import { defineRule } from '../context.js';
import { sharedErrors } from './errors.js';

export const errorMemberRemoved = defineRule({
  id: 'error-member-removed',
  level: 'breaking',
  title: 'Error member removed',
  why: 'Handlers that read the member get nothing, and code that reads it no longer compiles.',
  find: (ctx) =>
    sharedErrors(ctx).flatMap((pair) =>
      [...pair.old.members.values()]
        .filter((m) => !pair.new.members.has(m.name))
        .map((member) => ({
          location: member.pointer,
          side: 'old' as const,
          message: `Error ${pair.old.name} lost its member \`${member.name}\``,
          impact: { typescript: `member \`${member.name}\` removed from exception \`${pair.old.name}\``, bump: 'major' as const },
        })),
    ),
});
