import { formattingOnlyDifference } from '../artifacts.js';
import { defineRule } from '../context.js';
import { collectKeys, labelOf, nodeKeys } from './helpers/doc-texts.js';

const TEXT_KEYS = ['description', 'summary'];

export const documentationChanged = defineRule({
  id: 'documentation-changed',
  find: (ctx) => {
    const before = collectKeys(ctx.old, TEXT_KEYS);
    const after = collectKeys(ctx.new, TEXT_KEYS);
    // Texts of nodes that exist on one side only belong to the finding that reports the node.
    const oldNodes = nodeKeys(ctx.old);
    const newNodes = nodeKeys(ctx.new);
    const keys = [...new Set([...before.keys(), ...after.keys()])];
    return keys.flatMap((key) => {
      const holder = key.slice(0, key.lastIndexOf('/'));
      if (!oldNodes.has(holder) || !newNodes.has(holder)) return [];
      const a = before.get(key);
      const b = after.get(key);
      const oldText = typeof a?.value === 'string' ? a.value : undefined;
      const newText = typeof b?.value === 'string' ? b.value : undefined;
      if (oldText === newText || (oldText !== undefined && newText !== undefined && formattingOnlyDifference(oldText, newText))) return [];
      const field = key.slice(key.lastIndexOf('/') + 1);
      const where = b ? labelOf(ctx.new, b.holder) : labelOf(ctx.old, a!.holder);
      const what = oldText === undefined ? 'added' : newText === undefined ? 'removed' : 'changed';
      return [
        {
          location: (b ?? a)!.pointer,
          side: b ? ('new' as const) : ('old' as const),
          message: `${field} of ${where} ${what}`,
          ...(oldText !== undefined ? { before: oldText } : {}),
          ...(newText !== undefined ? { after: newText } : {}),
          impact: { typescript: 'documentation comments in the generated code change', bump: 'patch' as const },
        },
      ];
    });
  },
});
