/**
 * Comparison 6: what keeping policies durably costs. `npm start`'s AddPermission throughput with
 * the SQLite store (`--data DIR`: WAL, fsync at every commit, group commit) against the in-memory
 * store (`--memory`), in alternating runs; beside them SQLite committing each change alone (what
 * group commit buys) and, where PERMGEN_TEST_DATABASE_URL names a PostgreSQL server, PostgreSQL.
 *
 *   npx tsx bench/store.ts [--quick]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CONNECTIONS, functionsFile, loadAddPermission } from './lib/add-permission-load.js';
import { freePort, groupCpuSeconds, startServerProcess, type RunningProcess } from './lib/processes.js';
import { main, versionOf, type Section } from './lib/report.js';
import { formatNumber, formatSummary, pairedRatio, summarise } from './lib/stats.js';

const CACHE = 'bench/.cache';
const POSTGRES_URL = process.env.PERMGEN_TEST_DATABASE_URL;

type StoreKind = 'memory' | 'sqlite' | 'sqlite-per-change' | 'postgres';

interface Run {
  store: StoreKind;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  cpuMicrosecondsPerRequest: number;
}

/** A store's place, new for every run so that no run starts on another's data. */
async function freshPlace(store: StoreKind): Promise<{ args: string[]; remove(): Promise<void> }> {
  if (store === 'memory') return { args: ['--memory'], remove: async () => {} };
  if (store === 'postgres') {
    const name = `permgen_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(POSTGRES_URL!);
    url.pathname = `/${name}`;
    return {
      args: ['--database-url', url.toString()],
      async remove() {
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'permgen-bench-store-'));
  return { args: [dir], remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function start(store: StoreKind, functions: string, place: { args: string[] }): Promise<RunningProcess> {
  const port = String(await freePort());
  const log = join(CACHE, `store-${store}-server.log`);
  if (store === 'sqlite-per-change') return startServerProcess(process.execPath, ['--import', 'tsx', 'bench/lib/store-server.ts', port, functions, place.args[0]], log);
  const storeArgs = store === 'sqlite' ? ['--data', place.args[0]] : place.args;
  return startServerProcess(process.execPath, ['--import', 'tsx', 'runtime/main.ts', '--port', port, '--functions', functions, ...storeArgs], log);
}

async function run({ quick }: { quick: boolean }): Promise<Section> {
  const functions = functionsFile();
  const stores: StoreKind[] = ['memory', 'sqlite', 'sqlite-per-change', ...(POSTGRES_URL ? (['postgres'] as const) : [])];
  const pairs = quick ? 2 : 4;
  const seconds = quick ? 4 : 8;
  const warmup = quick ? 1 : 2;
  const runs: Run[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const order = stores.map((_, i) => stores[(i + pair) % stores.length]);
    for (const store of order) {
      const place = await freshPlace(store);
      const server = await start(store, functions, place);
      try {
        await loadAddPermission(server.url, warmup, `w${pair}`);
        const cpuBefore = groupCpuSeconds(server.child.pid!);
        const result = await loadAddPermission(server.url, seconds, `r${pair}`);
        const cpu = groupCpuSeconds(server.child.pid!) - cpuBefore;
        runs.push({
          store,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          cpuMicrosecondsPerRequest: (cpu * 1e6) / result.requests.total,
        });
      } finally {
        await server.stop();
        await place.remove();
      }
    }
  }
  const failed = runs.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failed.length > 0) {
    const log = readFileSync(join(CACHE, `store-${failed[0].store}-server.log`), 'utf8').split('\n').filter((l) => !/ 201 /.test(l)).slice(0, 5);
    throw new Error(`some requests failed: ${JSON.stringify(failed)}\n${log.join('\n')}`);
  }

  const of = (store: StoreKind, key: 'requestsPerSecond' | 'p50' | 'p99' | 'cpuMicrosecondsPerRequest') => runs.filter((r) => r.store === store).map((r) => r[key]);
  const ratio = (store: StoreKind) => pairedRatio(of(store, 'requestsPerSecond'), of('memory', 'requestsPerSecond'));
  const sqlite = ratio('sqlite');
  const row = (store: StoreKind, label: string) => [
    label,
    formatSummary(summarise(of(store, 'requestsPerSecond'))),
    store === 'memory' ? '1' : `${ratio(store).median.toFixed(2)} (±${(ratio(store).spread * 100).toFixed(0)}%)`,
    `${formatNumber(summarise(of(store, 'p50')).median)} ms`,
    `${formatNumber(summarise(of(store, 'p99')).median)} ms`,
    `${formatNumber(summarise(of(store, 'cpuMicrosecondsPerRequest')).median)} µs`,
  ];
  return {
    id: 'store',
    title: "6. Store: npm start's AddPermission with SQLite (durable) vs in memory",
    command: `npx tsx bench/store.ts${quick ? ' --quick' : ''}`,
    versions: { node: process.versions.node, libsql: versionOf('libsql'), pg: versionOf('pg'), autocannon: versionOf('autocannon') },
    method:
      'Each store behind its own `npm start` process on 127.0.0.1 (`node --import tsx runtime/main.ts --port P --functions F` plus `--memory`, `--data DIR` or `--database-url URL`), ' +
      `a new data folder or database for every run. autocannon sends AddPermission requests with ${CONNECTIONS} connections for ${seconds} s after ${warmup} s of warm-up, ` +
      `every request with a new StatementId and the functions taken in turn (comparison 2's load); ${pairs} rounds, the stores taking turns and the first rotating. Every response was checked to be 201. ` +
      'SQLite runs with WAL and `synchronous=FULL`: each 201 is answered only after the commit that holds it was fsynced.',
    tables: [
      {
        columns: ['store', 'requests/s (median, ±half IQR)', '÷ in memory (paired)', 'p50 latency', 'p99 latency', 'server CPU per request'],
        rows: [
          row('memory', '`--memory`'),
          row('sqlite', '`--data DIR`: SQLite, group commit'),
          row('sqlite-per-change', 'SQLite, one transaction and fsync per change (bench/lib/store-server.ts, no log lines)'),
          ...(POSTGRES_URL ? [row('postgres', '`--database-url`: PostgreSQL 15 on the same machine, one statement per change')] : []),
        ],
      },
    ],
    targets: [
      { what: 'AddPermission throughput: SQLite ÷ in memory (paired runs)', target: '≥ 0.5', measured: `${sqlite.median.toFixed(2)} (±${(sqlite.spread * 100).toFixed(0)}%)`, met: sqlite.median >= 0.5 },
    ],
    notes: [
      'Group commit: changes that arrive while the event loop is busy are applied in one transaction, one savepoint each (a change refused by its revision check leaves the others in place), and their 201s wait for its one fsync. ' +
        'The row "one transaction and fsync per change" is the same store with grouping switched off.',
      ...(POSTGRES_URL ? [] : ['PostgreSQL was not measured: PERMGEN_TEST_DATABASE_URL was not set (run under `bash .ci/with-postgres.sh npm run bench -- --only store`).']),
    ],
    raw: runs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await main(run);
export { run };
