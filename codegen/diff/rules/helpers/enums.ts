// Enum comparisons shared by the enum rules.

import type { Member } from '../../model.js';
import type { ValuePair } from './value-sets.js';

export function stringValues(member: Member): string[] | undefined {
  return member.enum?.filter((v): v is string => typeof v === 'string');
}

export function missingFrom(values: string[], other: string[]): string[] {
  return values.filter((v) => !other.includes(v));
}

/** Values the old enum had and the new one lacks (both revisions having an enum). */
export function removedValues(pair: ValuePair): string[] {
  const before = stringValues(pair.old);
  const after = stringValues(pair.new);
  return before && after ? missingFrom(before, after) : [];
}

export function addedValues(pair: ValuePair): string[] {
  const before = stringValues(pair.old);
  const after = stringValues(pair.new);
  return before && after ? missingFrom(after, before) : [];
}

export const quoteAll = (values: string[]) => values.map((v) => `\`${v}\``).join(', ');
