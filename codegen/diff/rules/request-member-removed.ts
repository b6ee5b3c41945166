import { defineRule, memberDeclaration } from '../context.js';
import { inputName } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { removedInputMembers } from './helpers/members.js';
import { clientSymbols } from '../../model/symbols.js';

export const requestMemberRemoved = defineRule({
  id: 'request-member-removed',
  find: (ctx) =>
    removedInputMembers(ctx).map(({ operation, member }) => ({
      location: member.pointer,
      declares: memberDeclaration(clientSymbols.request(operation.id), member),
      side: 'old',
      operation: operation.id,
      message: `${operation.id}: request member ${memberRef(member)} was removed`,
      impact: { typescript: `member \`${member.name}\` removed from \`${inputName(operation.id)}\``, bump: 'major' },
    })),
});
