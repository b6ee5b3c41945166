/** Child processes for the benchmarks: servers started and stopped, and the CPU time they use. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a server whose stdout goes to a file (as a user's `npm start > log` would), and waits
 * for the line that names its endpoint.
 */
export async function startServerProcess(command: string, args: string[], logFile: string, timeoutMs = 30_000): Promise<RunningProcess> {
  const out = openSync(logFile, 'w');
  // Its own process group, so that stopping it also stops what npm started.
  const child = spawn(command, args, { stdio: ['ignore', out, 'pipe'], detached: true, env: { ...process.env, NODE_ENV: 'production' } });
  closeSync(out);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /endpoint (http:\/\/127\.0\.0\.1:\d+)/.exec(readFileSync(logFile, 'utf8').slice(0, 4096));
    if (match) {
      const stop = () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          try {
            process.kill(-child.pid!, 'SIGTERM');
          } catch {
            resolve();
          }
        });
      return { child, url: match[1], stop };
    }
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`${command} ${args.join(' ')} did not print its endpoint within ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** CPU seconds (user + system) used so far by every process of a process group (Linux /proc). */
export function groupCpuSeconds(processGroup: number): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== processGroup) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}
