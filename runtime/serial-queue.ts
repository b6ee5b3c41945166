/**
 * Runs the changes to one policy one after another, with a store that reads and commits
 * asynchronously (a database; the in-memory store commits in one synchronous step instead). A
 * change reads the policy, checks it and commits; two concurrent adds of one Sid could otherwise
 * both pass the duplicate check.
 *
 * Each policy target owns its queue (resolve.ts keeps one target object per function, version
 * and alias), so a change finds its queue without a look-up: under the server benchmark's load a
 * map from ARN to queue was one more cold look-up per change in a table as large as the registry.
 */
export class SerialQueue {
  #running = false;
  /** Tasks waiting behind the running one; null while none waits, which is nearly always. */
  #waiting: (() => void)[] | null = null;

  run<T>(task: () => Promise<T>): Promise<T> {
    if (!this.#running) {
      // Nothing running: start at once rather than a microtask later.
      this.#running = true;
      return this.#start(task);
    }
    return new Promise<T>((resolve, reject) => {
      (this.#waiting ??= []).push(() => void this.#start(task).then(resolve, reject));
    });
  }

  #start<T>(task: () => Promise<T>): Promise<T> {
    let result: Promise<T>;
    try {
      result = task();
    } catch (error) {
      // A task that throws before returning its promise must not leave the queue held.
      result = Promise.reject(error);
    }
    const release = () => {
      const next = this.#waiting?.shift();
      if (next) next();
      else this.#running = false;
    };
    result.then(release, release);
    return result;
  }
}
