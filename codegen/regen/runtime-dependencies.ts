// Which behaviour of the handwritten runtime depends on an error a new revision stops declaring.
// The runtime states what it raises in runtime/errors.ts (checked there against the generated
// types); a revision that drops one of those errors would make the server answer that client
// mistake with a 500, so regen names the behaviour before writing anything.

import type { Base } from '../import/index.js';
import { RUNTIME_RAISES } from '../../runtime/errors.js';

export interface RuntimeDependency {
  operation: string;
  error: string;
  behaviour: string;
}

/** The runtime's errors that `next` no longer declares for an operation `current` declared them for. */
export function droppedRuntimeErrors(current: Base, next: Base): RuntimeDependency[] {
  const raises = RUNTIME_RAISES as Record<string, Record<string, string>>;
  const found: RuntimeDependency[] = [];
  for (const op of next.operations) {
    const before = current.operations.find((o) => o.name === op.name);
    for (const [error, behaviour] of Object.entries(raises[op.name] ?? {})) {
      if (before?.errors.includes(error) && !op.errors.includes(error)) found.push({ operation: op.name, error, behaviour });
    }
  }
  return found;
}

export function describeDependencies(dependencies: RuntimeDependency[]): string {
  return dependencies
    .map((d) => `  - ${d.operation} no longer declares ${d.error}, which the runtime raises for ${d.behaviour}`)
    .join('\n');
}
