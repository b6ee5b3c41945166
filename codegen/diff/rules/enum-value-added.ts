import { defineRule } from '../context.js';
import { enumUnion, inputName, tsType } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { addedValues, quoteAll } from './helpers/enums.js';
import { valuePairs } from './helpers/value-sets.js';

export const enumValueAdded = defineRule({
  id: 'enum-value-added',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => addedValues(pair).length > 0)
      .map((pair) => ({
        location: `${pair.new.schemaPointer}/enum`,
        // The union type of the enum changes, not the member that has it.
        declares: { declaration: pair.new.tsType },
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} accepts new enum value(s) ${quoteAll(addedValues(pair))}`,
        impact: { typescript: `union widened on \`${inputName(pair.operation.id)}.${pair.name}\` (\`${tsType(pair.new)}\`): \`${enumUnion(pair.old)}\` → \`${enumUnion(pair.new)}\``, bump: 'minor' },
      })),
});
