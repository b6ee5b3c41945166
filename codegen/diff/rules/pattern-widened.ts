import { defineRule } from '../context.js';
import { patternFinding } from './helpers/pattern-finding.js';
import { patternVerdict, valuePairs } from './helpers/value-sets.js';

export const patternWidened = defineRule({
  id: 'pattern-widened',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-widened')
      .map((pair) => patternFinding(pair, ctx)),
});
