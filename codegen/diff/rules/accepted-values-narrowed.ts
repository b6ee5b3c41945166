import { defineRule } from '../context.js';
import { tsType } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { examplesOf, valuePairs } from './helpers/value-sets.js';

/**
 * The safety net of the value rules: the member's whole value set lost values, yet no single
 * keyword's change explains it (several constraints changed together, each harmless on its own).
 */
export const acceptedValuesNarrowed = defineRule({
  id: 'accepted-values-narrowed',
  find: (ctx) =>
    valuePairs(ctx)
      .filter(({ analysis }) => {
        const lost = (effect?: { comparison: { oldOnly?: string } }) => effect?.comparison.oldOnly !== undefined;
        if (!lost(analysis.total) || analysis.changed.enum || analysis.artifact) return false;
        return !lost(analysis.pattern) && !lost(analysis.minLength) && !lost(analysis.maxLength);
      })
      .map((pair) => ({
        location: pair.new.schemaPointer,
        member: pair.new,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${memberRef(pair.new)} accepts fewer values once its changed constraints are combined`,
        examples: examplesOf(pair.analysis.total)?.filter((e) => e.acceptedBy === 'old'),
        impact: { typescript: `no type change (\`${tsType(pair.new)}\`); the service rejects values ${ctx.old.revision} accepted`, bump: 'patch' },
      })),
});
