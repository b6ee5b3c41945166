import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { USAGE } from '../../runtime/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
}

function runMain(args: string[]): Run {
  // In memory unless a test names a store: runs must not meet each other's policies.
  const store = args.some((arg) => /^--(data|database-url|memory)\b/.test(arg)) ? [] : ['--memory'];
  const child = spawn(process.execPath, ['runtime/start.mjs', ...args, ...store], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout!.on('data', (chunk) => {
    out += chunk;
    waiters.forEach((wake) => wake());
  });
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = out.match(pattern);
        if (match) resolve(match);
      };
      waiters.push(check);
      check();
      void exited.then(() => reject(new Error(`exited before printing ${pattern}; stdout: ${out}; stderr: ${err}`)));
    });
  return { child, stdout: () => out, stderr: () => err, exited, waitFor };
}

describe('npm start (runtime/start.mjs building and running runtime/main.ts)', () => {
  it('prints the endpoint, logs one line per request and stops with exit code 0 on SIGTERM', async () => {
    const run = runMain(['--port', '0']);
    const [, url] = await run.waitFor(/^Lambda endpoint (http:\/\/127\.0\.0\.1:\d+) \(region us-east-1, account 123456789012, functions: my-function\)$/m);
    const reply = await fetch(`${url}/2015-03-31/functions/my-function%3APROD/policy`);
    expect(reply.status).toBe(404);
    await run.waitFor(/^GET \/2015-03-31\/functions\/my-function%3APROD\/policy 404 ResourceNotFoundException \d+\.\dms$/m);
    // What start.mjs built for this process was removed once loaded.
    expect(existsSync(join(ROOT, 'node_modules', '.cache', 'permgen', `server-${run.child.pid}.mjs`))).toBe(false);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
  });

  it('writes the log lines of requests answered just before a stop, before it stops', async () => {
    const run = runMain(['--port', '0']);
    const [, url] = await run.waitFor(/^Lambda endpoint (http:\/\/127\.0\.0\.1:\d+) /m);
    const replies = await Promise.all(['a', 'b', 'c'].map((fn) => fetch(`${url}/2015-03-31/functions/${fn}/policy`)));
    expect(replies.map((reply) => reply.status)).toEqual([404, 404, 404]);
    // Stopped at once: the lines are still waiting to be written together with others.
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const lines = run.stdout().split('\n');
    const stopping = lines.indexOf('SIGTERM: stopping');
    const logged = lines.filter((line) => /^GET \/2015-03-31\/functions\/[abc]\/policy 404 ResourceNotFoundException \d+\.\dms$/.test(line));
    expect(logged).toHaveLength(3);
    expect(logged.every((line) => lines.indexOf(line) < stopping)).toBe(true);
  });

  it('writes every line whole and once when the lines pending fill the log buffer', async () => {
    const run = runMain(['--port', '0']);
    const [, url] = await run.waitFor(/^Lambda endpoint (http:\/\/127\.0\.0\.1:\d+) /m);
    // Bursts of 20 lines of about 8 KB, each burst answered well within the 25 ms after which
    // pending lines are written: the 64 KB buffer fills in every burst.
    const padding = 'x'.repeat(8000);
    for (let burst = 0; burst < 4; burst++) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${url}/2015-03-31/functions/f${burst * 20 + i}/policy?n=${burst * 20 + i}-${padding}`)));
    }
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const lines = run.stdout().split('\n');
    for (let n = 0; n < 80; n++) {
      const logged = lines.filter((line) => line.startsWith(`GET /2015-03-31/functions/f${n}/policy?`));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(new RegExp(`^GET /2015-03-31/functions/f${n}/policy\\?n=${n}-x{8000} 404 ResourceNotFoundException \\d+\\.\\dms$`));
    }
  });

  it('stops with exit code 0 on SIGINT, and --region replaces the region', async () => {
    const run = runMain(['--port', '0', '--region', 'eu-west-1']);
    const [, url] = await run.waitFor(/^Lambda endpoint (\S+) \(region eu-west-1,/m);
    const added = await fetch(`${url}/2015-03-31/functions/my-function/policy`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ StatementId: 'a', Action: 'lambda:InvokeFunction', Principal: '223456789012' }),
    });
    expect(JSON.parse((await added.json()).Statement).Resource).toBe('arn:aws:lambda:eu-west-1:123456789012:function:my-function');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('serves the functions of a --functions file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'permgen-main-'));
    const file = join(dir, 'functions.json');
    writeFileSync(file, JSON.stringify({ region: 'ap-south-1', account: '111122223333', functions: [{ name: 'alpha' }, { name: 'beta', versions: ['1'] }] }));
    const run = runMain(['--port', '0', '--functions', file]);
    await run.waitFor(/^Lambda endpoint \S+ \(region ap-south-1, account 111122223333, functions: alpha, beta\)$/m);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('prints the help with --help', async () => {
    const run = runMain(['--help']);
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toBe(USAGE);
  });

  it('refuses a bad functions file with one clear line and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'permgen-main-'));
    const file = join(dir, 'functions.json');
    writeFileSync(file, JSON.stringify({ region: 'us-east-1', account: '123', functions: [] }));
    const run = runMain(['--functions', file]);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(`${file}: "account" must be a 12-digit account id as a string, got "123"\n`);
  });

  it('refuses a bad command line with exit code 2 and the usage', async () => {
    const run = runMain(['--port', 'eighty']);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toBe(`--port must be a number from 0 to 65535, got "eighty"\n\n${USAGE}\n`);
    // It stopped while start.mjs was still loading what it built, which is removed all the same.
    expect(existsSync(join(ROOT, 'node_modules', '.cache', 'permgen', `server-${run.child.pid}.mjs`))).toBe(false);
  });

  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = runMain(['--port', String(port)]);
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toBe(`Port ${port} is already in use; pick another with --port.\n`);
    } finally {
      blocker.close();
    }
  });
});
