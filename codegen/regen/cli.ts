/** `npm run regen -- SOURCE [--name NAME] [--root DIR] [--operation NAME ...]`: arguments and exit codes only. */
import { parseArgs } from 'node:util';
import { PageRefused } from '../import/index.js';
import { regen, RegenRefused } from './regen.js';

const USAGE = `usage: npm run regen -- SOURCE [--name NAME] [--root DIR] [--operation NAME ...]
  SOURCE          a reference page (Markdown, text scraped from HTML, boto3 rST) or a Smithy JSON model
  --name NAME     the new revision's file name in model/revisions/ (default: the current year)
  --root DIR      the project folder holding model/ and generated/ (default: .)
  --operation N   operations to take from a Smithy model (default: those of the current revision)`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        root: { type: 'string', default: '.' },
        operation: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  try {
    await regen({
      source: parsed.positionals[0],
      name: parsed.values.name,
      root: parsed.values.root!,
      operations: parsed.values.operation,
      log: (line) => console.log(line),
    });
    return 0;
  } catch (error) {
    if (error instanceof PageRefused) {
      console.error(`regen refused: ${error.message} Nothing was written.`);
      return 2;
    }
    console.error(`regen refused: ${(error as Error).message}`);
    return error instanceof RegenRefused ? 1 : 2;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
