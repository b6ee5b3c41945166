import { defineRule } from '../context.js';
import { lengthFindings } from './helpers/length-finding.js';

export const lengthBoundRelaxed = defineRule({
  id: 'length-bound-relaxed',
  find: (ctx) => lengthFindings(ctx, 'length-bound-relaxed'),
});
