/**
 * What a Node bundle of the client program is made of, and why: bytes per package in each chunk
 * of the code-split bundle comparison 3 measures (bench/client.ts), and every CommonJS `require`
 * of an `@smithy/core` entry point with the packages that make it. esbuild keeps a module that is
 * `require`d whole (it cannot tell which exports a `require` uses), so those entry points arrive
 * whole in any chunk that needs one of their exports. Run after `npm run bench -- --only client`
 * (it reads that run's program and installed package):
 *
 *   npx tsx bench/bundle-composition.ts
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

const CACHE = resolve('bench/.cache/client');
const PROGRAM = join(CACHE, 'program-generated.mjs');

/** A node_modules path as `package` (or `@smithy/core/<submodule>`), anything else as it is. */
function owner(path: string): string {
  const inModules = path.replace(/^.*node_modules\//, '');
  if (inModules === path) return path;
  const parts = inModules.split('/');
  const name = parts[0]!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const submodule = /dist-(?:es|cjs)\/submodules\/([^/]+)/.exec(inModules);
  return name === '@smithy/core' && submodule ? `${name}/${submodule[1]} (${inModules.includes('dist-cjs') ? 'cjs' : 'es'})` : name;
}

async function main(): Promise<void> {
  if (!existsSync(PROGRAM)) throw new Error(`${PROGRAM} is missing: run \`npm run bench -- --only client\` first`);
  const { metafile } = await build({
    entryPoints: [PROGRAM], bundle: true, minify: true, format: 'esm', platform: 'node', target: 'es2022',
    splitting: true, outdir: join(CACHE, 'composition'), write: false, metafile: true, logLevel: 'silent',
  });
  printChunks(metafile);
  printRequires(metafile);
}

function printChunks(metafile: Metafile): void {
  console.log('chunk\tbytes\tlargest parts (bytes by package)');
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const byOwner = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + bytesInOutput);
    const largest = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, bytes]) => `${name} ${bytes}`);
    console.log(`${file.replace(/^.*\//, '')}\t${output.bytes}\t${largest.join(', ')}`);
  }
}

function printRequires(metafile: Metafile): void {
  const requirers = new Map<string, Set<string>>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const edge of input.imports) {
      if (edge.kind !== 'require-call' || !/@smithy\/core\//.test(edge.path)) continue;
      const target = owner(edge.path);
      requirers.set(target, (requirers.get(target) ?? new Set()).add(owner(file)));
    }
  }
  console.log('\n@smithy/core entry point kept whole\trequired by');
  for (const [target, from] of [...requirers].sort()) console.log(`${target}\t${[...from].sort().join(', ')}`);
}

await main();
