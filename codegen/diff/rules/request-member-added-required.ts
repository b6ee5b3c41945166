import { defineRule } from '../context.js';
import { inputName, tsProperty } from '../impact.js';
import { memberRef } from './describe.js';
import { addedInputMembers } from './members.js';

export const requestMemberAddedRequired = defineRule({
  id: 'request-member-added-required',
  level: 'breaking',
  title: 'Required request member added',
  why: 'Existing calls do not send the new member, so the service rejects them.',
  find: (ctx) =>
    addedInputMembers(ctx)
      .filter(({ member }) => member.required)
      .map(({ operation, member }) => ({
        location: member.pointer,
        side: 'new',
        operation: operation.id,
        message: `${operation.id}: new required request member ${memberRef(member)}`,
        impact: { typescript: `new required member \`${tsProperty(member)}\` on \`${inputName(operation.id)}\``, bump: 'major' },
      })),
});
