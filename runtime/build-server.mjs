/**
 * Builds the server (runtime/main.ts, the runtime and generated/server) with esbuild into the
 * file named by `workerData.outfile`. Run by runtime/start.mjs in a worker thread: see there why.
 *
 * Each module keeps its own `import.meta.url` (the worker of the SQLite store is found beside
 * its source); npm packages stay imports, resolved from the project's node_modules.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const sourceUrls = {
  name: 'source-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

await build({
  entryPoints: [join(root, 'runtime', 'main.ts')],
  outfile: workerData.outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [sourceUrls],
  logLevel: 'error',
});
