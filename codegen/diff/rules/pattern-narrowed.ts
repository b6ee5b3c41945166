import { defineRule } from '../context.js';
import { patternFinding } from './helpers/pattern-finding.js';
import { patternVerdict, valuePairs } from './helpers/value-sets.js';

export const patternNarrowed = defineRule({
  id: 'pattern-narrowed',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-narrowed')
      .map((pair) => patternFinding(pair, ctx)),
});
