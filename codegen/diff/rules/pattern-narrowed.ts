import { defineRule } from '../context.js';
import { patternFinding } from './pattern-finding.js';
import { patternVerdict, valuePairs } from './value-sets.js';

export const patternNarrowed = defineRule({
  id: 'pattern-narrowed',
  level: 'breaking',
  title: 'Pattern narrowed',
  why: 'The new pattern rejects values the old one accepted, so calls that sent them now fail.',
  find: (ctx) =>
    valuePairs(ctx)
      .filter((pair) => patternVerdict(pair) === 'pattern-narrowed')
      .map((pair) => patternFinding(pair, ctx)),
});
