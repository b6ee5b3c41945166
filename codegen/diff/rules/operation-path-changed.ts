import { defineRule } from '../context.js';

export const operationPathChanged = defineRule({
  id: 'operation-path-changed',
  find: (ctx) =>
    ctx
      .operationPairs()
      .filter((pair) => pair.old.path !== pair.new.path)
      .map((pair) => ({
        location: pair.new.pointer,
        side: 'new',
        operation: pair.id,
        message: `${pair.id} moved from ${pair.old.path} to ${pair.new.path}`,
        impact: { typescript: 'no type change; the regenerated client sends to the new path', bump: 'patch' },
      })),
});
