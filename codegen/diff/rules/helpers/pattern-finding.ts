// The finding every pattern rule reports; the rules differ only in which verdict they report.

import type { DiffContext, Draft } from '../../context.js';
import { tsType } from '../../impact.js';
import { memberRef } from './describe.js';
import { examplesOf, patternVerdict, shownPattern, type ValuePair } from './value-sets.js';

const VERB: Record<string, string> = {
  'pattern-added': 'gained a pattern',
  'pattern-removed': 'lost its pattern',
  'pattern-widened': 'pattern widened',
  'pattern-narrowed': 'pattern narrowed',
  'pattern-equivalent': 'pattern rewritten, accepting the same values',
  'pattern-incomparable': 'pattern changed: each revision accepts values the other rejects',
  'pattern-undecidable': 'pattern changed in a way that cannot be decided',
};

export function patternFinding(pair: ValuePair, ctx: DiffContext): Draft {
  const verdict = patternVerdict(pair)!;
  const effect = pair.analysis.pattern!;
  const change = `\`${shownPattern(pair.old)}\` → \`${shownPattern(pair.new)}\``;
  const why =
    verdict === 'pattern-undecidable'
      ? `The pattern cannot be compared automatically: ${effect.comparison.reason}. Review it by hand.`
      : undefined;
  const rejects = verdict === 'pattern-narrowed' || verdict === 'pattern-added' || verdict === 'pattern-incomparable';
  return {
    location: pair.new.schemaPointer,
    member: pair.new,
    side: 'new',
    operation: pair.operation.id,
    message: `${pair.operation.id}: ${memberRef(pair.new)} ${VERB[verdict]}: ${change}`,
    why,
    examples: examplesOf(effect),
    impact: {
      typescript: rejects
        ? `no type change (\`${tsType(pair.new)}\`), new pattern in the doc comment; the service rejects values ${ctx.old.revision} accepted`
        : `no type change (\`${tsType(pair.new)}\`), new pattern in the doc comment`,
      bump: 'patch',
    },
  };
}
