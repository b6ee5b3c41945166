import { defineRule } from '../context.js';
import { lengthFindings } from './length-finding.js';

export const lengthBoundTightened = defineRule({
  id: 'length-bound-tightened',
  level: 'breaking',
  title: 'Length bound tightened',
  why: 'Values at the old edge of the range are now rejected.',
  find: (ctx) => lengthFindings(ctx, 'length-bound-tightened'),
});
