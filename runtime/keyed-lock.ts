/**
 * Runs changes to the same policy one after another. A change reads the policy, checks it and
 * commits; with an asynchronous store two concurrent adds of one Sid could otherwise both pass
 * the duplicate check.
 *
 * Each key keeps its small state once used: the keys are the resources of the registry's
 * functions, versions and aliases, a set as large as the registry, and a change then costs one
 * map look-up, where adding and deleting the key around every change cost three and made the
 * map rebuild its table as deletions piled up (profiled under the server benchmark's load).
 */
interface KeyState {
  running: boolean;
  /** Tasks waiting behind the running one; null while none waits, which is nearly always. */
  waiting: (() => void)[] | null;
}

export class KeyedLock {
  readonly #keys = new Map<string, KeyState>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let state = this.#keys.get(key);
    if (state === undefined) this.#keys.set(key, (state = { running: false, waiting: null }));
    if (!state.running) {
      // Nothing running: start at once rather than a microtask later.
      state.running = true;
      return start(state, task);
    }
    const queued = state;
    return new Promise<T>((resolve, reject) => {
      (queued.waiting ??= []).push(() => void start(queued, task).then(resolve, reject));
    });
  }
}

function start<T>(state: KeyState, task: () => Promise<T>): Promise<T> {
  let result: Promise<T>;
  try {
    result = task();
  } catch (error) {
    // A task that throws before returning its promise must not leave the key held.
    result = Promise.reject(error);
  }
  const release = () => {
    const next = state.waiting?.shift();
    if (next) next();
    else state.running = false;
  };
  result.then(release, release);
  return result;
}
