/**
 * Base types emitter: openapi-typescript's types for the merged model documents
 * (`paths`, `components`, `operations`), which the server stubs build their input types from.
 */
import { Worker } from 'node:worker_threads';
import type { LoadedDocument } from '../../model/read-openapi.js';
import type { GeneratedFile } from '../typescript.js';

type Json = Record<string, any>;

/** One document holding every path and component of the given ones, in a stable order. */
export function mergeDocuments(documents: LoadedDocument[]): Json {
  const [first] = documents;
  const paths: Json = {};
  // Every kind of component: a path may refer to shared parameters, bodies or responses too.
  const components: Record<string, Json> = {};
  for (const { document } of documents) {
    for (const [path, item] of Object.entries<Json>(document.paths ?? {})) paths[path] = { ...paths[path], ...item };
    for (const [kind, entries] of Object.entries<Json>(document.components ?? {})) components[kind] = { ...components[kind], ...entries };
  }
  const sorted = (object: Json) => Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
  return {
    openapi: first.document.openapi,
    info: { title: first.document.info.title, version: first.document.info.version },
    paths: sorted(paths),
    components: Object.fromEntries(Object.keys(components).sort().map((kind) => [kind, sorted(components[kind])])),
  };
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

/**
 * Starts openapi-typescript in a worker thread (once per process). The CLI calls this before it
 * loads the other emitters, so that both libraries load at the same time on two cores.
 */
export function startTypesWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./worker.mjs', import.meta.url), { execArgv: [] });
  started.on('message', ({ id, text, error }: { id: number; text?: string; error?: string }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) started.unref();
    if (error !== undefined) waiting?.reject(new Error(`openapi-typescript: ${error}`));
    else waiting?.resolve(text!);
  });
  started.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker = undefined;
  });
  // An idle worker must not keep the process alive.
  started.unref();
  return (worker = started);
}

function openapiTypescript(document: Json): Promise<string> {
  const thread = startTypesWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, document });
  });
}

export async function emitTypes(documents: LoadedDocument[], header: string): Promise<GeneratedFile> {
  const text = await openapiTypescript(mergeDocuments(documents));
  return { path: 'types.ts', content: `${header}\n${text.trimEnd()}\n` };
}
