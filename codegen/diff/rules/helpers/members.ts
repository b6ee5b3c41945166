// Member pairings shared by the request- and response-member rules.

import type { DiffContext, OperationPair } from '../../context.js';
import type { Member } from '../../model.js';

export interface OneSided {
  operation: OperationPair;
  member: Member;
}

/** Input members only the new revision of a shared operation has. */
export function addedInputMembers(ctx: DiffContext): OneSided[] {
  return ctx.operationPairs().flatMap((operation) =>
    [...operation.new.input.values()].filter((m) => !operation.old.input.has(m.name)).map((member) => ({ operation, member })),
  );
}

/** Input members only the old revision of a shared operation has. */
export function removedInputMembers(ctx: DiffContext): OneSided[] {
  return ctx.operationPairs().flatMap((operation) =>
    [...operation.old.input.values()].filter((m) => !operation.new.input.has(m.name)).map((member) => ({ operation, member })),
  );
}

export interface OutputPair {
  operation: OperationPair;
  old?: Member;
  new?: Member;
}

/** Success-response members of shared operations, present on either side. */
export function outputMembers(ctx: DiffContext): OutputPair[] {
  return ctx.operationPairs().flatMap((operation) => {
    const names = new Set([...operation.old.output.keys(), ...operation.new.output.keys()]);
    return [...names].map((name) => ({ operation, old: operation.old.output.get(name), new: operation.new.output.get(name) }));
  });
}

/** The type as the generated code sees it: the JSON type plus, for arrays, the item type. */
export function typeKey(member: Member): string {
  return member.type === 'array' ? `array<${member.itemType ?? 'unknown'}>` : member.type;
}
