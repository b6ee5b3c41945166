import { defineRule } from '../context.js';
import { inputName } from '../impact.js';
import { memberRef } from './describe.js';
import { removedInputMembers } from './members.js';

export const requestMemberRemoved = defineRule({
  id: 'request-member-removed',
  level: 'breaking',
  title: 'Request member removed',
  why: 'Callers that send the member have it rejected or silently ignored, and code that sets it no longer compiles.',
  find: (ctx) =>
    removedInputMembers(ctx).map(({ operation, member }) => ({
      location: member.pointer,
      side: 'old',
      operation: operation.id,
      message: `${operation.id}: request member ${memberRef(member)} was removed`,
      impact: { typescript: `member \`${member.name}\` removed from \`${inputName(operation.id)}\``, bump: 'major' },
    })),
});
