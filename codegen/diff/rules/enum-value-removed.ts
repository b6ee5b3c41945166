import { defineRule } from '../context.js';
import { enumUnion, inputName, tsType } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { quoteAll, removedValues } from './helpers/enums.js';
import { valuePairs } from './helpers/value-sets.js';

export const enumValueRemoved = defineRule({
  id: 'enum-value-removed',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => removedValues(pair).length > 0)
      .map((pair) => ({
        location: `${pair.new.schemaPointer}/enum`,
        // The union type of the enum changes, not the member that has it.
        declares: { declaration: pair.new.tsType },
        member: pair.new,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} no longer accepts enum value(s) ${quoteAll(removedValues(pair))}`,
        examples: removedValues(pair).map((value) => ({ value, acceptedBy: 'old' as const, kind: 'sample' as const })),
        impact: { typescript: `union narrowed on \`${inputName(pair.operation.id)}.${pair.name}\` (\`${tsType(pair.new)}\`): \`${enumUnion(pair.old)}\` → \`${enumUnion(pair.new)}\``, bump: 'major' },
      })),
});
