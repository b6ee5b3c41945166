/**
 * ts-morph, loaded with `require`: it is CommonJS and brings its own 9 MB copy of TypeScript, and
 * imported as an ES module Node would first scan all of it for export names. (openapi-typescript,
 * the other heavy library, runs in the types emitter's worker thread: types/worker.mjs.)
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const tsMorph: typeof import('ts-morph') = require('ts-morph');
