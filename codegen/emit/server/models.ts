/** `server/models.ts`: the types of every shape the operations use, and each operation's input and output as the implementation sees them. */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import { printFile, tsDoc, type GeneratedFile } from '../typescript.js';
import { memberProperty, shapeDeclarations, shapeImports } from '../types/shapes.js';
import { inputType, outputType } from './names.js';

const { StructureKind } = tsMorph;

export function emitModels(model: ServiceModel, header: string): GeneratedFile {
  const statements: (StatementStructures | WriterFunction)[] = [...shapeImports(model), ...shapeDeclarations(model)];
  for (const operation of model.operations) {
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: inputType(operation),
      docs: [tsDoc(`Input of ${operation.name}: path labels, query members, headers and body members together, as the implementation receives them after validation.`)],
      properties: operation.request.map((member) => memberProperty(model, member)),
    });
    const docs = [tsDoc(`What the implementation returns for ${operation.name}; sent with status ${operation.successStatus}.`)];
    statements.push(
      operation.response.length
        ? { kind: StructureKind.Interface, isExported: true, name: outputType(operation), docs, properties: operation.response.map((member) => memberProperty(model, member, false)) }
        : { kind: StructureKind.TypeAlias, isExported: true, name: outputType(operation), docs, type: 'void' },
    );
  }
  return printFile('server/models.ts', header, statements);
}
