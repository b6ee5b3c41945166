/**
 * Model documents → the emitters' view, in one call: read each document into the shape graph
 * (openapi/read.ts), merge them (merge.ts), and take the generator's view (service.ts).
 */
import type { ServiceModel } from './ir.js';
import { loadDocument, type LoadedDocument } from './document.js';
import { mergeModels } from './merge.js';
import { readOpenApi } from './openapi/read.js';
import { serviceModel } from './service.js';
import type { ShapeModel } from './shapes.js';

export { ModelError, loadDocument, documentFromText, type LoadedDocument } from './document.js';

/** The shape graph of one or more documents already in memory. */
export function readShapes(documents: LoadedDocument[]): ShapeModel {
  return mergeModels(documents.map(readOpenApi));
}

/** Reads and merges documents; operations and errors are unioned, and must not contradict. */
export function readModel(paths: string[], cwd = process.cwd()): ServiceModel {
  return buildModel(paths.map((p) => loadDocument(p, cwd)));
}

export function buildModel(documents: LoadedDocument[]): ServiceModel {
  return serviceModel(readShapes(documents));
}
