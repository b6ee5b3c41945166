// Error pairings shared by the error rules.

import type { DiffContext } from '../../context.js';
import type { ErrorShape, Model } from '../../model.js';

export interface ErrorListing {
  operation: string;
  name: string;
  /** Pointer of the `x-errors` entry. */
  pointer: string;
}

/** Errors a shared operation lists in one revision and not the other. */
export function listingChanges(ctx: DiffContext, side: 'added' | 'removed'): ErrorListing[] {
  return ctx.operationPairs().flatMap((pair) => {
    const [from, against] = side === 'added' ? [pair.new, pair.old] : [pair.old, pair.new];
    return [...from.errors]
      .filter(([name]) => !against.errors.has(name))
      .map(([name, pointer]) => ({ operation: pair.id, name, pointer }));
  });
}

/** Whether any operation of the model lists the error, so that its exception class is generated. */
export function isThrown(model: Model, name: string): boolean {
  return [...model.operations.values()].some((op) => op.errors.has(name));
}

/** Error shapes both revisions define and at least one operation lists. */
export function sharedErrors(ctx: DiffContext): { old: ErrorShape; new: ErrorShape }[] {
  return [...ctx.new.errors.values()].flatMap((shape) => {
    const old = ctx.old.errors.get(shape.name);
    return old && (isThrown(ctx.new, shape.name) || isThrown(ctx.old, shape.name)) ? [{ old, new: shape }] : [];
  });
}
