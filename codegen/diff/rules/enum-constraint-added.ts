import { defineRule } from '../context.js';
import { inputName, tsTypeWithValues } from '../impact.js';
import { memberRef } from './describe.js';
import { quoteAll, stringValues } from './enums.js';
import { examplesOf, valuePairs } from './value-sets.js';

export const enumConstraintAdded = defineRule({
  id: 'enum-constraint-added',
  level: 'breaking',
  title: 'Enum added to a free string',
  why: 'Only the listed values are accepted now; calls with any other value fail, and the type narrows to a union.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => pair.old.enum === undefined && pair.new.enum !== undefined)
      .map((pair) => ({
        location: `${pair.new.schemaPointer}/enum`,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} is now limited to ${quoteAll(stringValues(pair.new) ?? [])}`,
        examples: examplesOf(pair.analysis.total)?.filter((e) => e.acceptedBy === 'old'),
        impact: { typescript: `\`${inputName(pair.operation.id)}.${pair.name}\` narrows from ${tsTypeWithValues(pair.old)} to ${tsTypeWithValues(pair.new)}`, bump: 'major' },
      })),
});
