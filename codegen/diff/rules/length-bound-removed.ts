import { defineRule } from '../context.js';
import { lengthFindings } from './length-finding.js';

export const lengthBoundRemoved = defineRule({
  id: 'length-bound-removed',
  level: 'info',
  title: 'Length bound removed',
  why: 'Values of any length the pattern allows are now accepted; existing calls keep working.',
  find: (ctx) => lengthFindings(ctx, 'length-bound-removed'),
});
