/** `npm start`: the generated server with this runtime, until SIGINT or SIGTERM. */
import { CredentialsFileError, loadCredentialsFile, sigV4Authenticator, type Authenticator } from './auth.js';
import { CliError, parseCommandLine, USAGE, type CliCommand } from './cli.js';
import { formatLogLine } from './log.js';
import { defaultRegistry, loadRegistryFile, RegistryFileError, type FunctionRegistry } from './registry.js';
import { startServer } from './server.js';
import type { OpenPolicyStore } from './store.js';
import { openPolicyStore } from './store/open.js';
import { SchemaTooNewError } from './store/schema.js';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

// Log lines are written once per turn of the event loop rather than once per request: under load
// many responses finish in the same turn, and every write to a file or pipe is a system call
// (profiled: about a fifth of npm start's CPU per request when each line was written alone).
let pendingLog = '';
function flushLog(): void {
  const text = pendingLog;
  pendingLog = '';
  if (text !== '') process.stdout.write(text);
}
function logLine(line: string): void {
  if (pendingLog === '') setImmediate(flushLog);
  pendingLog += `${line}\n`;
}

async function main(): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliError) fail(`${error.message}\n\n${USAGE}`, 2);
    throw error;
  }
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }

  let registry: FunctionRegistry;
  try {
    registry = command.functionsFile
      ? loadRegistryFile(command.functionsFile, { region: command.region })
      : defaultRegistry({ region: command.region });
  } catch (error) {
    if (error instanceof RegistryFileError) fail(error.message, 1);
    throw error;
  }

  let store: OpenPolicyStore;
  try {
    store = await openPolicyStore(command.store);
  } catch (error) {
    // A schema newer than this code says what to do itself; anything else (a folder that cannot
    // be written, a database that does not answer) is named as the store's problem.
    fail(error instanceof SchemaTooNewError ? error.message : `Could not open the policy store: ${(error as Error).message}`, 1);
  }

  let authenticate: Authenticator | undefined;
  try {
    if (command.authFile) authenticate = sigV4Authenticator(loadCredentialsFile(command.authFile), registry.region);
  } catch (error) {
    if (error instanceof CredentialsFileError) fail(error.message, 1);
    throw error;
  }

  const server = await startServer({
    port: command.port,
    registry,
    store,
    limits: command.limits,
    authenticate,
    onResponse: (entry) => logLine(formatLogLine(entry)),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`Port ${command.port} is already in use; pick another with --port.`, 1);
    if (error.code === 'EACCES') fail(`Not allowed to listen on port ${command.port}; pick another with --port.`, 1);
    throw error;
  });

  const stop = (signal: string) => {
    flushLog();
    process.stdout.write(`${signal}: stopping\n`);
    server
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (error: Error) => fail(`Could not stop cleanly: ${error.message}`, 1),
      );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  // Printed only once the signal handlers are in place: whoever waits for this line may stop us at once.
  const functions = [...registry.functions.keys()].join(', ') || 'none';
  process.stdout.write(`Policies: ${store.description}\n`);
  process.stdout.write(`Lambda endpoint ${server.url} (region ${registry.region}, account ${registry.account}, functions: ${functions}${authenticate ? '; SigV4 signatures required' : ''})\n`);
}

main().catch((error: Error) => fail(`Failed to start: ${error.message}`, 1));
