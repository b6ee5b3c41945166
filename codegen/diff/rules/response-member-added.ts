import { defineRule, memberDeclaration } from '../context.js';
import { outputName, tsProperty } from '../impact.js';
import { outputMembers } from './helpers/members.js';
import { clientSymbols } from '../../model/symbols.js';

export const responseMemberAdded = defineRule({
  id: 'response-member-added',
  find: (ctx) =>
    outputMembers(ctx)
      .filter((pair) => pair.new && !pair.old)
      .map(({ operation, new: member }) => ({
        location: member!.pointer,
        declares: memberDeclaration(clientSymbols.response(operation.id), member!),
        side: 'new',
        operation: operation.id,
        message: `${operation.id}: new response member \`${member!.name}\``,
        impact: { typescript: `new optional member \`${tsProperty(member!, true)}\` on \`${outputName(operation.id)}\``, bump: 'minor' },
      })),
});
