import { defineRule } from '../context.js';
import { patternFinding } from './helpers/pattern-finding.js';
import { patternVerdict, valuePairs } from './helpers/value-sets.js';

export const patternIncomparable = defineRule({
  id: 'pattern-incomparable',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-incomparable')
      .map((pair) => patternFinding(pair, ctx)),
});
