import { defineRule } from '../context.js';
import { commandName } from '../impact.js';
import { isThrown, listingChanges } from './helpers/errors.js';

export const errorRemoved = defineRule({
  id: 'error-removed',
  find: (ctx) =>
    listingChanges(ctx, 'removed').map(({ operation, name, pointer }) => {
      const classRemains = isThrown(ctx.new, name);
      return {
        location: pointer,
        declares: { declaration: name },
        side: 'old',
        operation,
        message: `${operation}: error ${name} is no longer listed`,
        impact: classRemains
          ? { typescript: `\`${commandName(operation)}\` no longer throws \`${name}\` (the class remains)`, bump: 'patch' as const }
          : { typescript: `exception class \`${name}\` removed`, bump: 'major' as const },
      };
    }),
});
