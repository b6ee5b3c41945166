import { defineRule } from '../context.js';

export const operationMethodChanged = defineRule({
  id: 'operation-method-changed',
  find: (ctx) =>
    ctx
      .operationPairs()
      .filter((pair) => pair.old.method !== pair.new.method)
      .map((pair) => ({
        location: pair.new.pointer,
        side: 'new',
        operation: pair.id,
        message: `${pair.id} changed method from ${pair.old.method.toUpperCase()} to ${pair.new.method.toUpperCase()}`,
        impact: { typescript: 'no type change; the regenerated client uses the new method', bump: 'patch' },
      })),
});
