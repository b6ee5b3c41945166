import { defineRule } from '../context.js';
import { resolvePointer } from '../pointer.js';
import { collectKeys, labelOf } from './helpers/doc-texts.js';

export const constraintsCarriedOver = defineRule({
  id: 'constraints-carried-over',
  find: (ctx) => {
    const before = collectKeys(ctx.old, ['x-carried-over']);
    const after = collectKeys(ctx.new, ['x-carried-over']);
    const bySource = new Map<string, string[]>();
    const firstPointer = new Map<string, string>();
    for (const [key, entry] of after) {
      const from = String(entry.value);
      if (before.get(key) && String(before.get(key)!.value) === from) continue;
      if (!bySource.has(from)) {
        bySource.set(from, []);
        firstPointer.set(from, entry.pointer);
      }
      bySource.get(from)!.push(labelOf(ctx.new, entry.holder));
    }
    const summaryPointer = resolvePointer(ctx.new.document, '/info/x-revision/carriedOver') !== undefined ? '/info/x-revision/carriedOver' : undefined;
    return [...bySource].map(([from, where]) => ({
      location: summaryPointer ?? firstPointer.get(from)!,
      side: 'new' as const,
      message: `Constraints of ${where.length} node(s) carried over from revision ${from}: ${where.join(', ')}`,
      impact: { typescript: 'none', bump: 'none' as const },
    }));
  },
});
