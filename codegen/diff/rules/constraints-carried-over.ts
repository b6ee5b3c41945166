import { defineRule } from '../context.js';
import { resolvePointer } from '../pointer.js';
import { collectKeys, labelOf } from './doc-texts.js';

export const constraintsCarriedOver = defineRule({
  id: 'constraints-carried-over',
  level: 'documentation',
  title: 'Constraints carried over from an earlier revision',
  why: 'The new revision does not restate these constraints; they were copied from an earlier revision (`x-carried-over`), so they are as trustworthy as that revision, not newly confirmed.',
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
