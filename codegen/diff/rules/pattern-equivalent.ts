import { defineRule } from '../context.js';
import { patternFinding } from './helpers/pattern-finding.js';
import { patternVerdict, valuePairs } from './helpers/value-sets.js';

export const patternEquivalent = defineRule({
  id: 'pattern-equivalent',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-equivalent')
      .map((pair) => patternFinding(pair, ctx)),
});
