import { defineRule } from '../context.js';
import { enumUnion, inputName, tsType } from '../impact.js';
import { memberRef } from './describe.js';
import { quoteAll, removedValues } from './enums.js';
import { valuePairs } from './value-sets.js';

export const enumValueRemoved = defineRule({
  id: 'enum-value-removed',
  level: 'breaking',
  title: 'Enum value removed',
  why: 'Calls that send the removed value are rejected, and code that uses the literal no longer compiles.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => removedValues(pair).length > 0)
      .map((pair) => ({
        location: `${pair.new.schemaPointer}/enum`,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} no longer accepts enum value(s) ${quoteAll(removedValues(pair))}`,
        examples: removedValues(pair).map((value) => ({ value, acceptedBy: 'old' as const, kind: 'sample' as const })),
        impact: { typescript: `union narrowed on \`${inputName(pair.operation.id)}.${pair.name}\` (\`${tsType(pair.new)}\`): \`${enumUnion(pair.old)}\` → \`${enumUnion(pair.new)}\``, bump: 'major' },
      })),
});
