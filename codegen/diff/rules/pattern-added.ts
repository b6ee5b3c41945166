import { defineRule } from '../context.js';
import { patternFinding } from './pattern-finding.js';
import { patternVerdict, valuePairs } from './value-sets.js';

export const patternAdded = defineRule({
  id: 'pattern-added',
  level: 'breaking',
  title: 'Pattern added',
  why: 'Values the member accepted without a pattern are now rejected.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-added')
      .map((pair) => patternFinding(pair, ctx)),
});
