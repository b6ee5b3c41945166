// The base types emitter's worker: openapi-typescript in a thread of plain Node (no TypeScript
// loader hooks), so that it and its copy of TypeScript load while the main thread loads ts-morph.
// Plain JavaScript on purpose: this thread runs without tsx. Answers { id, text } or { id, error }.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
// The CommonJS build: `import` would make Node scan its 9 MB TypeScript for export names first.
const { default: openapiTS, astToString } = require('openapi-typescript');

parentPort.on('message', async ({ id, document }) => {
  try {
    const ast = await openapiTS(document, { silent: true });
    parentPort.postMessage({ id, text: astToString(ast) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
