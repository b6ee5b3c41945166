/**
 * One behavioural suite for every store: what the service relies on (atomic changes in order, a
 * compare-and-swap on the revision) and what users see through the service when several writers
 * (server processes) share one store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_SIZE_LIMIT } from '../../runtime/messages.js';
import { createLambdaRuntime } from '../../runtime/service.js';
import { InMemoryPolicyStore, StaleRevisionError, type OpenPolicyStore, type PolicyChange, type PolicyStore } from '../../runtime/store.js';
import type { AddPermissionInput, LambdaRuntime } from '../../runtime/types.js';
import { ctx, exampleRegistry, grant, sidsOf } from './helpers.js';
import { STORE_KINDS, type StoreLocation } from './store-kinds.js';

const ARN = 'arn:aws:lambda:us-east-2:123456789012:function:my-function';
const OTHER_ARN = 'arn:aws:lambda:us-east-2:123456789012:function:other-function';
const statement = (sid: string) => `{"Sid":"${sid}","Effect":"Allow"}`;
const change = (expectedRevisionId: string | undefined, revisionId: string, byteLength = 100): PolicyChange => ({
  expectedRevisionId,
  revisionId,
  byteLength,
});
const outcome = (settled: PromiseSettledResult<unknown>) => (settled.status === 'fulfilled' ? 'ok' : (settled.reason as Error).name);

for (const kind of STORE_KINDS) {
  describe.skipIf(!kind.available)(`policy store: ${kind.name}`, () => {
    let location: StoreLocation;
    const opened: OpenPolicyStore[] = [];
    async function open(): Promise<OpenPolicyStore> {
      location ??= await kind.location();
      const store = await location.open();
      opened.push(store);
      return store;
    }
    afterEach(async () => {
      for (const store of new Set(opened.splice(0))) await store.close();
      await location?.remove();
      location = undefined!;
    });

    it('has no policy for a resource never written', async () => {
      const store = await open();
      expect(await store.get(ARN)).toBeUndefined();
    });

    it('keeps statements in insertion order with the revision and size of the last change', async () => {
      const store = await open();
      await store.addStatement(ARN, 'b', statement('b'), change(undefined, 'r1', 80));
      await store.addStatement(ARN, 'a', statement('a'), change('r1', 'r2', 120));
      await store.addStatement(ARN, 'c', statement('c'), change('r2', 'r3', 160));
      const policy = await store.get(ARN);
      expect([...policy!.statements]).toEqual([
        ['b', statement('b')],
        ['a', statement('a')],
        ['c', statement('c')],
      ]);
      expect(policy!.revisionId).toBe('r3');
      expect(policy!.byteLength).toBe(160);
      expect(await store.get(OTHER_ARN)).toBeUndefined();
    });

    it('removes a statement, keeping the order of the rest; the last removal keeps the revision', async () => {
      const store = await open();
      await store.addStatement(ARN, 'a', statement('a'), change(undefined, 'r1'));
      await store.addStatement(ARN, 'b', statement('b'), change('r1', 'r2'));
      await store.addStatement(ARN, 'c', statement('c'), change('r2', 'r3'));
      await store.removeStatement(ARN, 'b', change('r3', 'r4', 90));
      expect([...(await store.get(ARN))!.statements.keys()]).toEqual(['a', 'c']);
      await store.removeStatement(ARN, 'a', change('r4', 'r5'));
      await store.removeStatement(ARN, 'c', change('r5', 'r6', 54));
      const emptied = await store.get(ARN);
      expect({ sids: [...emptied!.statements.keys()], revisionId: emptied!.revisionId, byteLength: emptied!.byteLength }).toEqual({
        sids: [],
        revisionId: 'r6',
        byteLength: 54,
      });
      // A Sid may be added again after its removal, after the others in order.
      await store.addStatement(ARN, 'b', statement('b'), change('r6', 'r7'));
      expect([...(await store.get(ARN))!.statements.keys()]).toEqual(['b']);
    });

    it('refuses a change decided on a revision that is no longer stored, and changes nothing', async () => {
      const store = await open();
      await store.addStatement(ARN, 'a', statement('a'), change(undefined, 'r1', 80));
      const refusals = await Promise.allSettled([
        store.addStatement(ARN, 'b', statement('b'), change(undefined, 'x1')),
        store.addStatement(ARN, 'b', statement('b'), change('r0', 'x2')),
        store.removeStatement(ARN, 'a', change('r0', 'x3')),
        store.removeStatement(ARN, 'a', change(undefined, 'x4')),
        store.removeStatement(OTHER_ARN, 'a', change('r1', 'x5')),
      ]);
      for (const refusal of refusals) expect(refusal.status === 'rejected' && refusal.reason).toBeInstanceOf(StaleRevisionError);
      const policy = await store.get(ARN);
      expect({ sids: [...policy!.statements.keys()], revisionId: policy!.revisionId, byteLength: policy!.byteLength }).toEqual({
        sids: ['a'],
        revisionId: 'r1',
        byteLength: 80,
      });
      expect(await store.get(OTHER_ARN)).toBeUndefined();
    });

    it('applies changes to other policies made at the same moment as a refused one', async () => {
      const store = await open();
      await store.addStatement(ARN, 'a', statement('a'), change(undefined, 'r1'));
      const results = await Promise.allSettled([
        store.addStatement(OTHER_ARN, 'x', statement('x'), change(undefined, 'o1')),
        store.addStatement(ARN, 'b', statement('b'), change('stale', 'r2')),
        store.addStatement(ARN, 'c', statement('c'), change('r1', 'r3')),
      ]);
      expect(results.map(outcome)).toEqual(['ok', 'StaleRevisionError', 'ok']);
      expect([...(await store.get(ARN))!.statements.keys()]).toEqual(['a', 'c']);
      expect((await store.get(OTHER_ARN))!.revisionId).toBe('o1');
    });

    it('lets exactly one of two writers decided on the same revision commit', async () => {
      const [first, second] = [await open(), await open()];
      await first.addStatement(ARN, 'a', statement('a'), change(undefined, 'r1'));
      const results = await Promise.allSettled([
        first.addStatement(ARN, 'b', statement('b'), change('r1', 'from-first')),
        second.addStatement(ARN, 'c', statement('c'), change('r1', 'from-second')),
      ]);
      expect(results.map(outcome).sort()).toEqual(['StaleRevisionError', 'ok']);
      const winner = results[0].status === 'fulfilled' ? ['b', 'from-first'] : ['c', 'from-second'];
      const policy = await second.get(ARN);
      expect([[...policy!.statements.keys()], policy!.revisionId]).toEqual([['a', winner[0]], winner[1]]);
      // The first change of a policy races the same way.
      const firsts = await Promise.allSettled([
        first.addStatement(OTHER_ARN, 'x', statement('x'), change(undefined, 'o-first')),
        second.addStatement(OTHER_ARN, 'y', statement('y'), change(undefined, 'o-second')),
      ]);
      expect(firsts.map(outcome).sort()).toEqual(['StaleRevisionError', 'ok']);
      expect((await first.get(OTHER_ARN))!.statements.size).toBe(1);
    });

    if (kind.durable) {
      it('finds every committed change again after closing and reopening', async () => {
        const store = await open();
        await store.addStatement(ARN, 'a', statement('a'), change(undefined, 'r1', 70));
        await store.addStatement(ARN, 'b', statement('b'), change('r1', 'r2', 110));
        await store.removeStatement(ARN, 'a', change('r2', 'r3', 72));
        await store.close();
        opened.splice(opened.indexOf(store), 1);
        const reopened = await open();
        const policy = await reopened.get(ARN);
        expect([[...policy!.statements], policy!.revisionId, policy!.byteLength]).toEqual([[['b', statement('b')]], 'r3', 72]);
      });
    }

    describe('through the service, with two writers (as two server processes) on one store', () => {
      async function twoRuntimes(): Promise<[LambdaRuntime, LambdaRuntime]> {
        // Each runtime queues its own changes to a policy, as each process does: only the store decides between them.
        const [a, b] = [await open(), await open()];
        const registry = exampleRegistry();
        return [createLambdaRuntime({ registry, store: a }), createLambdaRuntime({ registry, store: b })];
      }

      it('answers exactly one 201 when both add the same Sid at once', async () => {
        const [one, two] = await twoRuntimes();
        for (let round = 0; round < 5; round++) {
          const sid = `race-${round}`;
          const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? one : two).AddPermission(grant(sid), ctx)));
          expect(results.map(outcome).sort()).toEqual(['ResourceConflictException', 'ResourceConflictException', 'ResourceConflictException', 'ResourceConflictException', 'ResourceConflictException', 'ok']);
        }
        expect(sidsOf((await one.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy)).toEqual(['race-0', 'race-1', 'race-2', 'race-3', 'race-4']);
      });

      it('answers exactly one 201 when both change the same RevisionId at once', async () => {
        const [one, two] = await twoRuntimes();
        await one.AddPermission(grant('base'), ctx);
        for (let round = 0; round < 5; round++) {
          const { RevisionId } = await two.GetPolicy({ FunctionName: 'my-function' }, ctx);
          const results = await Promise.allSettled(
            [0, 1, 2, 3].map((i) => (i % 2 ? one : two).AddPermission(grant(`r${round}-${i}`, { RevisionId }), ctx)),
          );
          expect(results.map(outcome).filter((o) => o === 'ok')).toHaveLength(1);
          expect(results.map(outcome).filter((o) => o === 'PreconditionFailedException')).toHaveLength(3);
        }
        expect(sidsOf((await one.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy)).toHaveLength(6);
      });

      it('loses no statement when both add different Sids at once', async () => {
        const [one, two] = await twoRuntimes();
        const sids = Array.from({ length: 24 }, (_, i) => `s${i}`);
        const results = await Promise.allSettled(sids.map((sid, i) => (i % 2 ? one : two).AddPermission(grant(sid), ctx)));
        expect(results.map(outcome).every((o) => o === 'ok')).toBe(true);
        expect(sidsOf((await two.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy).sort()).toEqual([...sids].sort());
      });

      it('keeps the policy within its size limit when both fill it at once', async () => {
        const [one, two] = await twoRuntimes();
        const wide = (sid: string): AddPermissionInput =>
          grant(sid, { Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${sid}-${'b'.repeat(900)}` });
        const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).AddPermission(wide(`w${i}`), ctx)));
        const accepted = results.flatMap((r, i) => (r.status === 'fulfilled' ? [`w${i}`] : []));
        expect(new Set(results.map(outcome))).toEqual(new Set(['ok', 'PolicyLengthExceededException']));
        const { Policy } = await one.GetPolicy({ FunctionName: 'my-function' }, ctx);
        expect(Buffer.byteLength(Policy)).toBeLessThanOrEqual(POLICY_SIZE_LIMIT);
        expect(sidsOf(Policy).sort()).toEqual(accepted.sort());
        // Full: about 1 KB free at most, less than one more statement.
        expect(Buffer.byteLength(Policy)).toBeGreaterThan(POLICY_SIZE_LIMIT - 1100);
      });

      it('removes a statement exactly once when both remove it at once', async () => {
        const [one, two] = await twoRuntimes();
        await one.AddPermission(grant('a'), ctx);
        await one.AddPermission(grant('b'), ctx);
        const results = await Promise.allSettled([one, two, one, two].map((runtime) => runtime.RemovePermission({ FunctionName: 'my-function', StatementId: 'a' }, ctx)));
        expect(results.map(outcome).sort()).toEqual(['ResourceNotFoundException', 'ResourceNotFoundException', 'ResourceNotFoundException', 'ok']);
        expect(sidsOf((await two.GetPolicy({ FunctionName: 'my-function' }, ctx)).Policy)).toEqual(['b']);
      });
    });
  });
}

describe('a change that keeps losing to other writers', () => {
  it('is decided again on fresh reads, and after 50 lost attempts answers 409 without writing', async () => {
    // Another process commits between every read and every commit of this one.
    class AlwaysOvertaken implements PolicyStore {
      readonly #inner = new InMemoryPolicyStore();
      reads = 0;
      async get(arn: string) {
        this.reads++;
        return this.#inner.get(arn);
      }
      async addStatement(arn: string): Promise<void> {
        throw new StaleRevisionError(arn);
      }
      async removeStatement(arn: string): Promise<void> {
        throw new StaleRevisionError(arn);
      }
    }
    const store = new AlwaysOvertaken();
    const runtime = createLambdaRuntime({ registry: exampleRegistry(), store });
    await expect(runtime.AddPermission(grant('a'), ctx)).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: `The operation cannot be performed at this time. An update is in progress for resource: ${ARN}`,
    });
    expect(store.reads).toBe(50);
    expect(await store.get(ARN)).toBeUndefined();
  });
});
