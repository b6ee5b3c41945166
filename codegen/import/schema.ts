// Constraints in the conventions' schema keys.

import type { Constraints } from './types.js';

type Obj = Record<string, any>;

/** A constraint set as the conventions' schema keys, in the conventions' key order. */
export function schemaOf(c: Constraints): Obj {
  const s: Obj = {};
  if (c.ref) return { $ref: `#/components/schemas/${c.ref}` };
  if (c.type) s.type = c.type;
  if (c.format) s.format = c.format;
  if (c.items) s.items = schemaOf(c.items);
  if (c.additionalProperties) s.additionalProperties = schemaOf(c.additionalProperties);
  if (c.enum) s.enum = c.enum;
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const) {
    if (c[k] !== undefined) s[k] = c[k];
  }
  if (c.pattern !== undefined) s.pattern = c.pattern;
  if (c.documentedPattern !== undefined) s['x-documented-pattern'] = c.documentedPattern;
  if (c.default !== undefined) s.default = c.default;
  return s;
}
