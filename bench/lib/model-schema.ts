/**
 * A JSON Schema of one operation's input, derived from the OpenAPI model the generator reads:
 * path and query parameters and the JSON body's members as one object, as the generated
 * validator sees them. This is what a user of Ajv would compile from the same model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Json = Record<string, any>;

export interface InputSchema {
  type: 'object';
  properties: Record<string, Json>;
  required: string[];
}

/** The revision `npm run generate` reads: the last of model/revisions/ (2025.yaml when this was written). */
export const CURRENT_MODEL = `model/revisions/${readdirSync('model/revisions').filter((f) => /\.ya?ml$/.test(f)).sort().at(-1)}`;

/** Only the JSON Schema keywords a validator acts on; documentation and x- extensions are dropped. */
const KEYWORDS = ['type', 'minLength', 'maxLength', 'pattern', 'enum'];

function constraintsOf(schema: Json): Json {
  return Object.fromEntries(KEYWORDS.filter((k) => schema[k] !== undefined).map((k) => [k, schema[k]]));
}

function resolve(document: Json, node: Json): Json {
  if (typeof node.$ref !== 'string') return node;
  return node.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: Json, key: string) => at[key], document);
}

export function operationInputSchema(operationId: string, modelPath = CURRENT_MODEL): InputSchema {
  const document: Json = parse(readFileSync(modelPath, 'utf8'));
  for (const item of Object.values<Json>(document.paths ?? {})) {
    for (const operation of Object.values<Json>(item)) {
      if (operation?.operationId !== operationId) continue;
      const properties: Record<string, Json> = {};
      const required: string[] = [];
      const order: string[] = operation['x-member-order'] ?? [];
      for (const parameter of operation.parameters ?? []) {
        const p = resolve(document, parameter);
        if (p.in !== 'path' && p.in !== 'query') continue;
        properties[p.name] = constraintsOf(resolve(document, p.schema));
        if (p.required) required.push(p.name);
      }
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      if (bodySchema) {
        const body = resolve(document, bodySchema);
        for (const [name, member] of Object.entries<Json>(body.properties ?? {})) properties[name] = constraintsOf(resolve(document, member));
        required.push(...(body.required ?? []));
      }
      // The service's member order, so that all-errors validators report in the same order.
      const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
      const sorted = Object.fromEntries(Object.keys(properties).sort((a, b) => rank(a) - rank(b)).map((k) => [k, properties[k]]));
      return { type: 'object', properties: sorted, required: required.sort((a, b) => rank(a) - rank(b)) };
    }
  }
  throw new Error(`${modelPath} has no operation ${operationId}`);
}
