/**
 * `npm start`: builds the server (runtime/main.ts, the runtime and generated/server) with esbuild
 * into one module under node_modules/.cache/permgen, then runs it in this process.
 *
 * Why not `node --import tsx runtime/main.ts`, as the other scripts run: measured with
 * `npm run bench -- --only server`, the same server answered AddPermission at 0.42 of a bare
 * node:http server's rate when tsx compiled it as it loaded and at 0.81 when built ahead like
 * this (CPU per request 96 → 71 µs). tsx keeps every function's name with a wrapper call each
 * time a closure is made, and the request path makes many. Building takes about 100 ms at start.
 *
 * Each module keeps its own `import.meta.url` (the worker of the SQLite store is found beside
 * its source); npm packages stay imports, resolved from the project's node_modules.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'node_modules', '.cache', 'permgen');
mkdirSync(folder, { recursive: true });
// One file per process: servers started at once (tests start several) never share one.
const outfile = join(folder, `server-${process.pid}.mjs`);

const sourceUrls = {
  name: 'source-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

// Removed once loaded, and on any exit: the server may stop (or refuse its command line with
// process.exit) before the import below has even returned.
const remove = () => rmSync(outfile, { force: true });
process.once('exit', remove);
try {
  await build({
    entryPoints: [join(root, 'runtime', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [sourceUrls],
    logLevel: 'error',
  });
  await import(pathToFileURL(outfile).href);
} finally {
  remove();
}
