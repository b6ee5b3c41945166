// Member pairings shared by the request- and response-member rules.

import type { DiffContext, OperationPair } from '../../context.js';
import type { Member } from '../../model.js';

export interface OneSided {
  operation: OperationPair;
  member: Member;
}

/**
 * A member one side lacks is reported where it starts: a nested member only when the member
 * containing it is on both sides (a new structure is one change, not one per member inside it).
 */
const startsHere = (member: Member, other: ReadonlyMap<string, Member>) => !other.has(member.name) && (member.parent === undefined || other.has(member.parent));

/** Input members only the new revision of a shared operation has. */
export function addedInputMembers(ctx: DiffContext): OneSided[] {
  return ctx.operationPairs().flatMap((operation) =>
    [...operation.new.input.values()].filter((m) => startsHere(m, operation.old.input)).map((member) => ({ operation, member })),
  );
}

/** Input members only the old revision of a shared operation has. */
export function removedInputMembers(ctx: DiffContext): OneSided[] {
  return ctx.operationPairs().flatMap((operation) =>
    [...operation.old.input.values()].filter((m) => startsHere(m, operation.new.input)).map((member) => ({ operation, member })),
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
    return [...names]
      .map((name) => ({ operation, old: operation.old.output.get(name), new: operation.new.output.get(name) }))
      .filter((pair) => (pair.old && pair.new) || startsHere((pair.old ?? pair.new)!, pair.old ? operation.new.output : operation.old.output));
  });
}

/** The type as the generated code sees it: the JSON type plus, for arrays, the item type. */
export function typeKey(member: Member): string {
  return member.type === 'array' ? `array<${member.itemType ?? 'unknown'}>` : member.type;
}
