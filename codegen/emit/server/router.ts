/** `server/router.ts`: the interface an implementation fulfils, the route table and the framework-free request handler. */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { Operation, ServiceModel } from '../../model/ir.js';
import { constant, multiline, printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { constantQuery, pathTemplate } from '../../model/queries.js';
import { handlerName, implementationName, inputType, outputType } from './names.js';

const { StructureKind } = tsMorph;

export function emitRouter(model: ServiceModel, header: string): GeneratedFile {
  const implementation = implementationName(model);
  // A route that fixes query parameters goes before one that shares its path without them.
  const ordered = [...model.operations].sort((a, b) => Number(constantQuery(b.path).length > 0) - Number(constantQuery(a.path).length > 0));
  const routes = ordered.map((operation) => {
    const segments = pathTemplate(operation.path).split('/').map((s) => quote(s));
    const query = constantQuery(operation.path);
    const fixed = query.length ? `, query: [${query.map(([k, v]) => `[${quote(k)}, ${quote(v)}]`).join(', ')}]` : '';
    return `{ method: ${quote(operation.method)}, segments: [${segments.join(', ')}], handle: ${handlerName(operation)}${fixed} }`;
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
              writer.writeLine('const { route, labels } = matchRoute(ROUTES, request.method, request.path, request.query);');
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
