/**
 * Crash safety of the SQLite store: a load of adds and removes through `npm start -- --data DIR`,
 * `kill -9` at a random moment, a restart on the same folder; then every acknowledged change is
 * there, no half-applied one is, and the policy, its size and its RevisionId agree.
 * One round here; `PERMGEN_CRASH_ROUNDS=50 npx vitest run test/runtime/store-crash.test.ts` repeats it.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { POLICY_SIZE_LIMIT } from '../../runtime/messages.js';
import { sizeAfterAppend, utf8Length } from '../../runtime/policy-document.js';
import { writeStatement } from '../../runtime/statement.js';
import { lambdaOverHttp, startServerProcess, stopServerProcess, type ServerProcess } from './server-process.js';
import { temporaryDataDir } from './store-kinds.js';

const ROUNDS = Number(process.env.PERMGEN_CRASH_ROUNDS ?? 1);
const WORKERS = 12;
const RESOURCES = ['my-function', 'my-function:1', 'my-function:PROD'];
const ARN_PREFIX = 'arn:aws:lambda:us-east-1:123456789012:function:';

interface Acknowledged {
  /** Sid → the statement the 201 returned, for statements added and not removed since. */
  present: Map<string, string>;
  /** Sids whose removal was answered 204. */
  removed: Set<string>;
}

const grant = (sid: string) => ({
  StatementId: sid,
  Action: 'lambda:InvokeFunction',
  Principal: 's3.amazonaws.com',
  SourceAccount: '123456789012',
  // About 700 bytes a statement: a policy fills up after some 28, so the load meets the size limit.
  SourceArn: `arn:aws:s3:::${sid}-${'b'.repeat(520)}`,
});

async function load(server: ServerProcess, acknowledged: Map<string, Acknowledged>, stop: { now: boolean; firstAcknowledged(): void }): Promise<void> {
  const lambda = lambdaOverHttp(server.url);
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      for (let n = 0; !stop.now; n++) {
        const fn = RESOURCES[(worker + n) % RESOURCES.length];
        const mine = acknowledged.get(fn)!;
        try {
          if (n % 4 === 3) {
            const sid = [...mine.present.keys()].find((s) => s.startsWith(`w${worker}-`));
            if (sid === undefined) continue;
            // Unknown until answered: a removal cut short by the kill may or may not have committed.
            mine.present.delete(sid);
            const { status } = await lambda.remove(fn, sid);
            expect(status).toBe(204);
            mine.removed.add(sid);
          } else {
            const sid = `w${worker}-${n}`;
            const reply = await lambda.add(fn, grant(sid));
            if (reply.status === 201) {
              mine.present.set(sid, reply.body.Statement);
              stop.firstAcknowledged();
            }
            else expect(reply.body.message).toMatch(/^The final policy size \(\d+\) is bigger than the limit \(20480\)\.$/);
          }
        } catch (error) {
          // The server was killed with this request in flight: neither acknowledged nor refused.
          if (stop.now) return;
          throw error;
        }
      }
    }),
  );
}

async function checkAfterRestart(server: ServerProcess, acknowledged: Map<string, Acknowledged>): Promise<number> {
  const lambda = lambdaOverHttp(server.url);
  let statements = 0;
  for (const fn of RESOURCES) {
    const { present, removed } = acknowledged.get(fn)!;
    const reply = await lambda.get(fn);
    if (present.size === 0 && reply.status === 404) continue;
    expect(reply.status).toBe(200);
    const document = JSON.parse(reply.body.Policy) as { Statement: Array<{ Sid: string }> };
    expect(utf8Length(reply.body.Policy)).toBeLessThanOrEqual(POLICY_SIZE_LIMIT);
    const stored = new Map(document.Statement.map((s) => [s.Sid, JSON.stringify(s)]));
    for (const [sid, statement] of present) expect(stored.get(sid), `${fn}: acknowledged ${sid}`).toBe(statement);
    for (const sid of removed) expect(stored.has(sid), `${fn}: removed ${sid}`).toBe(false);
    // Every statement present is a whole one (unacknowledged ones may be there too: they were in flight).
    for (const statement of document.Statement) expect(statement).toMatchObject({ Effect: 'Allow', Resource: `${ARN_PREFIX}${fn}` });
    statements += stored.size;

    // The running size survived with the statements: an add that cannot fit reports exactly the
    // size the stored document plus it would have (it is larger than the limit on its own).
    const huge = { ...grant('huge'), SourceArn: `arn:aws:s3:::${'h'.repeat(20_480)}` };
    const hugeBytes = utf8Length(writeStatement(huge, `${ARN_PREFIX}${fn}`, 'us-east-1'));
    const refused = await lambda.add(fn, huge);
    expect(refused.body.message).toBe(`The final policy size (${sizeAfterAppend(utf8Length(reply.body.Policy), stored.size, hugeBytes)}) is bigger than the limit (20480).`);

    // The RevisionId read is the current one: a change made with it is accepted, and replaces it.
    const sid = [...stored.keys()][0];
    expect((await lambda.remove(fn, sid, reply.body.RevisionId)).status).toBe(204);
    const after = await lambda.get(fn);
    if (after.status === 200) expect(after.body.RevisionId).not.toBe(reply.body.RevisionId);
  }
  return statements;
}

describe('SQLite store: kill -9 during a load of changes', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it(`keeps every acknowledged change and no half-applied one (${ROUNDS} round${ROUNDS === 1 ? '' : 's'})`, { timeout: 30_000 * ROUNDS }, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = temporaryDataDir();
      dirs.push(dir);
      const acknowledged = new Map(RESOURCES.map((fn) => [fn, { present: new Map(), removed: new Set() } as Acknowledged]));
      const server = await startServerProcess(['--data', dir]);
      let firstAcknowledged!: () => void;
      const acknowledging = new Promise<void>((resolve) => (firstAcknowledged = resolve));
      const stop = { now: false, firstAcknowledged };
      const loading = load(server, acknowledged, stop);
      // A random moment once the load runs: up to 1.5 s after the first 201.
      await acknowledging;
      const delay = Math.random() * 1500;
      await new Promise((resolve) => setTimeout(resolve, delay));
      stop.now = true;
      server.child.kill('SIGKILL');
      await loading;
      expect(await server.exited).toBe('SIGKILL');
      const counts = [...acknowledged.values()].reduce((sum, a) => sum + a.present.size + a.removed.size, 0);

      const restarted = await startServerProcess(['--data', dir]);
      try {
        const found = await checkAfterRestart(restarted, acknowledged);
        if (ROUNDS > 1) process.stdout.write(`round ${round + 1}: killed ${delay.toFixed(0)} ms after the first 201, ${counts} acknowledged changes checked, ${found} statements found\n`);
        expect(counts).toBeGreaterThan(0);
      } finally {
        await stopServerProcess(restarted);
      }
    }
  });
});
