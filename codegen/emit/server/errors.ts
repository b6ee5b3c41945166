/** `server/errors.ts`: every error the server can answer with, as a description the protocol runtime renders. */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ErrorShape, ServiceModel } from '../../model/ir.js';
import { allErrors } from '../../model/queries.js';
import { constant, importOf, multiline, printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { TextCodecs } from '../rest-json1/http-text.js';
import type { JsonCodecs } from '../rest-json1/json.js';
import { referencedTypes } from '../types/shapes.js';
import { errorConstant } from './names.js';

const { StructureKind, VariableDeclarationKind } = tsMorph;

function errorDescription(model: ServiceModel, error: ErrorShape, json: JsonCodecs, text: TextCodecs): string {
  const members = error.members.map((m, i) => {
    const bound = error.bound[i];
    const parts = [`name: ${quote(m.name)}`];
    if (m.headerName) parts.push(`header: ${quote(m.headerName)}`);
    if (m.location === 'body' && m.jsonName !== m.name) parts.push(`jsonName: ${quote(m.jsonName)}`);
    if (m.defaultValue !== undefined) parts.push(`defaultValue: ${quote(m.defaultValue)}`);
    if (m.name === error.messageMember) parts.push('isMessage: true');
    // Members JSON or a header does not carry as they are (timestamps, blobs, nested shapes) say how.
    const encoded = m.location === 'header' ? text.headerText(bound, 'value') : json.write(m.target, 'value', bound);
    // The runtime writes a header with String(value) already.
    if (encoded && encoded !== 'value' && encoded !== 'String(value)') parts.push(`encode: (value: ${model.symbols.shapeType(m.target)}) => ${encoded}`);
    return `{ ${parts.join(', ')} }`;
  });
  return `{ name: ${quote(error.name)}, status: ${error.status}, fault: ${quote(error.fault)}, members: [${members.join(', ')}] }`;
}

export function emitErrors(model: ServiceModel, header: string, json: JsonCodecs): GeneratedFile {
  const all = allErrors(model);
  const internal = model.errors.find((e) => e.fault === 'server' && e.status === 500);
  const text = new TextCodecs(model);
  const descriptions = new Map(all.map((error) => [error.name, errorDescription(model, error, json, text)]));
  const code = [...descriptions.values()].join('\n');
  const wire = [...new Set([...json.helpers, ...text.helpers])].filter((name) => new RegExp(`\\b${name}\\(`).test(code)).sort();
  // Called, or passed to `map` as a function: either way it must be imported.
  const serde = [...new Set(code.match(/\bse_[A-Za-z0-9_$]+/g) ?? [])].sort();
  const types = referencedTypes(model, code.match(/\(value: [^)]*\)/g) ?? []);
  const statements: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './http.js', namedImports: ['ErrorDescription', 'ProtocolSettings'] },
    ...importOf('./wire.js', wire),
    ...importOf('./serde.js', serde),
    ...importOf('./models.js', types, true),
    ...all.map(
      (error): StatementStructures => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [tsDoc(error.documentation, `Status ${error.status}, ${error.fault} fault.`)],
        declarations: [{ name: errorConstant(error), type: 'ErrorDescription', initializer: descriptions.get(error.name)! }],
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
