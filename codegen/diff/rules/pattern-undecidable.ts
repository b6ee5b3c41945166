import { defineRule } from '../context.js';
import { patternFinding } from './helpers/pattern-finding.js';
import { patternVerdict, valuePairs } from './helpers/value-sets.js';

export const patternUndecidable = defineRule({
  id: 'pattern-undecidable',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-undecidable')
      .map((pair) => patternFinding(pair, ctx)),
});
