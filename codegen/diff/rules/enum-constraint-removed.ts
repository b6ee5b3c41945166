import { defineRule } from '../context.js';
import { inputName, tsTypeWithValues } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { valuePairs } from './helpers/value-sets.js';

export const enumConstraintRemoved = defineRule({
  id: 'enum-constraint-removed',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => pair.old.enum !== undefined && pair.new.enum === undefined)
      .map((pair) => ({
        location: pair.old.schemaPointer + '/enum',
        member: pair.new,
        side: 'old',
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} is no longer limited to an enum`,
        impact: { typescript: `\`${inputName(pair.operation.id)}.${pair.name}\` widens from ${tsTypeWithValues(pair.old)} to ${tsTypeWithValues(pair.new)}`, bump: 'minor' },
      })),
});
