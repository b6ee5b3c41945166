import { defineRule } from '../context.js';
import { patternFinding } from './pattern-finding.js';
import { patternVerdict, valuePairs } from './value-sets.js';

export const patternRemoved = defineRule({
  id: 'pattern-removed',
  level: 'info',
  title: 'Pattern removed',
  why: 'The member accepts values its pattern used to reject; existing calls keep working.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-removed')
      .map((pair) => patternFinding(pair, ctx)),
});
