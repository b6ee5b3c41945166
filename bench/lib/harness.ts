/**
 * Throughput of small synchronous functions. Each contender gets its own compiled loop (its own
 * call-site feedback, so one contender's shapes do not slow another's), inputs cycle so that no
 * single object is all a validator ever sees, and contenders take turns within every round so
 * that machine noise hits them alike.
 */

export interface Contender<T> {
  name: string;
  /** Returns something derived from the work so that it cannot be optimised away. */
  run: (input: T) => unknown;
}

type Loop = (run: (input: unknown) => unknown, inputs: readonly unknown[], iterations: number) => number;

function compileLoop(): Loop {
  // A fresh function per contender: V8 keeps type feedback per function.
  return new Function(
    'run',
    'inputs',
    'iterations',
    `let sink = 0;
     const n = inputs.length;
     for (let i = 0; i < iterations; i++) {
       const r = run(inputs[i % n]);
       if (r === true || (r !== false && r !== undefined && r !== null)) sink++;
     }
     return sink;`,
  ) as Loop;
}

let blackhole = 0;

/** Operations per second of each contender, one array entry per round. */
export function measureThroughput<T>(
  contenders: readonly Contender<T>[],
  inputs: readonly T[],
  options: { rounds: number; millisecondsPerRun: number; warmupMilliseconds: number },
): Map<string, number[]> {
  const loops = new Map(contenders.map((c) => [c.name, compileLoop()]));
  const results = new Map(contenders.map((c) => [c.name, [] as number[]]));
  const iterationsFor = new Map<string, number>();

  // Warm up and calibrate: find an iteration count that takes about the wanted time.
  for (const contender of contenders) {
    const loop = loops.get(contender.name)!;
    let iterations = inputs.length;
    let elapsed = 0;
    const deadline = performance.now() + options.warmupMilliseconds;
    while (performance.now() < deadline || elapsed < 5) {
      const started = performance.now();
      blackhole += loop(contender.run as (input: unknown) => unknown, inputs, iterations);
      elapsed = performance.now() - started;
      if (elapsed < options.millisecondsPerRun / 4) iterations *= 2;
    }
    iterationsFor.set(contender.name, Math.max(inputs.length, Math.round((iterations * options.millisecondsPerRun) / Math.max(elapsed, 0.01))));
  }

  for (let round = 0; round < options.rounds; round++) {
    // Rotate who goes first, so that no contender always follows the same neighbour.
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length];
      const iterations = iterationsFor.get(contender.name)!;
      const loop = loops.get(contender.name)!;
      const started = performance.now();
      blackhole += loop(contender.run as (input: unknown) => unknown, inputs, iterations);
      const seconds = (performance.now() - started) / 1000;
      results.get(contender.name)!.push(iterations / seconds);
    }
  }
  if (blackhole === -1) console.log('unreachable');
  return results;
}
