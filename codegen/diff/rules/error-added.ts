import { defineRule } from '../context.js';
import { commandName, serviceExceptionName } from '../impact.js';
import { isThrown, listingChanges } from './helpers/errors.js';

export const errorAdded = defineRule({
  id: 'error-added',
  find: (ctx) =>
    listingChanges(ctx, 'added').map(({ operation, name, pointer }) => {
      const status = ctx.new.errors.get(name)!.status;
      const newClass = !isThrown(ctx.old, name);
      return {
        location: pointer,
        declares: { declaration: name },
        side: 'new',
        operation,
        message: `${operation}: new error ${name} (${status})`,
        impact: newClass
          ? { typescript: `new exception class \`${name}\` extending \`${serviceExceptionName(ctx.new)}\``, bump: 'minor' as const }
          : { typescript: `\`${commandName(operation)}\` can now throw \`${name}\``, bump: 'patch' as const },
      };
    }),
});
