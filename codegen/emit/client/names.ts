/** The client's names (model/symbols.ts) for the emitters' view of operations and members. */
import type { Operation, ServiceModel } from '../../model/ir.js';
import { clientSymbols, optionalMemberType } from '../../model/symbols.js';

export const clientNames = (model: ServiceModel) => ({
  client: clientSymbols.client(model.serviceName),
  config: clientSymbols.config(model.serviceName),
  resolvedConfig: clientSymbols.resolvedConfig(model.serviceName),
  baseException: clientSymbols.baseException(model.serviceName),
});
export const commandName = (operation: Operation) => clientSymbols.command(operation.name);
export const commandInputType = (operation: Operation) => clientSymbols.commandInput(operation.name);
export const commandOutputType = (operation: Operation) => clientSymbols.commandOutput(operation.name);
export const requestType = (operation: Operation) => clientSymbols.request(operation.name);
export const responseType = (operation: Operation) => clientSymbols.response(operation.name);
export const serializer = (operation: Operation) => clientSymbols.serializer(operation.name);
export const deserializer = (operation: Operation) => clientSymbols.deserializer(operation.name);
export const defaultPackageName = (model: ServiceModel) => clientSymbols.packageName(model.serviceName);

/**
 * An optional member's type, as the AWS SDK writes it: `?: T | undefined`, so that code built with
 * `exactOptionalPropertyTypes` may pass a value that can be undefined (such as another output's member).
 */
export const optionalType = optionalMemberType;

/** @deprecated Each enum member's type name, from the symbol table (`symbols.enumType`). */
export function enumNames(model: ServiceModel): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const operation of model.operations) {
    for (const [side, members] of [['input', operation.input], ['output', operation.output]] as const) {
      for (const member of members) {
        const name = model.symbols.enumType(operation.name, side, member.name);
        if (name) names.set(member, name);
      }
    }
  }
  return names;
}
