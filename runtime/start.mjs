/**
 * `npm start`: builds the server (runtime/build-server.mjs) into one module under
 * node_modules/.cache/permgen, then runs it in this process.
 *
 * Why not `node --import tsx runtime/main.ts`, as the other scripts run: measured with
 * `npm run bench -- --only server`, the same server answered AddPermission at 0.42 of a bare
 * node:http server's rate when tsx compiled it as it loaded and at 0.81 when built ahead like
 * this (CPU per request 96 → 71 µs). tsx keeps every function's name with a wrapper call each
 * time a closure is made, and the request path makes many. Building takes about 150 ms at start.
 *
 * Why the build runs in a worker thread: esbuild's JavaScript side, run in this thread, left
 * Node's own stream and `process.nextTick` code, which every request goes through, on V8's slow
 * paths (perf showed object literals defined through V8's runtime and objects migrated between
 * shapes, in `nextTick`, `Readable.resume` and `onwrite`). Paired runs under the server
 * benchmark's load (4 rounds, 2026-12-05): 41.5 µs of CPU per request when built in this thread,
 * 39.6 µs when built in a worker, the same as the built file run by itself. A worker has its own
 * V8 isolate, so what esbuild's side teaches V8 stays there; it adds about 50 ms to the start.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'node_modules', '.cache', 'permgen');
mkdirSync(folder, { recursive: true });
// One file per process: servers started at once (tests start several) never share one.
const outfile = join(folder, `server-${process.pid}.mjs`);

// Removed once loaded, and on any exit: the server may stop (or refuse its command line with
// process.exit) before the import below has even returned.
const remove = () => rmSync(outfile, { force: true });
process.once('exit', remove);
// A failed build ends with one line, no stack: after esbuild's own report of the source's errors,
// or with the reason esbuild could not run at all.
const failure = await new Promise((resolve) => {
  const builder = new Worker(new URL('./build-server.mjs', import.meta.url), { workerData: { outfile } });
  builder.once('error', resolve);
  builder.once('exit', (code) => resolve(code === 0 ? undefined : new Error(`the build stopped with exit code ${code}`)));
});
if (failure !== undefined) {
  const reported = Array.isArray(failure.errors) && failure.errors.length > 0;
  process.stderr.write(`npm start: the server could not be built from runtime/main.ts${reported ? ' (esbuild says why above)' : `: ${failure.message}`}.\n`);
  process.exit(1);
}
try {
  await import(pathToFileURL(outfile).href);
} finally {
  remove();
}
