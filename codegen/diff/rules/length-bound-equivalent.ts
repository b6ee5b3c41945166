import { defineRule } from '../context.js';
import { lengthFindings } from './helpers/length-finding.js';

export const lengthBoundEquivalent = defineRule({
  id: 'length-bound-equivalent',
  find: (ctx) => lengthFindings(ctx, 'length-bound-equivalent'),
});
