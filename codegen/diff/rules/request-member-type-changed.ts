import { defineRule } from '../context.js';
import { inputName, tsType } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { typeKey } from './helpers/members.js';

export const requestMemberTypeChanged = defineRule({
  id: 'request-member-type-changed',
  find: (ctx) =>
    ctx
      .inputPairs()
      .filter((pair) => typeKey(pair.old) !== typeKey(pair.new))
      .map((pair) => ({
        location: pair.new.schemaPointer,
        member: pair.new,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: request member ${memberRef(pair.new)} changed type from ${typeKey(pair.old)} to ${typeKey(pair.new)}`,
        impact: { typescript: `\`${pair.new.name}\` on \`${inputName(pair.operation.id)}\` changes from \`${tsType(pair.old)}\` to \`${tsType(pair.new)}\``, bump: 'major' },
      })),
});
