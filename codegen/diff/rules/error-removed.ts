import { defineRule } from '../context.js';
import { commandName } from '../impact.js';
import { isThrown, listingChanges } from './errors.js';

export const errorRemoved = defineRule({
  id: 'error-removed',
  level: 'breaking',
  title: 'Error removed',
  why: 'Code that catches the error by class no longer compiles once its exception class is gone, and handlers for it go dead.',
  find: (ctx) =>
    listingChanges(ctx, 'removed').map(({ operation, name, pointer }) => {
      const classRemains = isThrown(ctx.new, name);
      return {
        location: pointer,
        side: 'old',
        operation,
        message: `${operation}: error ${name} is no longer listed`,
        impact: classRemains
          ? { typescript: `\`${commandName(operation)}\` no longer throws \`${name}\` (the class remains)`, bump: 'patch' as const }
          : { typescript: `exception class \`${name}\` removed`, bump: 'major' as const },
      };
    }),
});
