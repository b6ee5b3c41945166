import { defineRule } from '../context.js';
import { patternFinding } from './helpers/pattern-finding.js';
import { patternVerdict, valuePairs } from './helpers/value-sets.js';

export const patternAdded = defineRule({
  id: 'pattern-added',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-added')
      .map((pair) => patternFinding(pair, ctx)),
});
