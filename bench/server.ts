/**
 * Comparison 2: `npm start`'s AddPermission against a bare `node:http` server that only parses
 * the same JSON and answers 201. Both run as their own processes and are loaded by autocannon
 * with the same duration and concurrency, in alternating runs.
 *
 *   npx tsx bench/server.ts [--quick]
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONNECTIONS, FUNCTION_COUNT, functionsFile, loadAddPermission as load } from './lib/add-permission-load.js';
import { freePort, groupCpuSeconds, startServerProcess, type RunningProcess } from './lib/processes.js';
import { main, versionOf, type Section } from './lib/report.js';
import { formatNumber, formatSummary, pairedRatio, summarise } from './lib/stats.js';

const CACHE = 'bench/.cache';

type ServerKind = 'bare' | 'adapter' | 'generated' | 'permgen';

interface Run {
  server: ServerKind;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU time the server's processes used per request during the measured run (user + system). */
  cpuMicrosecondsPerRequest: number;
}

/**
 * The bare and layer servers built as `npm start` builds itself (runtime/start.mjs: esbuild, npm
 * packages left as imports), so that every server runs compiled the same way: run through tsx,
 * the generated layers paid for tsx's wrappers around named functions, which `npm start` does not.
 */
async function buildServers(): Promise<void> {
  await build({
    entryPoints: { 'bare-server': 'bench/lib/bare-server.ts', 'layer-server': 'bench/lib/layer-server.ts' },
    outdir: CACHE,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
}

async function start(server: ServerKind, functions: string): Promise<RunningProcess> {
  const port = await freePort();
  const log = join(CACHE, `${server}-server.log`);
  if (server === 'permgen') return startServerProcess('npm', ['start', '--silent', '--', '--port', String(port), '--functions', functions, '--memory'], log);
  if (server === 'bare') return startServerProcess(process.execPath, [join(CACHE, 'bare-server.mjs'), String(port)], log);
  return startServerProcess(process.execPath, [join(CACHE, 'layer-server.mjs'), server, String(port)], log);
}

const SERVERS: ServerKind[] = ['bare', 'adapter', 'generated', 'permgen'];

async function run({ quick }: { quick: boolean }): Promise<Section> {
  const functions = functionsFile();
  const pairs = quick ? 2 : 4;
  const seconds = quick ? 4 : 10;
  const warmup = quick ? 1 : 2;
  const runs: Run[] = [];
  await buildServers();
  for (let pair = 0; pair < pairs; pair++) {
    // Rotate which server goes first, so that none always runs on a warmer or busier machine.
    const order = SERVERS.map((_, i) => SERVERS[(i + pair) % SERVERS.length]);
    for (const server of order) {
      const process = await start(server, functions);
      try {
        await load(process.url, warmup, `w${pair}`);
        const cpuBefore = groupCpuSeconds(process.child.pid!);
        const result = await load(process.url, seconds, `r${pair}`);
        const cpu = groupCpuSeconds(process.child.pid!) - cpuBefore;
        runs.push({
          cpuMicrosecondsPerRequest: (cpu * 1e6) / result.requests.total,
          server,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      } finally {
        await process.stop();
      }
    }
  }
  const failed = runs.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failed.length > 0) {
    // Request lines only (the start-up line lists every function), and only those that were not 201.
    const log = readFileSync(join(CACHE, 'permgen-server.log'), 'utf8').split('\n').filter((l) => /^[A-Z]+ \//.test(l) && !/ 201 /.test(l)).slice(0, 5);
    throw new Error(`some requests failed: ${JSON.stringify(failed)}\n${log.join('\n')}`);
  }

  const of = (server: ServerKind, key: 'requestsPerSecond' | 'p50' | 'p99' | 'cpuMicrosecondsPerRequest') => runs.filter((r) => r.server === server).map((r) => r[key]);
  const cpuOf = (server: ServerKind) => summarise(of(server, 'cpuMicrosecondsPerRequest')).median;
  const throughput = pairedRatio(of('permgen', 'requestsPerSecond'), of('bare', 'requestsPerSecond'));
  const p99 = summarise(of('permgen', 'p99'));
  const row = (server: ServerKind, label: string) => [
    label,
    formatSummary(summarise(of(server, 'requestsPerSecond'))),
    `${formatNumber(summarise(of(server, 'p50')).median)} ms`,
    `${formatNumber(summarise(of(server, 'p99')).median)} ms (max ${formatNumber(summarise(of(server, 'p99')).max)})`,
    `${formatNumber(summarise(of(server, 'cpuMicrosecondsPerRequest')).median)} µs`,
  ];
  return {
    id: 'server',
    title: "2. Server: npm start's AddPermission vs a bare node:http server",
    command: `npx tsx bench/server.ts${quick ? ' --quick' : ''}`,
    versions: { node: process.versions.node, autocannon: versionOf('autocannon') },
    method:
      `Each server runs as its own process on 127.0.0.1 (\`npm start -- --port P --functions F --memory\` with ${FUNCTION_COUNT} functions, its one log line per request going to a file; ` +
      'the bare server: `node:http`, read the body, `JSON.parse`, answer 201 `{}`; between them, the layers of bench/lib/layer-server.ts, to show where the time goes; every server built with esbuild as `npm start` builds itself). ' +
      `autocannon sends AddPermission requests with ${CONNECTIONS} connections for ${seconds} s after ${warmup} s of warm-up, every request with a new StatementId and the functions taken in turn ` +
      `(so no policy nears the 20 KB limit); ${pairs} rounds, the servers taking turns and the first rotating; a fresh server process for every run. Every response was checked to be 2xx. ` +
      'Server CPU per request is user + system time of the server\'s processes (from /proc) during the measured run, divided by the requests answered: unlike requests/s it does not depend on how busy the machine was.',
    tables: [
      {
        columns: ['server', 'requests/s (median, ±half IQR)', 'p50 latency', 'p99 latency', 'server CPU per request'],
        rows: [
          row('bare', 'bare `node:http`: JSON.parse, 201 `{}`'),
          row('adapter', '+ the generated node:http adapter, a statement-sized answer'),
          row('generated', '+ the generated server: routing, validation, error rendering'),
          row('permgen', '= `npm start`: + the runtime, one log line per request'),
        ],
      },
    ],
    targets: [
      { what: 'throughput: npm start ÷ bare node:http (paired runs)', target: '≥ 0.70', measured: `${throughput.median.toFixed(2)} (±${(throughput.spread * 100).toFixed(0)}%)`, met: throughput.median >= 0.7 },
      { what: 'p99 latency of npm start at 50 connections', target: '< 10 ms', measured: `${formatNumber(p99.median)} ms (worst run ${formatNumber(p99.max)} ms)`, met: p99.median < 10 },
    ],
    notes: [
      `Where npm start's CPU per request goes, from the layers above: bare node:http ${formatNumber(cpuOf('bare'))} µs, the generated adapter +${formatNumber(cpuOf('adapter') - cpuOf('bare'))} µs, ` +
        `the generated routing, validation and error rendering +${formatNumber(cpuOf('generated') - cpuOf('adapter'))} µs, the runtime and the log line +${formatNumber(cpuOf('permgen') - cpuOf('generated'))} µs ` +
        `(${formatNumber(cpuOf('permgen'))} µs in all). The bare server is held back by autocannon, which shares the two cores; npm start is held back by its own CPU.`,
      'Profiled cause of the gap (`perf` with `--perf-basic-prof` of npm start under this load, and the same handler called in process): about a quarter of npm start\'s samples are the `writev` of each response ' +
        '(loopback TCP, paid by every server alike, and dearer for a server that is the bottleneck: autocannon then waits for each answer, and each write must wake it, which on the AMD EPYC machines of 2026-12-05 went through the hypervisor; ' +
        'the kernel\'s interrupt enabling in that wake-up, `pvm_irq_enable`, alone was 7-8% of the samples there, and does not show on the Intel Xeon machines). So every microsecond of the server\'s own work costs it more than a microsecond: ' +
        'the log line\'s direct work was about 0.65 µs per request, yet npm start without it used about 3 µs less per request in paired runs (2.2 µs of them in the writes). ' +
        'With a trivial implementation in place of the runtime npm start used about 40 µs per request and with the full runtime about 55 µs (log line off, 2026-12-05), ' +
        'against about 5 µs for the runtime in process: in the server its map look-ups over thousands of functions and their policies miss the CPU caches, ' +
        'and keeping every statement costs the young-generation collector about 4 µs (each statement survives and is copied twice). ' +
        'Removed on 2026-12-05: RevisionIds and request ids kept as trees of ~20 strings (V8 builds a UUID by concatenation), a second validation of every input in the runtime, ' +
        'an ARN string built and hashed anew for each look-up, three look-ups of a request\'s target and policy out of four, two extra promises per change in the keyed lock, path templates read on every request, a body media-type check made twice, ' +
        'log lines joined into one string of a thousand pieces before each write, the server built by esbuild in the thread that then serves (its JavaScript side left Node\'s own stream and `nextTick` code on V8\'s slow paths: about 5% of the CPU per request), ' +
        'and the statement built as an object for `JSON.stringify`.',
      'autocannon runs in the benchmark process on the same two cores as the server, so every server shares the machine with its load generator alike.',
    ],
    raw: runs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await main(run);
export { run };
