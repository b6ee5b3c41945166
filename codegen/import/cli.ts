// npm run import -- doc PAGE --out FILE [--base REV.yaml] [--evidence PAGE]... [--smithy MODEL.json]
//                          [--name NAME] [--era TEXT] [--operation NAME]
// npm run import -- smithy MODEL... [--operation NAME]... [--service NAME] --out FILE
//                          (no --operation: every operation of the service, its resources' too)
//                          (MODEL: a JSON AST file, or Smithy IDL: .smithy files and folders)
//                          [--base REV.yaml] [--name NAME] [--era TEXT]
// Arguments only: the work is done by importDoc and importSmithy.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readBase } from './base.js';
import { importDoc } from './doc/import-doc.js';
import { SmithyModelError } from '../smithy/errors.js';
import { PageRefused } from './doc/recognise.js';
import { importSmithy, readSourceText } from './smithy.js';
import type { ImportResult } from './types.js';

const USAGE = `usage:
  npm run import -- doc PAGE --out FILE.yaml [--base PREVIOUS.yaml] [--evidence OTHER_PAGE]... [--smithy MODEL.json] [--name NAME] [--era TEXT] [--operation NAME]
  npm run import -- smithy MODEL... [--operation NAME]... [--service NAME] --out FILE.yaml [--base REVISION.yaml] [--name NAME] [--era TEXT]
  (a Smithy MODEL is a JSON AST file, or Smithy IDL: .smithy files and folders, together one model;
   without --operation, every operation of the service, --service naming it when the model has several)`;

interface Args { command?: string; input?: string; inputs: string[]; out?: string; base?: string; evidence: string[]; smithy?: string; operations: string[]; service?: string; name?: string; era?: string }

function parseArguments(argv: string[]): Args {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      base: { type: 'string' },
      evidence: { type: 'string', multiple: true },
      smithy: { type: 'string' },
      operation: { type: 'string', multiple: true },
      service: { type: 'string' },
      name: { type: 'string' },
      era: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  // Several model paths form one Smithy model; every other command takes one input.
  if (positionals.length > 2 && positionals[0] !== 'smithy') throw new Error(`unexpected argument ${positionals[2]}`);
  const [command, input] = positionals;
  return {
    command, input, inputs: positionals.slice(1), out: values.out, base: values.base, evidence: values.evidence ?? [], smithy: values.smithy,
    operations: values.operation ?? [], service: values.service, name: values.name, era: values.era,
  };
}

function report(result: ImportResult, out: string): void {
  const r = result.revision;
  console.log(`wrote ${out}`);
  for (const [title, list] of [['repaired', r.repairs], ['carried over', r.carriedOver], ['from the service\'s behaviour', r.fromServiceBehavior], ['notes', r.notes]] as const) {
    if (list.length) console.log(`${title}:\n${list.map((x) => `  - ${x}`).join('\n')}`);
  }
  if (result.undetermined.length) {
    console.log(`undetermined (${result.undetermined.length}; listed in info.x-revision.x-undetermined):`);
    for (const u of result.undetermined) console.log(`  - ${u.subject}: ${u.fact}: ${u.reason}${u.assumed !== undefined ? ` [written: ${u.assumed}]` : ''}`);
  } else {
    console.log('undetermined: nothing');
  }
}

function main(): void {
  const args = parseArguments(process.argv.slice(2));
  if (!args.command || !args.input || !args.out) throw new Error('missing arguments');
  const name = args.name ?? basename(args.out).replace(/\.ya?ml$/, '');
  const base = args.base ? readBase(readFileSync(args.base, 'utf8'), args.base) : undefined;
  let result: ImportResult;
  if (args.command === 'doc') {
    result = importDoc(readFileSync(args.input, 'utf8'), {
      file: args.input, name, era: args.era, base,
      evidence: args.evidence.map((f) => ({ text: readFileSync(f, 'utf8'), file: f })),
      smithy: args.smithy ? { model: readSourceText(args.smithy), file: args.smithy } : undefined,
      operation: args.operations[0],
    });
  } else if (args.command === 'smithy') {
    result = importSmithy(readSourceText(...args.inputs), args.operations, { file: args.inputs.join(' + '), name, era: args.era, base, service: args.service });
  } else {
    throw new Error(`unknown command ${args.command}`);
  }
  // Re-importing what a document already says leaves it untouched (and its modification time too).
  if (existsSync(args.out) && readFileSync(args.out, 'utf8') === result.yaml) {
    console.log(`${args.out} already holds this import: nothing written`);
    return;
  }
  writeFileSync(args.out, result.yaml);
  report(result, args.out);
}

try {
  main();
} catch (e) {
  // A page that is not a reference page, or a model that cannot be read, is one sentence (with its
  // position for a model); the usage would only hide it: the arguments were fine.
  if (e instanceof PageRefused) console.error(`import refused: ${e.message} Nothing was written.`);
  else if (e instanceof SmithyModelError) console.error(`import: ${e.message}`);
  else console.error(`import: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
