/**
 * `npm run generate [-- --model A.yaml [--model B.yaml]] [--out DIR] [--check]`
 * Without --model: the current revision (last of model/revisions/) plus model/companions.yaml.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startTypesWorker } from './emit/types/index.js';
import { currentModelPaths } from './model/current.js';
import { ModelError } from './model/read-openapi.js';
import { compareOutput, writeOutput } from './output.js';

const USAGE = `usage: npm run generate -- [--model FILE ...] [--out DIR] [--check]
  --model FILE  an OpenAPI document (repeat to merge several); default: the last file of
                model/revisions/ and model/companions.yaml
  --out DIR     output folder (default: generated)
  --check       write nothing; exit 1 and name the files that differ from what the model produces`;

/** Where the command's lines go: standard output and standard error of the process, or a test's buffers. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const processOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs the command and returns its exit code; a model the generator refuses is one line on `err` and 2. */
export async function runGenerate(argv: string[], io: Output = processOutput): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    io.err(error instanceof ModelError ? `model error: ${error.message}` : `generate failed: ${(error as Error).message}`);
    return 2;
  }
}

async function main(argv: string[], io: Output): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        model: { type: 'string', multiple: true },
        out: { type: 'string', default: 'generated' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const started = performance.now();
  const modelPaths = args.model?.length ? args.model : currentModelPaths();
  // openapi-typescript loads in its worker while this thread loads the other emitters.
  startTypesWorker();
  const { generate } = await import('./generate.js');
  const { files } = await generate(modelPaths);
  const out = args.out!;
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;

  if (args.check) {
    const differences = compareOutput(out, files);
    if (differences.length === 0) {
      io.out(`${out}/ is up to date with ${modelPaths.join(' + ')} (${files.length} files, ${elapsed()})`);
      return 0;
    }
    io.err(`${out}/ is stale: regenerate with \`npm run generate\`.`);
    for (const d of differences) io.err(`  ${d.kind.padEnd(7)} ${out}/${d.path}`);
    return 1;
  }

  const written = writeOutput(out, files);
  for (const d of written) io.out(`${d.kind === 'extra' ? 'removed' : 'wrote  '} ${out}/${d.path}`);
  io.out(`generated ${files.length} files from ${modelPaths.join(' + ')} into ${out}/ (${written.length} changed, ${elapsed()})`);
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isMain) runGenerate(process.argv.slice(2)).then((code) => process.exit(code));
