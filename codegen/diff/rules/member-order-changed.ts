import { defineRule } from '../context.js';

/** The members both orders list, in the order of `order`. */
function common(order: string[], other: string[]): string[] {
  return order.filter((name) => other.includes(name));
}

export const memberOrderChanged = defineRule({
  id: 'member-order-changed',
  find: (ctx) =>
    ctx.operationPairs().flatMap((pair) => {
      const before = common(pair.old.memberOrder, pair.new.memberOrder);
      const after = common(pair.new.memberOrder, pair.old.memberOrder);
      if (before.join(',') === after.join(',')) return [];
      return [
        {
          location: pair.new.memberOrderPointer,
          side: 'new' as const,
          operation: pair.id,
          message: `${pair.id}: member order changed from ${before.join(', ')} to ${after.join(', ')}`,
          impact: { typescript: 'members of the input interface are listed in the new order; no type change', bump: 'patch' as const },
        },
      ];
    }),
});
