/** `server/models.ts`: each operation's input and output as the implementation sees them, built on the base types. */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { Member, Operation, ServiceModel } from '../../model/ir.js';
import { propertyName } from '../identifiers.js';
import { printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { inputType, outputType } from './names.js';

const { StructureKind } = tsMorph;

/** Where openapi-typescript put a member's type, so the server shares the base types. */
function baseTypeOf(operation: Operation, member: Member): string {
  if (member.location === 'body') return `NonNullable<operations[${quote(operation.name)}]['requestBody']>['content']['application/json'][${quote(member.name)}]`;
  return `NonNullable<operations[${quote(operation.name)}]['parameters'][${quote(member.location)}]>[${quote(member.wireName)}]`;
}

export function emitModels(model: ServiceModel, header: string): GeneratedFile {
  const statements: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../types.js', namedImports: ['operations'] },
  ];
  for (const operation of model.operations) {
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: inputType(operation),
      docs: [tsDoc(`Input of ${operation.name}: path labels, query members and body members together, as the implementation receives them after validation.`)],
      properties: operation.input.map((member) => ({
        name: propertyName(member.name),
        hasQuestionToken: !member.required,
        type: member.required ? `NonNullable<${baseTypeOf(operation, member)}>` : baseTypeOf(operation, member),
        docs: member.documentation ? [tsDoc(member.documentation)] : undefined,
      })),
    });
    statements.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: outputType(operation),
      docs: [tsDoc(`What the implementation returns for ${operation.name}; sent with status ${operation.successStatus}.`)],
      type: operation.output.length
        ? `operations[${quote(operation.name)}]['responses'][${operation.successStatus}]['content']['application/json']`
        : 'void',
    });
  }
  return printFile('server/models.ts', header, statements);
}
