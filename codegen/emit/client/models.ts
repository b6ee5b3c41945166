/** `client/src/models.ts`: the types of every shape the operations use, and each operation's request and response interface. */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import { printFile, tsDoc, type GeneratedFile } from '../typescript.js';
import { memberProperty, shapeDeclarations, shapeImports } from '../types/shapes.js';
import { requestType, responseType } from './names.js';

const { StructureKind } = tsMorph;

export function emitModels(model: ServiceModel, header: string): GeneratedFile;
/** @deprecated Enum names come from the symbol table; the second argument is ignored. */
export function emitModels(model: ServiceModel, enums: unknown, header: string): GeneratedFile;
export function emitModels(model: ServiceModel, ...rest: [string] | [unknown, string]): GeneratedFile {
  const header = rest.length === 1 ? rest[0] : rest[1];
  const statements: (StatementStructures | WriterFunction)[] = [...shapeImports(model), ...shapeDeclarations(model)];
  for (const operation of model.operations) {
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: requestType(operation),
      docs: [tsDoc(`Input of ${operation.name}.`)],
      properties: operation.request.map((member) => memberProperty(model, member)),
    });
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: responseType(operation),
      docs: [tsDoc(`Output of ${operation.name}.`)],
      // The service may leave out any output member, as the AWS SDK types them.
      properties: operation.response.map((member) => memberProperty(model, member, false)),
    });
  }
  return printFile('client/src/models.ts', header, statements);
}
