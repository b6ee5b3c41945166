/**
 * Base types emitter: openapi-typescript's types for the merged model documents
 * (`paths`, `components`, `operations`), which the server stubs build their input types from.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import type { LoadedDocument } from '../model/read-openapi.js';
import type { GeneratedFile } from './typescript.js';

type Json = Record<string, any>;

/** One document holding every path and component of the given ones, in a stable order. */
export function mergeDocuments(documents: LoadedDocument[]): Json {
  const [first] = documents;
  const paths: Json = {};
  const schemas: Json = {};
  const securitySchemes: Json = {};
  for (const { document } of documents) {
    for (const [path, item] of Object.entries<Json>(document.paths ?? {})) paths[path] = { ...paths[path], ...item };
    Object.assign(schemas, document.components?.schemas);
    Object.assign(securitySchemes, document.components?.securitySchemes);
  }
  const sorted = (object: Json) => Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
  return {
    openapi: first.document.openapi,
    info: { title: first.document.info.title, version: first.document.info.version },
    paths: sorted(paths),
    components: { schemas: sorted(schemas), securitySchemes: sorted(securitySchemes) },
  };
}

export async function emitTypes(documents: LoadedDocument[], header: string): Promise<GeneratedFile> {
  const ast = await openapiTS(mergeDocuments(documents) as any, { silent: true });
  return { path: 'types.ts', content: `${header}\n${astToString(ast).trimEnd()}\n` };
}
