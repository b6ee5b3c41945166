/** `npm run regen -- SOURCE [options]`: arguments and exit codes only. */
import { parseArgs } from 'node:util';
import { PageRefused } from '../import/index.js';
import { regen, RegenRefused } from './regen.js';

const USAGE = `usage: npm run regen -- SOURCE [--name NAME] [--evidence PAGE]... [--smithy MODEL] [--operation NAME]...
                         [--accept-runtime-changes] [--root DIR]

Imports a revised reference page (or AWS's Smithy model) against the current revision, prints the
diff, and writes model/revisions/NAME.yaml with the client version bumped, the page kept in
model/sources/, and generated/ regenerated. Nothing is written when the page is no reference page
(exit 2), or when a required fact is undetermined or the runtime depends on what the page removes (exit 1).

  SOURCE                    a reference page (Markdown, text scraped from HTML, boto3 rST) or a Smithy model
                            (JSON AST, or IDL: a .smithy file or a folder of them)
  --name NAME               the new revision's file name in model/revisions/ (default: the current year); must sort last
  --evidence PAGE           another capture of the same revision, to repair the page's damage (repeatable)
  --smithy MODEL            AWS's Smithy model (JSON AST or IDL) as evidence for a page (patterns, names, member order); not copied
  --operation NAME          operations to take from a Smithy model (default: those of the current revision)
  --accept-runtime-changes  write the revision even though the runtime raises an error it no longer declares
  --root DIR                the project folder holding model/ and generated/ (default: .)
  -h, --help                this text`;

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
        evidence: { type: 'string', multiple: true },
        smithy: { type: 'string' },
        'accept-runtime-changes': { type: 'boolean', default: false },
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
      evidence: parsed.values.evidence,
      smithy: parsed.values.smithy,
      acceptRuntimeChanges: parsed.values['accept-runtime-changes'],
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
