// Levels of the rules an artifact can stand in for, so an artifact can say what it would be if real.

import type { Level } from '../findings.js';

export const RULE_LEVELS: Record<string, Level> = {
  'pattern-added': 'breaking',
  'pattern-removed': 'info',
  'pattern-widened': 'info',
  'pattern-narrowed': 'breaking',
  'pattern-equivalent': 'info',
  'pattern-incomparable': 'breaking',
  'pattern-undecidable': 'warning',
  'request-member-became-required': 'breaking',
  'documentation-changed': 'documentation',
};
