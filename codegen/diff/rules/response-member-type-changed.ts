import { defineRule, memberDeclaration } from '../context.js';
import { outputName, tsType } from '../impact.js';
import { outputMembers, typeKey } from './helpers/members.js';
import { clientSymbols } from '../../model/symbols.js';

export const responseMemberTypeChanged = defineRule({
  id: 'response-member-type-changed',
  find: (ctx) =>
    outputMembers(ctx)
      .filter((pair) => pair.old && pair.new && typeKey(pair.old) !== typeKey(pair.new))
      .map(({ operation, old, new: member }) => ({
        location: member!.schemaPointer,
        declares: memberDeclaration(clientSymbols.response(operation.id), member!),
        side: 'new',
        operation: operation.id,
        message: `${operation.id}: response member \`${member!.name}\` changed type from ${typeKey(old!)} to ${typeKey(member!)}`,
        impact: { typescript: `\`${outputName(operation.id)}.${member!.name}\` changes from \`${tsType(old!)}\` to \`${tsType(member!)}\``, bump: 'major' },
      })),
});
