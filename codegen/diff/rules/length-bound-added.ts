import { defineRule } from '../context.js';
import { lengthFindings } from './length-finding.js';

export const lengthBoundAdded = defineRule({
  id: 'length-bound-added',
  level: 'breaking',
  title: 'Length bound added',
  why: 'A new length bound rejects values that were accepted before.',
  find: (ctx) => lengthFindings(ctx, 'length-bound-added'),
});
