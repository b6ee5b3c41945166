// Small models for the emitters' table tests: a fragment of a document, read into the emitters' view.

import type { ServiceModel } from '../../../codegen/model/ir.js';
import { buildModel } from '../../../codegen/model/read-openapi.js';
import { documentOf, type Fragment } from '../model/helpers.js';

export const HEADER = '// header\n';

export const view = (fragment: Fragment): ServiceModel => buildModel([documentOf(fragment)]);

/** One operation `PutThing` at `PUT /things/{Name}` with the given query/header parameters and JSON body properties. */
export function thingModel(options: { parameters?: unknown[]; properties?: Record<string, unknown>; required?: string[]; output?: Record<string, unknown>; errors?: Record<string, unknown> } = {}): Fragment {
  const errorNames = Object.keys(options.errors ?? {});
  const responses: Record<string, unknown> = {
    '200': { description: 'OK', ...(options.output && { content: { 'application/json': { schema: { type: 'object', properties: options.output } } } }) },
  };
  for (const [name, schema] of Object.entries(options.errors ?? {})) {
    responses[String((schema as { 'x-error': { status: number } })['x-error'].status)] = { description: name, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
  }
  return {
    schemas: { ...(options.errors ?? {}) },
    paths: {
      '/things/{Name}': {
        put: {
          operationId: 'PutThing',
          parameters: [{ name: 'Name', in: 'path', required: true, schema: { type: 'string' } }, ...(options.parameters ?? [])],
          ...(options.properties && { requestBody: { content: { 'application/json': { schema: { type: 'object', required: options.required ?? [], properties: options.properties } } } } }),
          responses,
          ...(errorNames.length > 0 && { 'x-errors': errorNames }),
        },
      },
    },
  };
}
