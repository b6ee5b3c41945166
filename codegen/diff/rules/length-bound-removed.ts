import { defineRule } from '../context.js';
import { lengthFindings } from './helpers/length-finding.js';

export const lengthBoundRemoved = defineRule({
  id: 'length-bound-removed',
  find: (ctx) => lengthFindings(ctx, 'length-bound-removed'),
});
