import { defineRule } from '../context.js';
import { lengthFindings } from './helpers/length-finding.js';

export const lengthBoundAdded = defineRule({
  id: 'length-bound-added',
  find: (ctx) => lengthFindings(ctx, 'length-bound-added'),
});
