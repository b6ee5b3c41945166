import { defineRule } from '../context.js';
import { RULE_LEVELS } from './levels.js';
import { memberRef } from './describe.js';
import { examplesOf, patternVerdict, shownPattern, valuePairs } from './value-sets.js';

export const artifactPatternQuantifier = defineRule({
  id: 'artifact-pattern-quantifier',
  level: 'artifact',
  title: 'Suspected artifact: pattern lost or gained quantifiers',
  why: 'The pattern differs from the other revision only by `+`, `*` or `?` characters. Documentation scrapers are known to drop such characters from regular expressions, and an API rarely changes a pattern by exactly that much; confirm against another capture before treating it as real.',
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
          ifReal: { id: wouldBe, level: RULE_LEVELS[wouldBe] },
          impact: { typescript: 'none until confirmed', bump: 'none' as const },
        };
      }),
});
