import { formattingOnlyDifference } from '../artifacts.js';
import { defineRule, type Draft } from '../context.js';
import { CATALOG } from '../catalog.js';
import { memberRef } from './helpers/describe.js';
import { collectKeys, labelOf } from './helpers/doc-texts.js';
import { examplesOf, patternVerdict, shownPattern, valuePairs } from './helpers/value-sets.js';

export const artifactStrayEscaping = defineRule({
  id: 'artifact-stray-escaping',
  find: (ctx) => {
    const drafts: Draft[] = [];
    for (const pair of valuePairs(ctx)) {
      if (pair.analysis.artifact?.kind !== 'escape') continue;
      const wouldBe = patternVerdict(pair, true)!;
      drafts.push({
        location: pair.new.schemaPointer,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: pattern of ${memberRef(pair.new)} ${pair.analysis.artifact.detail}: \`${shownPattern(pair.old)}\` → \`${shownPattern(pair.new)}\``,
        examples: examplesOf(pair.analysis.pattern),
        ifReal: { id: wouldBe, level: CATALOG[wouldBe].level },
        impact: { typescript: 'none until confirmed', bump: 'none' },
      });
    }
    const before = collectKeys(ctx.old, ['description', 'summary']);
    for (const [key, entry] of collectKeys(ctx.new, ['description', 'summary'])) {
      const old = before.get(key);
      if (typeof old?.value !== 'string' || typeof entry.value !== 'string' || !formattingOnlyDifference(old.value, entry.value)) continue;
      drafts.push({
        location: entry.pointer,
        side: 'new',
        message: `${key.slice(key.lastIndexOf('/') + 1)} of ${labelOf(ctx.new, entry.holder)} differs only by escaping, backticks or spacing`,
        before: old.value,
        after: entry.value,
        ifReal: { id: 'documentation-changed', level: CATALOG['documentation-changed'].level },
        impact: { typescript: 'none', bump: 'none' },
      });
    }
    return drafts;
  },
});
