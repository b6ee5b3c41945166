import { defineRule } from '../context.js';
import { CATALOG } from '../catalog.js';
import { memberRef } from './helpers/describe.js';
import { examplesOf, patternVerdict, shownPattern, valuePairs } from './helpers/value-sets.js';

export const artifactPatternQuantifier = defineRule({
  id: 'artifact-pattern-quantifier',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => pair.analysis.artifact?.kind === 'quantifier')
      .map((pair) => {
        const wouldBe = patternVerdict(pair, true)!;
        return {
          location: pair.new.schemaPointer,
          side: 'new' as const,
          operation: pair.operation.id,
          message: `${pair.operation.id}: pattern of ${memberRef(pair.new)} ${pair.analysis.artifact!.detail}: \`${shownPattern(pair.old)}\` → \`${shownPattern(pair.new)}\``,
          examples: examplesOf(pair.analysis.pattern),
          ifReal: { id: wouldBe, level: CATALOG[wouldBe].level },
          impact: { typescript: 'none until confirmed', bump: 'none' as const },
        };
      }),
});
