// Constraints in the conventions' schema keys.

import type { Constraints } from './types.js';

type Obj = Record<string, any>;

/** A constraint set as the conventions' schema keys, in the conventions' key order. */
export function schemaOf(c: Constraints): Obj {
  // Beside a `$ref` only what is said of this use of the shape (OpenAPI 3.1 allows siblings).
  if (c.ref) return { $ref: `#/components/schemas/${c.ref}`, ...memberKeys(c) };
  const s: Obj = {};
  if (c.type) s.type = c.type;
  if (c.format) s.format = c.format;
  if (c.items) s.items = schemaOf(c.items);
  if (c.propertyNames) s.propertyNames = schemaOf(c.propertyNames);
  if (c.additionalProperties) s.additionalProperties = schemaOf(c.additionalProperties);
  if (c.enum) s.enum = c.enum;
  if (c.internalEnum) s['x-enum-internal'] = c.internalEnum;
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const) {
    if (c[k] !== undefined) s[k] = c[k];
  }
  if (c.uniqueItems) s.uniqueItems = true;
  if (c.pattern !== undefined) s.pattern = c.pattern;
  if (c.documentedPattern !== undefined) s['x-documented-pattern'] = c.documentedPattern;
  if (c.contentMediaType !== undefined) s.contentMediaType = c.contentMediaType;
  if (c.default !== undefined) s.default = c.default;
  if (c.sparse) s['x-sparse'] = true;
  return { ...s, ...memberKeys(c) };
}

/** What a member says of itself, whatever its target: its JSON key, an idempotency token. */
function memberKeys(c: Constraints): Obj {
  const s: Obj = {};
  if (c.jsonName !== undefined) s['x-json-name'] = c.jsonName;
  if (c.idempotencyToken) s['x-idempotency-token'] = true;
  if (c.clientOptional) s['x-client-optional'] = true;
  if (c.hostLabel) s['x-host-label'] = true;
  if (c.eventPayload) s['x-event-payload'] = true;
  if (c.eventHeader) s['x-event-header'] = true;
  return s;
}
