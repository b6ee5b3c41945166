import { defineRule } from '../context.js';
import { patternFinding } from './pattern-finding.js';
import { patternVerdict, valuePairs } from './value-sets.js';

export const patternEquivalent = defineRule({
  id: 'pattern-equivalent',
  level: 'info',
  title: 'Pattern rewritten, same values',
  why: 'The pattern text changed but, with the length bounds and enum applied, it accepts exactly the same values.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-equivalent')
      .map((pair) => patternFinding(pair, ctx)),
});
