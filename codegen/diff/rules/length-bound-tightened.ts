import { defineRule } from '../context.js';
import { lengthFindings } from './helpers/length-finding.js';

export const lengthBoundTightened = defineRule({
  id: 'length-bound-tightened',
  find: (ctx) => lengthFindings(ctx, 'length-bound-tightened'),
});
