/** `npm start` (runtime/start.mjs) as a child process, for tests that kill or multiply it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code, or the signal's name. */
  exited: Promise<number | string | null>;
}

/** Starts the server with `args` and waits for its endpoint line. */
export function startServerProcess(args: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['runtime/start.mjs', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /^Lambda endpoint (http:\/\/127\.0\.0\.1:\d+)/m.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before printing its endpoint: ${output}`)));
  });
}

/** Runs the server to its end with `args` (for start-up refusals): exit code and everything printed. */
export async function runServerToEnd(args: string[]): Promise<{ code: number | string | null; output: string }> {
  const child = spawn(process.execPath, ['runtime/start.mjs', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | string | null>((resolve) => child.on('exit', (c, signal) => resolve(c ?? signal)));
  return { code, output };
}

export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}

/** The three operations over HTTP, as the wire protocol has them. */
export function lambdaOverHttp(url: string) {
  const path = (fn: string) => `${url}/2015-03-31/functions/${encodeURIComponent(fn)}/policy`;
  return {
    async add(fn: string, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, string> }> {
      const reply = await fetch(path(fn), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: reply.status, body: (await reply.json()) as Record<string, string> };
    },
    async get(fn: string): Promise<{ status: number; body: Record<string, string> }> {
      const reply = await fetch(path(fn));
      return { status: reply.status, body: (await reply.json()) as Record<string, string> };
    },
    async remove(fn: string, sid: string, revisionId?: string): Promise<{ status: number }> {
      const query = revisionId ? `?RevisionId=${encodeURIComponent(revisionId)}` : '';
      const reply = await fetch(`${path(fn)}/${encodeURIComponent(sid)}${query}`, { method: 'DELETE' });
      await reply.arrayBuffer();
      return { status: reply.status };
    },
  };
}
