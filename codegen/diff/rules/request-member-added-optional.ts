import { defineRule } from '../context.js';
import { inputName, tsProperty } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { addedInputMembers } from './helpers/members.js';

export const requestMemberAddedOptional = defineRule({
  id: 'request-member-added-optional',
  find: (ctx) =>
    addedInputMembers(ctx)
      .filter(({ member }) => !member.required)
      .map(({ operation, member }) => ({
        location: member.pointer,
        member,
        side: 'new',
        operation: operation.id,
        message: `${operation.id}: new optional request member ${memberRef(member)}`,
        impact: { typescript: `new optional member \`${tsProperty(member)}\` on \`${inputName(operation.id)}\``, bump: 'minor' },
      })),
});
