/** `server/router.ts`: the interface an implementation fulfils, the route table and the framework-free request handler. */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import { constant, multiline, printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { handlerName, implementationName, inputType, outputType } from './names.js';

const { StructureKind } = tsMorph;

export function emitRouter(model: ServiceModel, header: string): GeneratedFile {
  const implementation = implementationName(model);
  const routes = model.operations.map((operation) => {
    const segments = operation.path.split('/').map((s) => quote(s));
    return `{ method: ${quote(operation.method)}, segments: [${segments.join(', ')}], handle: ${handlerName(operation)} }`;
  });
  return printFile('server/router.ts', header, [
    ...model.operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: `./operations/${operation.name}.js`,
        namedImports: [handlerName(operation)],
      }),
    ),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './http.js', namedImports: ['errorResponse', 'matchRoute', 'newRequestContext', 'type RequestContext', 'type Route', 'type ServerRequest', 'type ServerResponse'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: ['PROTOCOL_SETTINGS'] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './models.js',
      namedImports: model.operations.flatMap((o) => [inputType(o), outputType(o)]),
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: implementation,
      docs: [tsDoc(`What a server of ${model.title} must implement: one async method per operation. Inputs arrive validated; throw an error whose \`name\` is one of the operation's modeled errors (with its \`message\` and members) to answer with that error.`)],
      methods: model.operations.map((operation) => ({
        name: operation.name,
        docs: [tsDoc(operation.summary ?? operation.documentation)],
        parameters: [
          { name: 'input', type: inputType(operation) },
          { name: 'context', type: 'RequestContext' },
        ],
        returnType: `Promise<${outputType(operation)}>`,
      })),
    },
    constant({ name: 'ROUTES', type: `readonly Route<${implementation}>[]`, docs: 'Every operation by method and path template.', initializer: multiline('[', routes) }),
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createRequestHandler',
      docs: [tsDoc(`A framework-agnostic handler for every operation of ${model.title}: give it plain requests, get plain responses.`)],
      parameters: [{ name: 'implementation', type: implementation }],
      returnType: '(request: ServerRequest) => Promise<ServerResponse>',
      statements: [
        (writer) => {
          writer.writeLine('return async (request) => {');
          writer.indent(() => {
            writer.writeLine('const context = newRequestContext();');
            writer.writeLine('try {');
            writer.indent(() => {
              writer.writeLine('const { route, labels } = matchRoute(ROUTES, request.method, request.path);');
              writer.writeLine('return await route.handle(request, labels, implementation, context);');
            });
            writer.writeLine('} catch (error) {');
            writer.indent(() => writer.writeLine('return errorResponse(error, {}, PROTOCOL_SETTINGS, context);'));
            writer.writeLine('}');
          });
          writer.writeLine('};');
        },
      ],
    },
  ]);
}
