// What a change does to the generated TypeScript client (`generated/client`, in the style of
// @aws-sdk/client-*): names of the generated symbols, the TypeScript type of a member, and the
// semantic-version bump a set of findings calls for.

import type { Bump, Finding } from './findings.js';
import { bumpRank, maxBump } from './findings.js';
import type { Member, Model } from './model.js';
import { clientSymbols } from '../model/symbols.js';

// The generator's own names for the client's symbols.
export const clientName = (model: Model) => clientSymbols.client(model.serviceName);
export const serviceExceptionName = (model: Model) => clientSymbols.baseException(model.serviceName);
export const commandName = clientSymbols.command;
export const inputName = clientSymbols.commandInput;
export const outputName = clientSymbols.commandOutput;

const PRIMITIVES: Record<string, string> = { string: 'string', boolean: 'boolean', number: 'number', integer: 'number' };

/** The TypeScript type generated for a member: enums become unions of string literals. */
export function tsType(member: Pick<Member, 'type' | 'enum' | 'itemType'>): string {
  if (member.enum && member.enum.length > 0 && member.enum.every((v) => typeof v === 'string')) {
    return member.enum.map((v) => JSON.stringify(v)).join(' | ');
  }
  if (member.type === 'array') return `${PRIMITIVES[member.itemType ?? ''] ?? 'unknown'}[]`;
  if (member.type === 'object') return 'Record<string, unknown>';
  return PRIMITIVES[member.type] ?? 'unknown';
}

/** `Name?: type` as it appears in a generated interface. Output members are always optional. */
export function tsProperty(member: Member, optional = !member.required): string {
  return `${member.name}${optional ? '?' : ''}: ${tsType(member)}`;
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
