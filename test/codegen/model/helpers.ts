// Building small model documents for the reader's table tests.

import { ModelError, type LoadedDocument } from '../../../codegen/model/document.js';
import { readOpenApi } from '../../../codegen/model/openapi/read.js';
import { printOperation, printShape } from '../../../codegen/model/print.js';
import type { ShapeModel } from '../../../codegen/model/shapes.js';

export interface Fragment {
  openapi?: string;
  schemas?: Record<string, unknown>;
  paths?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

export function documentOf({ openapi = '3.1.0', schemas = {}, paths = {}, extra = {} }: Fragment): LoadedDocument {
  return { source: { path: 'given.yaml', sha256: '' }, document: { openapi, info: { title: 'Given', version: '1' }, paths, components: { schemas }, ...extra } };
}

export const read = (fragment: Fragment): ShapeModel => readOpenApi(documentOf(fragment));

/** The printed shape `id` and, in id order, every shape whose id starts with `id$` (its inline parts). */
export function printedShapes(graph: ShapeModel, id: string): string {
  const ids = [...graph.shapes.keys()].filter((k) => k === id || k.startsWith(`${id}$`)).sort();
  return ids.flatMap((k) => printShape(graph.shapes.get(k)!)).join('\n');
}

export function printedOperation(graph: ShapeModel, name: string): string {
  return printOperation(graph.operations.find((o) => o.name === name)!).join('\n');
}

/** An operation `Op` at `POST /op` whose JSON request body is `schema`, answering 200. */
export function bodyOperation(schema: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '/op': {
      post: {
        operationId: 'Op',
        requestBody: { content: { 'application/json': { schema } } },
        responses: { '200': { description: 'OK' } },
        ...extra,
      },
    },
  };
}

/** The message of the ModelError `read` throws; any other outcome fails the test. */
export function modelErrorOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    return error.message;
  }
  throw new Error('expected a ModelError');
}
