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

// Log lines are gathered and written together, LOG_FLUSH_MS after the first of them or as soon
// as they fill LOG_FLUSH_BYTES: each write to a file or pipe is a system call, and under load the
// writes cost more than the lines. Measured under the server benchmark's load (paired runs): one
// write per request took about a fifth of npm start's CPU; one write per event-loop turn still
// about 5% and a tenth of its throughput. Nobody reading the console sees 25 ms; lines still
// pending are written at exit.
//
// The lines are encoded into one buffer as they come, not joined into one string: a string
// joined line by line is a tree of a thousand pieces, which had to be flattened and encoded
// again at each write. In perf profiles under that load the log's whole cost was about 0.65 µs
// per request, a third of it the joining and the encoding (see also bench/RESULTS.md: every µs the
// server spends per request costs it more than a µs of throughput there).
const LOG_FLUSH_MS = 25;
const LOG_FLUSH_BYTES = 64 * 1024;
const logBuffer = Buffer.allocUnsafe(LOG_FLUSH_BYTES);
let logBytes = 0;
let flushTimer: NodeJS.Timeout | undefined;
function flushLog(): void {
  if (flushTimer !== undefined) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (logBytes === 0) return;
  // A copy: the stream may hold on to what it is given, and the buffer is refilled at once.
  process.stdout.write(Buffer.from(logBuffer.subarray(0, logBytes)));
  logBytes = 0;
}
function logLine(line: string): void {
  // UTF-8 takes at most three bytes per UTF-16 unit; one more for the newline.
  const most = line.length * 3 + 1;
  if (most > LOG_FLUSH_BYTES - logBytes) {
    flushLog();
    // A line longer than the buffer (a very long path or query) goes out on its own.
    if (most > LOG_FLUSH_BYTES) return void process.stdout.write(`${line}\n`);
  }
  logBytes += logBuffer.write(line, logBytes, 'utf8');
  logBuffer[logBytes++] = 0x0a;
  flushTimer ??= setTimeout(flushLog, LOG_FLUSH_MS);
}
// Writes to a file, a terminal or (on Linux) a pipe are synchronous, so lines still pending when
// the process ends for any reason (a signal, a fatal error) are written before it does.
process.on('exit', flushLog);

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
