import { defineRule } from '../context.js';
import { patternFinding } from './pattern-finding.js';
import { patternVerdict, valuePairs } from './value-sets.js';

export const patternWidened = defineRule({
  id: 'pattern-widened',
  level: 'info',
  title: 'Pattern widened',
  why: 'The new pattern accepts every value the old one did, and more; existing calls keep working.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-widened')
      .map((pair) => patternFinding(pair, ctx)),
});
