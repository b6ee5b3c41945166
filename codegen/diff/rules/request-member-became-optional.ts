import { defineRule } from '../context.js';
import { inputName, tsProperty } from '../impact.js';
import { memberRef } from './helpers/describe.js';

export const requestMemberBecameOptional = defineRule({
  id: 'request-member-became-optional',
  find: (ctx) =>
    ctx
      .inputPairs()
      .filter((pair) => pair.old.required && !pair.new.required)
      .map((pair) => ({
        location: pair.new.pointer,
        member: pair.new,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: request member ${memberRef(pair.new)} is now optional`,
        impact: { typescript: `\`${tsProperty(pair.new, false)}\` becomes \`${tsProperty(pair.new, true)}\` on \`${inputName(pair.operation.id)}\``, bump: 'minor' },
      })),
});
