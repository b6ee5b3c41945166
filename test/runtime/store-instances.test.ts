/**
 * Two `npm start` processes on different ports sharing one PostgreSQL database, hammered through
 * both at once: the same guarantees as one process. Needs the server .ci/with-postgres.sh starts:
 *   bash .ci/with-postgres.sh npx vitest run test/runtime/store-instances.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_SIZE_LIMIT } from '../../runtime/messages.js';
import { lambdaOverHttp, startServerProcess, stopServerProcess, type ServerProcess } from './server-process.js';
import { POSTGRES_SKIP_REASON, POSTGRES_URL, temporaryPostgresDatabase } from './store-kinds.js';

/** Races per test; `PERMGEN_RACE_ROUNDS=200` runs more by hand. */
const ROUNDS = Number(process.env.PERMGEN_RACE_ROUNDS ?? 8);
const PER_INSTANCE = 3;
const grant = (sid: string, rest: Record<string, string> = {}) => ({ StatementId: sid, Action: 'lambda:InvokeFunction', Principal: '223456789012', ...rest });
const sidsOf = (policy: string) => (JSON.parse(policy).Statement as Array<{ Sid: string }>).map((s) => s.Sid);
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

describe.skipIf(!POSTGRES_URL)(`two npm start processes sharing one PostgreSQL database${POSTGRES_SKIP_REASON}`, () => {
  let database: Awaited<ReturnType<typeof temporaryPostgresDatabase>>;
  let servers: ServerProcess[] = [];
  let instances: Array<ReturnType<typeof lambdaOverHttp>>;
  /** The i-th of `count` requests goes to one instance, the next to the other. */
  const through = (i: number) => instances[i % instances.length];

  beforeAll(async () => {
    database = await temporaryPostgresDatabase();
    // Both start at once: creating the tables is itself a race they must settle.
    servers = await Promise.all([startServerProcess(['--database-url', database.url]), startServerProcess(['--database-url', database.url])]);
    instances = servers.map((server) => lambdaOverHttp(server.url));
    expect(servers[0].output()).toMatch(/^Policies: PostgreSQL 127\.0\.0\.1:\d+\/permgen_test_[0-9a-f]+$/m);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => stopServerProcess(server)));
    await database?.drop();
  });

  it('answers exactly one 201 in every race for one Sid', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const replies = await Promise.all(Array.from({ length: 2 * PER_INSTANCE }, (_, i) => through(i).add('my-function', grant(`sid-race-${round}`))));
      expect(tally(replies.map((r) => r.status))).toEqual({ 201: 1, 409: 2 * PER_INSTANCE - 1 });
    }
    const { body } = await instances[1].get('my-function');
    expect(sidsOf(body.Policy)).toEqual(Array.from({ length: ROUNDS }, (_, round) => `sid-race-${round}`));
  });

  it('answers exactly one 201 in every race for one RevisionId', async () => {
    await instances[0].add('my-function:1', grant('base'));
    for (let round = 0; round < ROUNDS; round++) {
      const { RevisionId } = (await through(round).get('my-function:1')).body;
      const replies = await Promise.all(Array.from({ length: 2 * PER_INSTANCE }, (_, i) => through(i).add('my-function:1', grant(`rev-${round}-${i}`, { RevisionId }))));
      expect(tally(replies.map((r) => r.status))).toEqual({ 201: 1, 412: 2 * PER_INSTANCE - 1 });
    }
    expect(sidsOf((await instances[0].get('my-function:1')).body.Policy)).toHaveLength(ROUNDS + 1);
  });

  it('loses no statement and keeps the size limit under concurrent adds through both', async () => {
    // About 1 KB a statement: the policy fills up partway through the load.
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => through(i).add('my-function:PROD', grant(`load-${i}`, { Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::bucket-${i}-${'x'.repeat(900)}` }))),
    );
    const accepted = replies.flatMap((r, i) => (r.status === 201 ? [`load-${i}`] : []));
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([201, 400]));
    for (const reply of replies) if (reply.status === 400) expect(reply.body.message).toMatch(/^The final policy size \(\d+\) is bigger than the limit \(20480\)\.$/);
    for (const instance of instances) {
      const { Policy } = (await instance.get('my-function:PROD')).body;
      expect(sidsOf(Policy).sort()).toEqual(accepted.sort());
      expect(Buffer.byteLength(Policy)).toBeLessThanOrEqual(POLICY_SIZE_LIMIT);
    }
  });
});
