/**
 * `server/operations/<Operation>.ts`: the handler of one operation: decode (restJson1 bindings
 * from ../rest-json1/server.ts), validate, call the implementation, answer.
 */
import type { WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { Operation, ServiceModel } from '../../model/ir.js';
import { operationErrors } from '../../model/queries.js';
import { propertyName } from '../../model/symbols.js';
import type { JsonCodecs } from '../rest-json1/json.js';
import { decodeRequest, encodeResponse } from '../rest-json1/server.js';
import { constant, importOf, multiline, printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { validatorName } from '../validators/names.js';
import { errorConstant, errorTableName, handlerName, implementationName, inputType } from './names.js';

const { StructureKind } = tsMorph;

export function emitOperation(model: ServiceModel, operation: Operation, header: string, json: JsonCodecs): GeneratedFile {
  const errors = operationErrors(model, operation);
  const tableName = errorTableName(operation);
  const implementation = implementationName(model);
  const decode = decodeRequest(model, operation, json);
  const encode = encodeResponse(model, operation, json);
  const wire = [...new Set([...decode.wire, ...encode.wire])].sort();
  const serde = [...new Set([...decode.serde, ...encode.serde])].sort();
  const call = operation.response.length ? `const output = await implementation.${operation.name}(input as ${inputType(operation)}, context);` : `await implementation.${operation.name}(input as ${inputType(operation)}, context);`;

  const body: (string | WriterFunction)[] = [
    (writer) => {
      writer.writeLine('try {');
      writer.indent(() => {
        decode.lines.forEach((line) => writer.writeLine(line));
        writer.writeLine(`const violations = ${validatorName(operation)}(input);`);
        writer.writeLine('if (violations.length > 0) {');
        writer.indent(() => {
          writer.writeLine('// Constraint checks come before the implementation sees anything, as in the service.');
          writer.writeLine('return validationFailure(renderViolations(violations), PROTOCOL_SETTINGS, context);');
        });
        writer.writeLine('}');
        writer.writeLine('// The validator has checked every member\'s presence and type.');
        writer.writeLine(call);
        encode.lines.forEach((line) => writer.writeLine(line));
      });
      writer.writeLine('} catch (error) {');
      writer.indent(() => writer.writeLine(`return errorResponse(error, ${tableName}, PROTOCOL_SETTINGS, context);`));
      writer.writeLine('}');
    },
  ];

  const httpImports = [...new Set(['errorResponse', ...encode.helpers, 'validationFailure', 'type ErrorDescription', 'type RequestContext', 'type ServerRequest', 'type ServerResponse', ...decode.helpers])];
  return printFile(`server/operations/${operation.name}.ts`, header, [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../../validators/index.js', namedImports: [validatorName(operation), 'renderViolations'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../http.js', namedImports: httpImports.sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))) },
    ...importOf('../wire.js', wire),
    ...importOf('../serde.js', serde),
    ...importOf('../event-stream.js', encode.events ?? []),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../errors.js', namedImports: [...errors.map(errorConstant), 'PROTOCOL_SETTINGS'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../models.js', namedImports: [inputType(operation)] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../router.js', namedImports: [implementation] },
    constant({
      name: tableName,
      type: 'Readonly<Record<string, ErrorDescription>>',
      docs: `The errors ${operation.name} models, by the name the implementation throws them with.`,
      initializer: multiline('{', errors.map((e) => `${propertyName(e.name)}: ${errorConstant(e)}`)),
    }),
    {
      kind: StructureKind.Function,
      isExported: true,
      isAsync: true,
      name: handlerName(operation),
      docs: [
        tsDoc(
          `Serves \`${operation.method} ${operation.path}\` (${operation.name}).`,
          `Decodes the labels, query and body, validates them against the model (400 ${model.validationError?.name ?? 'validation error'} in the service's wording), calls the implementation, and answers ${operation.successStatus} or a modeled error. Anything else the implementation throws becomes a 500 without internal details.`,
        ),
      ],
      parameters: [
        { name: 'request', type: 'ServerRequest' },
        { name: 'labels', type: 'Readonly<Record<string, string>>' },
        { name: 'implementation', type: `Pick<${implementation}, ${quote(operation.name)}>` },
        { name: 'context', type: 'RequestContext' },
      ],
      returnType: 'Promise<ServerResponse>',
      statements: body,
    },
  ]);
}
