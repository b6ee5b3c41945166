import { defineRule } from '../context.js';
import { inputName, tsTypeWithValues } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { quoteAll, stringValues } from './helpers/enums.js';
import { examplesOf, valuePairs } from './helpers/value-sets.js';

export const enumConstraintAdded = defineRule({
  id: 'enum-constraint-added',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => pair.old.enum === undefined && pair.new.enum !== undefined)
      .map((pair) => ({
        location: `${pair.new.schemaPointer}/enum`,
        member: pair.new,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} is now limited to ${quoteAll(stringValues(pair.new) ?? [])}`,
        examples: examplesOf(pair.analysis.total)?.filter((e) => e.acceptedBy === 'old'),
        impact: { typescript: `\`${inputName(pair.operation.id)}.${pair.name}\` narrows from ${tsTypeWithValues(pair.old)} to ${tsTypeWithValues(pair.new)}`, bump: 'major' },
      })),
});
