import { defineRule } from '../context.js';
import { lengthFindings } from './length-finding.js';

export const lengthBoundRelaxed = defineRule({
  id: 'length-bound-relaxed',
  level: 'info',
  title: 'Length bound relaxed',
  why: 'Longer or shorter values are now accepted; existing calls keep working.',
  find: (ctx) => lengthFindings(ctx, 'length-bound-relaxed'),
});
