import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../runtime/keyed-lock.js';

/** A task that records when it starts and finishes, and ends when told to. */
function gatedTask(log: string[], name: string, outcome: 'ok' | 'fail' = 'ok') {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const task = async () => {
    log.push(`start ${name}`);
    await gate;
    log.push(`end ${name}`);
    if (outcome === 'fail') throw new Error(`${name} failed`);
    return name;
  };
  return { task, open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedLock', () => {
  it('starts a task on a free key at once, in the same turn', () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    void lock.run('a', gatedTask(log, 'first').task);
    expect(log).toEqual(['start first']);
  });

  it('runs tasks on one key one after another, in the order they came, each getting its own result', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const tasks = ['one', 'two', 'three'].map((name) => gatedTask(log, name));
    const results = tasks.map(({ task }) => lock.run('key', task));
    await settle();
    expect(log).toEqual(['start one']);
    tasks[0]!.open();
    tasks[1]!.open();
    tasks[2]!.open();
    expect(await Promise.all(results)).toEqual(['one', 'two', 'three']);
    expect(log).toEqual(['start one', 'end one', 'start two', 'end two', 'start three', 'end three']);
  });

  it('lets tasks on different keys run at the same time', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const a = gatedTask(log, 'a');
    const b = gatedTask(log, 'b');
    const results = [lock.run('x', a.task), lock.run('y', b.task)];
    expect(log).toEqual(['start a', 'start b']);
    b.open();
    a.open();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
  });

  it('starts the next task when one fails, and hands the failure only to its caller', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const failing = gatedTask(log, 'failing', 'fail');
    const next = gatedTask(log, 'next');
    const first = lock.run('key', failing.task);
    const second = lock.run('key', next.task);
    failing.open();
    await expect(first).rejects.toThrow('failing failed');
    next.open();
    await expect(second).resolves.toBe('next');
  });

  it('frees a key once its queue is empty: a later task starts at once again', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const a = gatedTask(log, 'a');
    const b = gatedTask(log, 'b');
    const results = [lock.run('key', a.task), lock.run('key', b.task)];
    a.open();
    b.open();
    await Promise.all(results);
    await settle();
    void lock.run('key', gatedTask(log, 'later').task);
    expect(log.at(-1)).toBe('start later');
  });

  it('does not leave a key held by a task that throws before returning its promise', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const throwing = (): Promise<string> => {
      throw new Error('thrown at once');
    };
    await expect(lock.run('key', throwing)).rejects.toThrow('thrown at once');
    await settle();
    void lock.run('key', gatedTask(log, 'after').task);
    expect(log).toEqual(['start after']);
  });
});
