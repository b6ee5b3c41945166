import { defineRule } from '../context.js';

export const successStatusChanged = defineRule({
  id: 'success-status-changed',
  find: (ctx) =>
    ctx
      .operationPairs()
      .filter((pair) => pair.old.successStatus !== pair.new.successStatus)
      .map((pair) => ({
        location: pair.new.successPointer ?? pair.new.pointer,
        side: 'new',
        operation: pair.id,
        message: `${pair.id} now succeeds with ${pair.new.successStatus ?? 'no 2xx status'} instead of ${pair.old.successStatus ?? 'no 2xx status'}`,
        impact: { typescript: 'no type change; the regenerated client expects the new status', bump: 'patch' },
      })),
});
