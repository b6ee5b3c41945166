/**
 * `npm run generate [-- --model A.yaml [--model B.yaml]] [--out DIR] [--check]`
 * Without --model: the current revision (last of model/revisions/) plus model/companions.yaml.
 */
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

async function main(argv: string[]): Promise<number> {
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
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
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
      console.log(`${out}/ is up to date with ${modelPaths.join(' + ')} (${files.length} files, ${elapsed()})`);
      return 0;
    }
    console.error(`${out}/ is stale: regenerate with \`npm run generate\`.`);
    for (const d of differences) console.error(`  ${d.kind.padEnd(7)} ${out}/${d.path}`);
    return 1;
  }

  const written = writeOutput(out, files);
  for (const d of written) console.log(`${d.kind === 'extra' ? 'removed' : 'wrote  '} ${out}/${d.path}`);
  console.log(`generated ${files.length} files from ${modelPaths.join(' + ')} into ${out}/ (${written.length} changed, ${elapsed()})`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ModelError ? `model error: ${error.message}` : `generate failed: ${(error as Error).message}`);
    process.exit(2);
  },
);
