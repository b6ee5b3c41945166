// The findings every length rule reports; the rules differ only in which verdict they report.

import type { DiffContext, Draft } from '../../context.js';
import { tsType } from '../../impact.js';
import { child } from '../../pointer.js';
import { lengthText, memberRef } from './describe.js';
import { examplesOf, lengthVerdict, valuePairs, type Bound, type LengthVerdict } from './value-sets.js';

const WHAT: Record<LengthVerdict, string> = {
  'length-bound-added': 'added',
  'length-bound-removed': 'removed',
  'length-bound-tightened': 'tightened',
  'length-bound-relaxed': 'relaxed',
  'length-bound-equivalent': 'changed without changing the accepted values',
};

export function lengthFindings(ctx: DiffContext, verdict: LengthVerdict): Draft[] {
  const drafts: Draft[] = [];
  for (const pair of valuePairs(ctx)) {
    for (const bound of ['minLength', 'maxLength'] as Bound[]) {
      if (lengthVerdict(pair, bound) !== verdict) continue;
      const side = pair.new[bound] === undefined ? 'old' : 'new';
      const pointerOf = side === 'new' ? pair.new.schemaPointer : pair.old.schemaPointer;
      const narrows = verdict === 'length-bound-added' || verdict === 'length-bound-tightened';
      drafts.push({
        location: child(pointerOf, bound),
        member: pair.new,
        side,
        operation: pair.operation.id,
        message: `${pair.operation.id}: ${bound} of ${memberRef(pair.new)} ${WHAT[verdict]}: ${lengthText(pair.old[bound])} → ${lengthText(pair.new[bound])}`,
        examples: examplesOf(pair.analysis[bound]),
        impact: {
          typescript: narrows
            ? `no type change (\`${tsType(pair.new)}\`), new length in the doc comment; the service rejects values ${ctx.old.revision} accepted`
            : `no type change (\`${tsType(pair.new)}\`), new length in the doc comment`,
          bump: 'patch',
        },
      });
    }
  }
  return drafts;
}
