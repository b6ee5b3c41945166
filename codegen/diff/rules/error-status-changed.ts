import { defineRule } from '../context.js';
import { child } from '../pointer.js';
import { sharedErrors } from './helpers/errors.js';

export const errorStatusChanged = defineRule({
  id: 'error-status-changed',
  find: (ctx) =>
    sharedErrors(ctx)
      .filter((pair) => pair.old.status !== pair.new.status)
      .map((pair) => ({
        location: child(pair.new.pointer, 'x-error', 'status'),
        side: 'new',
        message: `Error ${pair.new.name} is now returned with status ${pair.new.status} instead of ${pair.old.status}`,
        impact: { typescript: `no type change; \`${pair.new.name}.$metadata.httpStatusCode\` becomes ${pair.new.status}`, bump: 'patch' },
      })),
});
