import { defineRule } from '../context.js';
import { patternFinding } from './pattern-finding.js';
import { patternVerdict, valuePairs } from './value-sets.js';

export const patternUndecidable = defineRule({
  id: 'pattern-undecidable',
  level: 'warning',
  title: 'Pattern change undecidable',
  why: 'The pattern changed in a way the automaton library cannot compare; review it by hand.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-undecidable')
      .map((pair) => patternFinding(pair, ctx)),
});
