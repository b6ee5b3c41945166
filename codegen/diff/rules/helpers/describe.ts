// Shared wording for messages, so every rule names things the same way.

import type { Member, MemberLocation } from '../../model.js';

const WHERE: Record<MemberLocation, string> = { path: 'path label', query: 'query parameter', header: 'header', body: 'body member' };

export function where(location: MemberLocation): string {
  return WHERE[location];
}

/** `` `Name` (query parameter) `` */
export function memberRef(member: Member): string {
  return `\`${member.name}\` (${where(member.location)})`;
}

export function lengthText(value: number | undefined): string {
  return value === undefined ? 'none' : String(value);
}
