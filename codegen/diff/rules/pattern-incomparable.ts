import { defineRule } from '../context.js';
import { patternFinding } from './pattern-finding.js';
import { patternVerdict, valuePairs } from './value-sets.js';

export const patternIncomparable = defineRule({
  id: 'pattern-incomparable',
  level: 'breaking',
  title: 'Pattern changed incomparably',
  why: 'Each pattern accepts values the other rejects: some calls that worked now fail.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-incomparable')
      .map((pair) => patternFinding(pair, ctx)),
});
