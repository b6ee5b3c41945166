import { defineRule } from '../context.js';
import { inputName, tsProperty } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { addedInputMembers } from './helpers/members.js';

export const requestMemberAddedRequired = defineRule({
  id: 'request-member-added-required',
  find: (ctx) =>
    addedInputMembers(ctx)
      .filter(({ member }) => member.required)
      .map(({ operation, member }) => ({
        location: member.pointer,
        member,
        side: 'new',
        operation: operation.id,
        message: `${operation.id}: new required request member ${memberRef(member)}`,
        impact: { typescript: `new required member \`${tsProperty(member)}\` on \`${inputName(operation.id)}\``, bump: 'major' },
      })),
});
