/** The command line of `npm start`. */
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, type ServerLimits } from './limits.js';
import { DEFAULT_PORT } from './server.js';
import { DEFAULT_DATA_DIR, type StoreChoice } from './store/open.js';

export const USAGE = `Usage: npm start -- [options]

Serves AWS Lambda's AddPermission, GetPolicy and RemovePermission on http://127.0.0.1:PORT.

Options:
  --port PORT        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --functions FILE   functions to serve, as JSON:
                     {"region":"us-east-1","account":"123456789012",
                      "functions":[{"name":"my-function","versions":["1","2"],"aliases":{"PROD":"1"}}]}
                     (without it, exactly that example is served)
  --region REGION    serve this region instead of the file's
  --data DIR         keep policies in SQLite in DIR (default ${DEFAULT_DATA_DIR}, gitignored)
  --database-url URL keep policies in PostgreSQL (postgres://USER@HOST:PORT/DB), shared
                     by every server started with the same URL
  --memory           keep policies in memory only: forgotten when the server stops
  --auth FILE        require SigV4 signatures from the keys in FILE (format of ~/.aws/credentials);
                     off by default

Limits (a request over one is refused in the service's error format):
  --headers-timeout MS   time to send the request headers (default ${DEFAULT_LIMITS.headersTimeoutMs})
  --request-timeout MS   time to send a whole request (default ${DEFAULT_LIMITS.requestTimeoutMs})
  --idle-timeout MS      idle time of a kept-alive connection (default ${DEFAULT_LIMITS.idleTimeoutMs})
  --max-connections N    connections at once (default ${DEFAULT_LIMITS.maxConnections})
  --max-body BYTES       largest request body (default ${DEFAULT_LIMITS.maxBodyBytes})
  --max-unread BYTES     unread answers per connection before its requests wait (default ${DEFAULT_LIMITS.maxUnreadResponseBytes})
  -h, --help         show this help
`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'serve'; port: number; functionsFile?: string; region?: string; store: StoreChoice; authFile?: string; limits: Partial<ServerLimits> };

/** Each limit's flag. */
const LIMIT_FLAGS = {
  'headers-timeout': 'headersTimeoutMs',
  'request-timeout': 'requestTimeoutMs',
  'idle-timeout': 'idleTimeoutMs',
  'max-connections': 'maxConnections',
  'max-body': 'maxBodyBytes',
  'max-unread': 'maxUnreadResponseBytes',
} as const satisfies Record<string, keyof ServerLimits>;

/** A command line that cannot be run; the message says what to fix. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export function parseCommandLine(args: readonly string[]): CliCommand {
  let values: { port?: string; functions?: string; region?: string; data?: string; 'database-url'?: string; memory?: boolean; auth?: string; help?: boolean } & { [flag: string]: string | boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        functions: { type: 'string' },
        region: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        memory: { type: 'boolean' },
        auth: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(Object.keys(LIMIT_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
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
  const limits: Partial<ServerLimits> = {};
  for (const [flag, limit] of Object.entries(LIMIT_FLAGS)) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
      throw new CliError(`--${flag} must be a whole number of at least 1, got ${JSON.stringify(value)}`);
    }
    limits[limit] = Number(value);
  }
  return { kind: 'serve', port, functionsFile: values.functions, region: values.region, store: storeChoice(values), ...(values.auth === undefined ? {} : { authFile: values.auth }), limits };
}

function storeChoice(values: { data?: string; 'database-url'?: string; memory?: boolean }): StoreChoice {
  const given = [values.data !== undefined && '--data', values['database-url'] !== undefined && '--database-url', values.memory && '--memory'].filter(Boolean);
  if (given.length > 1) throw new CliError(`${given.join(' and ')} choose different stores; give one of them`);
  if (values.memory) return { kind: 'memory' };
  const url = values['database-url'];
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new CliError(`--database-url must be a postgres:// URL, got ${JSON.stringify(url)}`);
    return { kind: 'postgres', url };
  }
  if (values.data === '') throw new CliError('--data needs a folder');
  return { kind: 'sqlite', dataDir: values.data ?? DEFAULT_DATA_DIR };
}
