/** `server/errors.ts`: every error the server can answer with, as a description the protocol runtime renders. */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ErrorShape, ServiceModel } from '../../model/ir.js';
import { allErrors } from '../../model/queries.js';
import { constant, multiline, printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { errorConstant } from './names.js';

const { StructureKind, VariableDeclarationKind } = tsMorph;

function errorDescription(error: ErrorShape): string {
  const members = error.members.map((m) => {
    const parts = [`name: ${quote(m.name)}`];
    if (m.headerName) parts.push(`header: ${quote(m.headerName)}`);
    if (m.defaultValue !== undefined) parts.push(`defaultValue: ${quote(m.defaultValue)}`);
    if (m.name === error.messageMember) parts.push('isMessage: true');
    return `{ ${parts.join(', ')} }`;
  });
  return `{ name: ${quote(error.name)}, status: ${error.status}, fault: ${quote(error.fault)}, members: [${members.join(', ')}] }`;
}

export function emitErrors(model: ServiceModel, header: string): GeneratedFile {
  const all = allErrors(model);
  const internal = model.errors.find((e) => e.fault === 'server' && e.status === 500);
  const statements: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './http.js', namedImports: ['ErrorDescription', 'ProtocolSettings'] },
    ...all.map(
      (error): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [tsDoc(error.documentation, `Status ${error.status}, ${error.fault} fault.`)],
        declarations: [{ name: errorConstant(error), type: 'ErrorDescription', initializer: errorDescription(error) }],
      }),
    ),
    constant({
      name: 'PROTOCOL_SETTINGS',
      type: 'ProtocolSettings',
      exported: true,
      docs: 'How this service names and renders errors that no single operation owns.',
      initializer: multiline('{', [
        `errorTypeHeader: ${quote(model.errorTypeHeader)}`,
        `validationError: ${model.validationError ? errorConstant(model.validationError) : 'undefined'}`,
        `internalError: ${internal ? errorConstant(internal) : 'undefined'}`,
      ]),
    }),
  ];
  return printFile('server/errors.ts', header, statements);
}
