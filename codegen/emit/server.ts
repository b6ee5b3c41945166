/**
 * Server stubs emitter: a framework-agnostic handler per operation (decode, validate, call the
 * implementation, serialize), a router, a `node:http` adapter, and the error table.
 */
import { readFileSync } from 'node:fs';
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from './libraries.js';
import type { ErrorShape, Member, Operation, ServiceModel } from '../model/ir.js';
import { allErrors, operationErrors } from '../model/queries.js';
import { constantCase } from '../model/names.js';
import { propertyAccess, propertyName } from './identifiers.js';
import { constant, generatedHeader, multiline, printFile, quote, tsDoc, type GeneratedFile } from './typescript.js';
import { validatorName } from './validators.js';

const { StructureKind, VariableDeclarationKind } = tsMorph;

const support = (file: string) => readFileSync(new URL(`../support/server/${file}`, import.meta.url), 'utf8');

export const implementationName = (model: ServiceModel) => `${model.serviceName}Implementation`;
const inputType = (operation: Operation) => `${operation.name}Input`;
const outputType = (operation: Operation) => `${operation.name}Output`;
const handlerName = (operation: Operation) => `handle${operation.name}`;
const errorConstant = (error: ErrorShape) => constantCase(error.name);

export function emitServer(model: ServiceModel): GeneratedFile[] {
  const header = generatedHeader(model);
  return [
    { path: 'server/http.ts', content: `${header}\n${support('http.ts')}` },
    { path: 'server/node-http.ts', content: `${header}\n${support('node-http.ts')}` },
    emitModels(model, header),
    emitErrors(model, header),
    ...model.operations.map((operation) => emitOperation(model, operation, header)),
    emitRouter(model, header),
    emitNodeAdapter(model, header),
    printFile('server/index.ts', header, [
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './models.js' },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './errors.js' },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './router.js' },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './node.js' },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './http.js',
        namedExports: ['ProtocolError', 'type RequestContext', 'type ServerRequest', 'type ServerResponse'],
      },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './node-http.js', namedExports: ['type NodeListenerOptions', 'type ResponseLogEntry'] },
    ]),
  ];
}

/** Where openapi-typescript put a member's type, so the server shares the base types. */
function baseTypeOf(operation: Operation, member: Member): string {
  if (member.location === 'body') return `NonNullable<operations[${quote(operation.name)}]['requestBody']>['content']['application/json'][${quote(member.name)}]`;
  return `NonNullable<operations[${quote(operation.name)}]['parameters'][${quote(member.location)}]>[${quote(member.wireName)}]`;
}

function emitModels(model: ServiceModel, header: string): GeneratedFile {
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

function emitErrors(model: ServiceModel, header: string): GeneratedFile {
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

/** Which decoder turns a label, query or header text into the member's type, if any. */
function parameterDecoder(member: Member): string | undefined {
  if (member.location === 'body') return undefined;
  return member.type === 'boolean' ? 'booleanParameter' : member.type === 'integer' || member.type === 'number' ? 'numberParameter' : undefined;
}

function inputInitializer(operation: Operation): string {
  const read = (member: Member) => {
    const decoder = parameterDecoder(member);
    return decoder ? `${decoder}(${text(member)})` : text(member);
  };
  const text = (member: Member) => {
    switch (member.location) {
      case 'path':
        return propertyAccess('labels', member.wireName);
      case 'query':
        return `request.query.get(${quote(member.wireName)}) ?? undefined`;
      case 'header':
        return `headerValue(request, ${quote(member.wireName.toLowerCase())})`;
      default:
        return propertyAccess('body', member.name);
    }
  };
  return `{\n${operation.input.map((m) => `  ${propertyName(m.name)}: ${read(m)},`).join('\n')}\n}`;
}

function emitOperation(model: ServiceModel, operation: Operation, header: string): GeneratedFile {
  const hasBody = operation.input.some((m) => m.location === 'body');
  const usesHeaders = operation.input.some((m) => m.location === 'header');
  const errors = operationErrors(model, operation);
  const tableName = `${constantCase(operation.name)}_ERRORS`;
  const implementation = implementationName(model);
  const success = operation.output.length
    ? `return jsonResponse(${operation.successStatus}, {\n${operation.output.map((m) => `  ${propertyName(m.name)}: ${propertyAccess('output', m.name)},`).join('\n')}\n}, context);`
    : `return emptyResponse(${operation.successStatus}, context);`;
  const call = operation.output.length ? `const output = await implementation.${operation.name}(input as ${inputType(operation)}, context);` : `await implementation.${operation.name}(input as ${inputType(operation)}, context);`;

  const body: (string | WriterFunction)[] = [
    (writer) => {
      writer.writeLine('try {');
      writer.indent(() => {
        if (hasBody) writer.writeLine('const body = parseJsonObject(request.body);');
        writer.writeLine(`const input = ${inputInitializer(operation)};`);
        writer.writeLine(`const violations = ${validatorName(operation)}(input);`);
        writer.writeLine('if (violations.length > 0) {');
        writer.indent(() => {
          writer.writeLine('// Constraint checks come before the implementation sees anything, as in the service.');
          writer.writeLine('return validationFailure(renderViolations(violations), PROTOCOL_SETTINGS, context);');
        });
        writer.writeLine('}');
        writer.writeLine('// The validator has checked every member\'s presence and type.');
        writer.writeLine(call);
        writer.writeLine(success);
      });
      writer.writeLine('} catch (error) {');
      writer.indent(() => writer.writeLine(`return errorResponse(error, ${tableName}, PROTOCOL_SETTINGS, context);`));
      writer.writeLine('}');
    },
  ];

  const httpImports = ['errorResponse', operation.output.length ? 'jsonResponse' : 'emptyResponse', 'validationFailure', 'type ErrorDescription', 'type RequestContext', 'type ServerRequest', 'type ServerResponse'];
  if (hasBody) httpImports.push('parseJsonObject');
  if (usesHeaders) httpImports.push('headerValue');
  for (const decoder of new Set(operation.input.map(parameterDecoder))) if (decoder) httpImports.push(decoder);
  return printFile(`server/operations/${operation.name}.ts`, header, [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../../validators/index.js', namedImports: [validatorName(operation), 'renderViolations'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../http.js', namedImports: httpImports.sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))) },
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

function emitRouter(model: ServiceModel, header: string): GeneratedFile {
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

function emitNodeAdapter(model: ServiceModel, header: string): GeneratedFile {
  const implementation = implementationName(model);
  return printFile('server/node.ts', header, [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: 'node:http', namedImports: ['RequestListener'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './node-http.js', namedImports: ['listenerFor', 'type NodeListenerOptions'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './router.js', namedImports: ['createRequestHandler', `type ${implementation}`] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: ['PROTOCOL_SETTINGS'] },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createNodeListener',
      docs: [tsDoc(`A \`node:http\` request listener serving ${model.title} with the given implementation.`, '@example http.createServer(createNodeListener(implementation)).listen(4510, \'127.0.0.1\')')],
      parameters: [
        { name: 'implementation', type: implementation },
        { name: 'options', type: 'NodeListenerOptions', initializer: '{}' },
      ],
      returnType: 'RequestListener',
      statements: ['return listenerFor(createRequestHandler(implementation), PROTOCOL_SETTINGS.errorTypeHeader, options);'],
    },
  ]);
}

