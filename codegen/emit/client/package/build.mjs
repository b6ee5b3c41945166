/**
 * Builds the package's dist/ from src/ with the TypeScript compiler, twice:
 * - ES modules: `.js` with `.d.ts`, as tsconfig.json says;
 * - CommonJS: `.cjs` with `.d.cts`. The compiler writes those for `.cts` sources only, so the
 *   sources are copied as `.cts` into a scratch folder first, their relative imports pointed at
 *   `.cjs` files. Each format then has declarations of its own, which TypeScript needs to type a
 *   `require` and an `import` of the package correctly.
 *
 *   node build.mjs
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const scratch = join(root, '.build-cjs');

function fail(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}

function compile(fileNames, options) {
  const program = ts.createProgram(fileNames, options);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  if (diagnostics.length) fail(diagnostics);
}

const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
if (parsed.errors.length) fail(parsed.errors);
const sourceRoot = parsed.options.rootDir;

rmSync(dist, { recursive: true, force: true });
rmSync(scratch, { recursive: true, force: true });
compile(parsed.fileNames, parsed.options);

// Relative specifiers only: package imports stay as they are and resolve to the CommonJS builds of the dependencies.
const relativeJs = /((?:from|import)\s*\(?\s*['"])(\.\.?\/[^'"]+)\.js(['"])/g;
const copies = parsed.fileNames.map((file) => {
  const copy = join(scratch, relative(sourceRoot, file)).replace(/\.ts$/, '.cts');
  mkdirSync(dirname(copy), { recursive: true });
  writeFileSync(copy, readFileSync(file, 'utf8').replace(relativeJs, '$1$2.cjs$3'));
  return copy;
});
try {
  compile(copies, { ...parsed.options, rootDir: scratch });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
