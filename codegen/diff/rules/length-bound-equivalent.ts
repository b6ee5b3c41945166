import { defineRule } from '../context.js';
import { lengthFindings } from './length-finding.js';

export const lengthBoundEquivalent = defineRule({
  id: 'length-bound-equivalent',
  level: 'info',
  title: 'Length bound changed, same values',
  why: 'The bound changed, but the pattern or enum already limits values to the same set: no value is accepted or rejected differently.',
  find: (ctx) => lengthFindings(ctx, 'length-bound-equivalent'),
});
