// permgen diff: compares two revisions of an API model, or a chain of them.
//
//   npm run diff -- OLD.yaml NEW.yaml [--format text|markdown|json] [--fail-on breaking|warning] [--ignore FILE]
//   npm run diff -- --chain DIR [same options]
//
// Exit codes: 0 nothing at or above the --fail-on threshold (or no threshold given), 1 findings at or
// above it, 2 the diff could not run (bad arguments, unreadable or invalid model or ignore file).

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { diffChain, type ChainResult } from './chain.js';
import { diffModels, type DiffResult } from './diff.js';
import { meetsThreshold, type Threshold } from './findings.js';
import { formatJson } from './format/json.js';
import { formatMarkdown } from './format/markdown.js';
import { formatText } from './format/text.js';
import { IgnoreFileError, readIgnore } from './ignore.js';
import { ModelError, readModel } from './load.js';
import { loadDocumentAs } from '../model/document.js';

const USAGE = 'usage: npm run diff -- OLD.yaml NEW.yaml | --chain DIR [--format text|markdown|json] [--fail-on breaking|warning] [--ignore FILE] [--with FILE]...';

const HELP = `${USAGE}

Compares two revisions of an API model (OpenAPI documents in the conventions of model/README.md), or
every consecutive pair of revisions in a folder, and says which change breaks whom.

  OLD.yaml NEW.yaml      the two revisions to compare
  --chain DIR            compare each revision in DIR with the one before it (file names sort chronologically)
  --format FORMAT        text (default, for a terminal), markdown (a pull-request comment) or json
                         (codegen/diff/diff-output.schema.json)
  --fail-on LEVEL        exit 1 when a finding is at LEVEL or above (breaking, or warning: warning and breaking),
                         and print those findings on stderr
  --ignore FILE          findings to leave out, one entry a line: RULE-ID [JSON-POINTER] [# reason]
                         (RULE-ID may be *; the pointer limits the entry to findings at or inside it;
                         an unknown rule id or a malformed line is an error, exit 2)
  --with FILE            a document generated together with each revision (e.g. model/companions.yaml);
                         repeatable. The TypeScript impact and the bump compare the client packages
                         generated from each revision with these, as npm run regen does
  -h, --help             this text

Each finding says what changed and why it matters, with values one revision accepts and the other
rejects (the shortest, and a realistic one), a sample value of the member that meets all of its new
constraints (or why none does), and what it does to the generated TypeScript client.

Levels: breaking (callers fail), warning (may fail), info (compatible), documentation (text only),
artifact (suspected damage of the documentation capture; never fails CI). The summary suggests the
semantic-version bump of the generated client and explains breaking findings a smaller bump allows.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 the diff could not run.

Examples:
  npm run diff -- model/revisions/2022.yaml model/revisions/2025.yaml
  npm run diff -- --chain model/revisions/ --with model/companions.yaml --format markdown
  npm run diff -- OLD.yaml NEW.yaml --fail-on breaking --format json > diff.json`;
const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson } as const;

class UsageError extends Error {}

interface Options {
  files: string[];
  chain?: string;
  format: keyof typeof FORMATS;
  failOn?: Threshold;
  ignore?: string;
  with: string[];
}

function parse(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        ignore: { type: 'string' },
        chain: { type: 'string' },
        with: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const format = values.format as string;
  if (!(format in FORMATS)) throw new UsageError(`unknown --format "${format}" (text, markdown or json)`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !['breaking', 'warning'].includes(failOn)) {
    throw new UsageError(`unknown --fail-on "${failOn}" (breaking or warning)`);
  }
  if (values.chain !== undefined && positionals.length > 0) throw new UsageError('give either --chain DIR or OLD and NEW, not both');
  if (values.chain === undefined && positionals.length !== 2) throw new UsageError(`expected OLD and NEW model files, got ${positionals.length} argument(s)`);
  return {
    files: positionals,
    chain: values.chain,
    format: format as keyof typeof FORMATS,
    failOn: failOn as Threshold | undefined,
    ignore: values.ignore,
    with: (values.with as string[] | undefined) ?? [],
  };
}

/** Runs the diff and returns the exit code; output goes to the given writers. */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const options = parse(argv);
    if (options === 'help') {
      out(HELP + '\n');
      return 0;
    }
    const ignore = options.ignore ? readIgnore(options.ignore) : [];
    const companions = options.with.map((file) => loadDocumentAs(file, file));
    const result: DiffResult | ChainResult = options.chain
      ? diffChain(options.chain, { ignore, companions })
      : diffModels(readModel(options.files[0]), readModel(options.files[1]), { ignore, companions });
    out(FORMATS[options.format](result));
    const findings = 'steps' in result ? result.steps.flatMap((s) => s.findings) : result.findings;
    const threshold = options.failOn;
    const tripped = threshold ? findings.filter((f) => meetsThreshold(f.level, threshold)) : [];
    if (tripped.length === 0) return 0;
    // Why the exit code is 1, on stderr so that the chosen format on stdout stays parseable.
    err(`permgen diff: --fail-on ${threshold}: ${tripped.length} finding${tripped.length > 1 ? 's' : ''} at or above ${threshold}:\n`
      + tripped.map((f) => `  ${f.level} [${f.id}] ${f.message}${f.introducedIn ? ` (introduced in ${f.introducedIn})` : ''}\n`).join(''));
    return 1;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`permgen diff: ${error.message}\n${USAGE}\n`);
    } else if (error instanceof ModelError || error instanceof IgnoreFileError) {
      err(`permgen diff: ${error.message}\n`);
    } else {
      // Not the user's fault: still one line, the stack only on request.
      err(`permgen diff: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      if (process.env.PERMGEN_DEBUG) err(String((error as Error)?.stack) + '\n');
    }
    return 2;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isMain) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
