// npm run smithy -- json MODEL... [--out FILE.json]   Smithy IDL (files, folders) → JSON AST
// npm run smithy -- idl MODEL... --out DIR             a model (JSON AST or IDL) → IDL, one file per namespace
// Arguments and exit codes only: the work is done by load.ts and print.ts.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SmithyModelError } from './errors.js';
import { loadSmithyModel } from './load.js';
import { printIdl } from './print.js';

const USAGE = `usage:
  npm run smithy -- json MODEL... [--out FILE.json]   read Smithy IDL (.smithy files, folders; .json AST too) into one JSON AST
  npm run smithy -- idl MODEL... --out DIR             print a model as Smithy IDL, one NAMESPACE.smithy per namespace`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...paths] = positionals;
  if ((command !== 'json' && command !== 'idl') || !paths.length || (command === 'idl' && !values.out)) {
    console.error(USAGE);
    return 2;
  }
  const ast = loadSmithyModel(paths);
  if (command === 'json') {
    const text = `${JSON.stringify(ast, null, 4)}\n`;
    if (values.out) {
      writeFileSync(values.out, text);
      console.error(`wrote ${values.out} (${Object.keys(ast.shapes).length} shapes)`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  }
  const files = printIdl(ast);
  mkdirSync(values.out!, { recursive: true });
  for (const f of files) {
    const path = join(values.out!, `${f.namespace || 'metadata'}.smithy`);
    writeFileSync(path, f.text);
    console.error(`wrote ${path}`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // A model that cannot be read is one sentence with its position; anything else is a usage error.
  console.error(`smithy: ${(error as Error).message}`);
  process.exitCode = error instanceof SmithyModelError ? 1 : 2;
}
