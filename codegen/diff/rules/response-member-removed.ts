import { defineRule, memberDeclaration } from '../context.js';
import { outputName } from '../impact.js';
import { outputMembers } from './helpers/members.js';
import { clientSymbols } from '../../model/symbols.js';

export const responseMemberRemoved = defineRule({
  id: 'response-member-removed',
  find: (ctx) =>
    outputMembers(ctx)
      .filter((pair) => pair.old && !pair.new)
      .map(({ operation, old: member }) => ({
        location: member!.pointer,
        declares: memberDeclaration(clientSymbols.response(operation.id), member!),
        side: 'old',
        operation: operation.id,
        message: `${operation.id}: response member \`${member!.name}\` was removed`,
        impact: { typescript: `member \`${member!.name}\` removed from \`${outputName(operation.id)}\``, bump: 'major' },
      })),
});
