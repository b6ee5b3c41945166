/** The command line of `npm start`. */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from './server.js';

export const USAGE = `Usage: npm start -- [options]

Serves AWS Lambda's AddPermission, GetPolicy and RemovePermission on http://127.0.0.1:PORT.

Options:
  --port PORT        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --functions FILE   functions to serve, as JSON:
                     {"region":"us-east-1","account":"123456789012",
                      "functions":[{"name":"my-function","versions":["1","2"],"aliases":{"PROD":"1"}}]}
                     (without it, exactly that example is served)
  --region REGION    serve this region instead of the file's
  -h, --help         show this help
`;

export type CliCommand = { kind: 'help' } | { kind: 'serve'; port: number; functionsFile?: string; region?: string };

/** A command line that cannot be run; the message says what to fix. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export function parseCommandLine(args: readonly string[]): CliCommand {
  let values: { port?: string; functions?: string; region?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        functions: { type: 'string' },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (values.help) return { kind: 'help' };

  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) {
      throw new CliError(`--port must be a number from 0 to 65535, got ${JSON.stringify(values.port)}`);
    }
    port = Number(values.port);
  }
  return { kind: 'serve', port, functionsFile: values.functions, region: values.region };
}
