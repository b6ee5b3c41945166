import { defineRule } from '../context.js';
import { child } from '../pointer.js';
import { sharedErrors } from './errors.js';

export const errorStatusChanged = defineRule({
  id: 'error-status-changed',
  level: 'breaking',
  title: 'Error status changed',
  why: 'Callers that branch on the HTTP status see this error under a different status.',
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
