import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../runtime/serial-queue.js';

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

describe('SerialQueue', () => {
  it('starts a task on an idle queue at once, in the same turn', () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    void queue.run(gatedTask(log, 'first').task);
    expect(log).toEqual(['start first']);
  });

  it('runs its tasks one after another, in the order they came, each getting its own result', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const tasks = ['one', 'two', 'three'].map((name) => gatedTask(log, name));
    const results = tasks.map(({ task }) => queue.run(task));
    await settle();
    expect(log).toEqual(['start one']);
    tasks[0]!.open();
    tasks[1]!.open();
    tasks[2]!.open();
    expect(await Promise.all(results)).toEqual(['one', 'two', 'three']);
    expect(log).toEqual(['start one', 'end one', 'start two', 'end two', 'start three', 'end three']);
  });

  it('lets tasks of different queues run at the same time', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const a = gatedTask(log, 'a');
    const b = gatedTask(log, 'b');
    const results = [queue.run(a.task), new SerialQueue().run(b.task)];
    expect(log).toEqual(['start a', 'start b']);
    b.open();
    a.open();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
  });

  it('starts the next task when one fails, and hands the failure only to its caller', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const failing = gatedTask(log, 'failing', 'fail');
    const next = gatedTask(log, 'next');
    const first = queue.run(failing.task);
    const second = queue.run(next.task);
    failing.open();
    await expect(first).rejects.toThrow('failing failed');
    next.open();
    await expect(second).resolves.toBe('next');
  });

  it('is idle again once it has run every task: a later task starts at once', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const a = gatedTask(log, 'a');
    const b = gatedTask(log, 'b');
    const results = [queue.run(a.task), queue.run(b.task)];
    a.open();
    b.open();
    await Promise.all(results);
    await settle();
    void queue.run(gatedTask(log, 'later').task);
    expect(log.at(-1)).toBe('start later');
  });

  it('is not left held by a task that throws before returning its promise', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const throwing = (): Promise<string> => {
      throw new Error('thrown at once');
    };
    await expect(queue.run(throwing)).rejects.toThrow('thrown at once');
    await settle();
    void queue.run(gatedTask(log, 'after').task);
    expect(log).toEqual(['start after']);
  });
});
