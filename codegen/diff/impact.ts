// What a change does to the generated TypeScript client (`generated/client`, in the style of
// @aws-sdk/client-*): names of the generated symbols, the TypeScript type of a member, and the
// semantic-version bump a set of findings calls for.

import type { Bump, Finding } from './findings.js';
import { bumpRank, maxBump } from './findings.js';
import type { Member, Model } from './model.js';
import { clientSymbols, optionalMemberType } from '../model/symbols.js';

// The generator's own names for the client's symbols.
export const clientName = (model: Model) => clientSymbols.client(model.serviceName);
export const serviceExceptionName = (model: Model) => clientSymbols.baseException(model.serviceName);
export const commandName = clientSymbols.command;
export const inputName = clientSymbols.commandInput;
export const outputName = clientSymbols.commandOutput;

/** The TypeScript type the generated declaration of a member has (the symbol table's, read with the model). */
export function tsType(member: Pick<Member, 'tsType'>): string {
  return member.tsType;
}

/** A member's type with its values when they are enumerated: `Color` (`"RED" | "BLUE"`). */
export function tsTypeWithValues(member: Pick<Member, 'tsType' | 'enum'>): string {
  return member.enum && member.enum.length > 0 ? `\`${member.tsType}\` (\`${enumUnion(member)}\`)` : `\`${member.tsType}\``;
}

/** The values of an enum as the union of literals its type stands for. */
export function enumUnion(member: Pick<Member, 'enum'>): string {
  return (member.enum ?? []).map((v) => JSON.stringify(v)).join(' | ');
}

/** `Name?: type | undefined` as it appears in a generated interface. Output members are always optional. */
export function tsProperty(member: Member, optional = !member.required): string {
  return optional ? `${member.name}?: ${optionalMemberType(tsType(member))}` : `${member.name}: ${tsType(member)}`;
}

export interface BumpSuggestion {
  bump: Bump;
  /** The changes that call for that bump (at most a few). */
  reasons: string[];
}

/** The largest bump any finding calls for, with the changes that call for it. */
export function suggestBump(findings: readonly Finding[]): BumpSuggestion {
  const bump = maxBump(findings.map((f) => f.impact.bump));
  if (bump === 'none') return { bump, reasons: [] };
  const reasons = [...new Set(findings.filter((f) => bumpRank(f.impact.bump) === bumpRank(bump)).map((f) => f.impact.typescript))];
  return { bump, reasons: reasons.slice(0, 5) };
}
