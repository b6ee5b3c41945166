/** Names of the client package's symbols and the TypeScript type of each member. */
import type { Member, MemberType, Operation, ServiceModel } from '../../model/ir.js';
import { clientSymbols } from '../../model/names.js';

export const clientNames = (model: ServiceModel) => ({
  client: clientSymbols.client(model.serviceName),
  config: clientSymbols.config(model.serviceName),
  resolvedConfig: clientSymbols.resolvedConfig(model.serviceName),
  baseException: clientSymbols.baseException(model.serviceName),
});
export const commandName = (operation: Operation) => clientSymbols.command(operation.name);
export const requestType = (operation: Operation) => `${operation.name}Request`;
export const responseType = (operation: Operation) => `${operation.name}Response`;
export const serializer = (operation: Operation) => `se_${commandName(operation)}`;
export const deserializer = (operation: Operation) => `de_${commandName(operation)}`;

export function defaultPackageName(model: ServiceModel): string {
  return `@permgen/client-${model.serviceName.toLowerCase()}`;
}

export const TS_TYPES: Record<MemberType, string> = { string: 'string', boolean: 'boolean', integer: 'number', number: 'number' };

/** Enum types are named after their member; the operation name is added only to tell two apart. */
export function enumNames(model: ServiceModel): Map<Member, string> {
  const byMemberName = new Map<string, Set<string>>();
  for (const operation of model.operations) {
    for (const member of [...operation.input, ...operation.output]) {
      if (!member.constraints.enum) continue;
      const values = byMemberName.get(member.name) ?? new Set<string>();
      values.add(JSON.stringify(member.constraints.enum));
      byMemberName.set(member.name, values);
    }
  }
  const names = new Map<Member, string>();
  for (const operation of model.operations) {
    for (const member of [...operation.input, ...operation.output]) {
      if (!member.constraints.enum) continue;
      names.set(member, byMemberName.get(member.name)!.size > 1 ? `${operation.name}${member.name}` : member.name);
    }
  }
  return names;
}

export function memberType(member: Member, enums: Map<Member, string>): string {
  return enums.get(member) ?? TS_TYPES[member.type];
}

/**
 * An optional member's type, as the AWS SDK writes it: `?: T | undefined`, so that code built with
 * `exactOptionalPropertyTypes` may pass a value that can be undefined (such as another output's member).
 */
export const optionalType = (type: string): string => `${type} | undefined`;
