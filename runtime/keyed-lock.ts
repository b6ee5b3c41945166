/**
 * Runs changes to the same policy one after another. A change reads the policy, checks it and
 * commits; with an asynchronous store two concurrent adds of one Sid could otherwise both pass
 * the duplicate check.
 */
export class KeyedLock {
  /**
   * A key is present while one of its tasks runs; its value holds the tasks waiting behind that
   * one (null while none waits, which is nearly always: no array is made for an uncontended key).
   */
  readonly #waiting = new Map<string, (() => void)[] | null>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const waiting = this.#waiting.get(key);
    if (waiting === undefined) {
      // Nothing running: start at once rather than a microtask later.
      this.#waiting.set(key, null);
      return this.#start(key, task);
    }
    return new Promise<T>((resolve, reject) => {
      const next = () => void this.#start(key, task).then(resolve, reject);
      if (waiting === null) this.#waiting.set(key, [next]);
      else waiting.push(next);
    });
  }

  #start<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = task();
    const release = () => this.#release(key);
    result.then(release, release);
    return result;
  }

  /** Starts the next waiting task, or forgets the key, so that the map does not grow forever. */
  #release(key: string): void {
    const waiting = this.#waiting.get(key);
    const next = waiting?.shift();
    if (next) {
      if (waiting!.length === 0) this.#waiting.set(key, null);
      next();
    } else {
      this.#waiting.delete(key);
    }
  }
}
