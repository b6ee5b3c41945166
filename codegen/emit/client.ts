/**
 * Client package emitter: a `<Service>Client`, one `<Operation>Command` per operation, the
 * input/output types, one exception class per modeled error, and restJson1 serializers and
 * deserializers kept apart from the commands, as a package that ships compiled JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from './libraries.js';
import type { ErrorShape, Member, MemberType, Operation, ServiceModel } from '../model/ir.js';
import { clientSymbols } from '../model/names.js';
import { allErrors, operationErrors, ownMembers } from '../model/queries.js';
import { propertyAccess, propertyName } from './identifiers.js';
import { renderTemplate } from './templates.js';
import { constant, generatedHeader, multiline, printFile, quote, tsDoc, type GeneratedFile } from './typescript.js';

const { Scope, StructureKind } = tsMorph;

export interface ClientPackageOptions {
  /** npm package name; defaults to `@permgen/client-<service>`. */
  packageName?: string;
  version: string;
  /** Version ranges of the runtime libraries the package depends on. */
  dependencies: Record<string, string>;
}

const RUNTIME_SUPPORT = new URL('../support/client/runtime.ts', import.meta.url);

export const clientNames = (model: ServiceModel) => ({
  client: clientSymbols.client(model.serviceName),
  config: clientSymbols.config(model.serviceName),
  resolvedConfig: clientSymbols.resolvedConfig(model.serviceName),
  baseException: clientSymbols.baseException(model.serviceName),
});
const commandName = (operation: Operation) => clientSymbols.command(operation.name);
const requestType = (operation: Operation) => `${operation.name}Request`;
const responseType = (operation: Operation) => `${operation.name}Response`;
const serializer = (operation: Operation) => `se_${commandName(operation)}`;
const deserializer = (operation: Operation) => `de_${commandName(operation)}`;

const TS_TYPES: Record<MemberType, string> = { string: 'string', boolean: 'boolean', integer: 'number', number: 'number' };
const EXPECT: Record<MemberType, string> = { string: 'expectString', boolean: 'expectBoolean', integer: 'expectInt32', number: 'expectNumber' };

export function defaultPackageName(model: ServiceModel): string {
  return `@permgen/client-${model.serviceName.toLowerCase()}`;
}

export function emitClient(model: ServiceModel, options: ClientPackageOptions): GeneratedFile[] {
  const header = generatedHeader(model);
  const enums = enumNames(model);
  const packageName = options.packageName ?? defaultPackageName(model);
  const names = clientNames(model);
  const view = {
    packageName,
    version: options.version,
    title: model.title,
    serviceName: model.serviceName,
    client: names.client,
    apiVersion: model.apiVersion,
    description: `Typed client for ${model.title} (${model.operations.map((o) => o.name).join(', ')}), generated from an OpenAPI model.`,
    dependencies: Object.entries(options.dependencies)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, range], i, all) => ({ name, range, last: i === all.length - 1 })),
    operations: model.operations.map((o) => ({ name: o.name, command: commandName(o), summary: o.summary ?? '', method: o.method, path: o.path })),
    errors: allErrors(model).map((e) => ({ name: e.name, status: e.status, fault: e.fault })),
    example: exampleCall(model),
    sources: model.sources,
  };
  return [
    { path: 'client/package.json', content: renderTemplate('client-package.json', view) },
    { path: 'client/tsconfig.json', content: renderTemplate('client-tsconfig.json', view) },
    { path: 'client/README.md', content: renderTemplate('client-README.md', { ...view, header: generatedHeader(model, '//').replace(/^\/\/ /gm, '') }) },
    { path: 'client/src/runtime.ts', content: `${header}\n${readFileSync(RUNTIME_SUPPORT, 'utf8')}` },
    emitModels(model, enums, header),
    emitErrors(model, header),
    emitProtocol(model, enums, header),
    ...model.operations.map((operation) => emitCommand(model, operation, header)),
    emitClientClass(model, header),
    emitIndex(model, header),
  ];
}

/** Enum types are named after their member; the operation name is added only to tell two apart. */
function enumNames(model: ServiceModel): Map<Member, string> {
  const byMemberName = new Map<string, Set<string>>();
  for (const operation of model.operations) {
    for (const member of [...operation.input, ...operation.output]) {
      if (!member.constraints.enum) continue;
      const values = byMemberName.get(member.name) ?? new Set<string>();
      values.add(JSON.stringify(member.constraints.enum));
      byMemberName.set(member.name, values);
    }
  }
  const names = new Map<Member, string>();
  for (const operation of model.operations) {
    for (const member of [...operation.input, ...operation.output]) {
      if (!member.constraints.enum) continue;
      names.set(member, byMemberName.get(member.name)!.size > 1 ? `${operation.name}${member.name}` : member.name);
    }
  }
  return names;
}

function memberType(member: Member, enums: Map<Member, string>): string {
  return enums.get(member) ?? TS_TYPES[member.type];
}

function memberDocs(member: Member): string[] | undefined {
  const constraints: string[] = [];
  const { minLength, maxLength, pattern } = member.constraints;
  if (minLength !== undefined || maxLength !== undefined) constraints.push(`Length: ${minLength ?? 0} to ${maxLength ?? 'unbounded'} characters.`);
  if (pattern) constraints.push(`Pattern: \`${pattern.documented.replace(/`/g, "'")}\` (whole value).`);
  const text = tsDoc(member.documentation, constraints.join(' '));
  return text ? [text] : undefined;
}

function emitModels(model: ServiceModel, enums: Map<Member, string>, header: string): GeneratedFile {
  const statements: (StatementStructures | WriterFunction)[] = [];
  const emitted = new Set<string>();
  for (const [member, name] of enums) {
    if (emitted.has(name)) continue;
    emitted.add(name);
    const values = member.constraints.enum!;
    statements.push(
      constant({
        name,
        exported: true,
        docs: `The values ${member.name} accepts.`,
        initializer: multiline('{', values.map((v) => `${propertyName(v)}: ${quote(v)}`), ' as const'),
      }),
      { kind: StructureKind.TypeAlias, isExported: true, name, type: `(typeof ${name})[keyof typeof ${name}]` },
    );
  }
  for (const operation of model.operations) {
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: requestType(operation),
      docs: [tsDoc(`Input of ${operation.name}.`)],
      properties: operation.input.map((member) => ({
        name: propertyName(member.name),
        hasQuestionToken: !member.required,
        type: memberType(member, enums),
        docs: memberDocs(member),
      })),
    });
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: responseType(operation),
      docs: [tsDoc(`Output of ${operation.name}.`)],
      properties: operation.output.map((member) => ({
        name: propertyName(member.name),
        hasQuestionToken: true,
        type: memberType(member, enums),
        docs: memberDocs(member),
      })),
    });
  }
  return printFile('client/src/models.ts', header, statements);
}

function emitErrors(model: ServiceModel, header: string): GeneratedFile {
  const { baseException } = clientNames(model);
  const errors = allErrors(model);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@smithy/core/client',
      namedImports: ['ServiceException as __ServiceException', 'type ExceptionOptionType as __ExceptionOptionType', 'type ServiceExceptionOptions as __ServiceExceptionOptions'],
    },
    {
      kind: StructureKind.Class,
      isExported: true,
      name: baseException,
      extends: '__ServiceException',
      docs: [tsDoc(`Base of every exception ${model.title} answers with. Errors the model does not know arrive as this class, named as the service named them.`)],
      ctors: [
        {
          parameters: [{ name: 'options', type: '__ServiceExceptionOptions' }],
          statements: ['super(options);', `Object.setPrototypeOf(this, ${baseException}.prototype);`],
        },
      ],
    },
  ];
  for (const error of errors) {
    const own = ownMembers(error);
    statements.push({
      kind: StructureKind.Class,
      isExported: true,
      name: error.name,
      extends: baseException,
      docs: [tsDoc(error.documentation, `HTTP status ${error.status} (${error.fault} fault).`)],
      properties: [
        { name: 'name', scope: Scope.Public, isReadonly: true, type: quote(error.name), initializer: quote(error.name) },
        { name: '$fault', scope: Scope.Public, isReadonly: true, type: quote(error.fault), initializer: quote(error.fault) },
        ...own.map((m) => ({ name: propertyName(m.name), hasQuestionToken: true, type: TS_TYPES[m.type], docs: m.documentation ? [tsDoc(m.documentation)] : undefined })),
      ],
      ctors: [
        {
          docs: ['@internal'],
          parameters: [{ name: 'options', type: `__ExceptionOptionType<${error.name}, ${baseException}>` }],
          statements: [
            `super({ name: ${quote(error.name)}, $fault: ${quote(error.fault)}, ...options });`,
            `Object.setPrototypeOf(this, ${error.name}.prototype);`,
            ...own.map((m) => `${propertyAccess('this', m.name)} = ${propertyAccess('options', m.name)};`),
          ],
        },
      ],
    });
  }
  return printFile('client/src/errors.ts', header, statements);
}

function emitProtocol(model: ServiceModel, enums: Map<Member, string>, header: string): GeneratedFile {
  const { baseException } = clientNames(model);
  const protocolErrors = model.validationError ? [model.validationError] : [];
  const usedErrors = new Set<string>();
  const expects = new Set<string>();
  const runtimeHelpers = new Set<string>(['buildHttpRequest', 'readError', 'readJsonBody', 'responseMetadata']);
  const statements: StatementStructures[] = [];

  for (const operation of model.operations) {
    const labels = operation.input.filter((m) => m.location === 'path');
    const query = operation.input.filter((m) => m.location === 'query');
    const headers = operation.input.filter((m) => m.location === 'header');
    const body = operation.input.filter((m) => m.location === 'body');
    let path = operation.path;
    if (labels.length) runtimeHelpers.add('encodeLabel');
    for (const label of labels) path = path.replace(`{${label.wireName}}`, `\${encodeLabel(${propertyAccess('input', label.name)}, ${quote(label.name)})}`);
    const parts = [`method: ${quote(operation.method)}`, `path: \`${path}\``];
    if (query.length) parts.push(`query: {\n${query.map((m) => `    ${propertyName(m.wireName)}: ${stringified(m, 'input')},`).join('\n')}\n  }`);
    if (body.length) parts.push(`body: {\n${body.map((m) => `    ${propertyName(m.wireName)}: ${propertyAccess('input', m.name)},`).join('\n')}\n  }`);
    const headerStatements = headers.length
      ? [
          `const request = await buildHttpRequest(config, {\n  ${parts.join(',\n  ')},\n});`,
          ...headers.map((m) => `if (${propertyAccess('input', m.name)} !== undefined) request.headers[${quote(m.wireName.toLowerCase())}] = ${stringified(m, 'input')}!;`),
          'return request;',
        ]
      : [`return buildHttpRequest(config, {\n  ${parts.join(',\n  ')},\n});`];
    statements.push({
      kind: StructureKind.Function,
      isExported: true,
      isAsync: true,
      name: serializer(operation),
      docs: [tsDoc(`Serializes ${operation.name}: labels percent-encoded into \`${operation.path}\`${query.length ? ', query members' : ''}${body.length ? ', and a JSON body of the members that are set' : ''}.`)],
      parameters: [
        { name: 'input', type: `${commandName(operation)}Input` },
        { name: 'config', type: 'ResolvedClientConfig' },
      ],
      returnType: 'Promise<__HttpRequest>',
      statements: headerStatements,
    });

    const outputMembers = operation.output.map((m) => {
      expects.add(EXPECT[m.type]);
      const read = `${EXPECT[m.type]}(${propertyAccess('data', m.wireName)})`;
      return `  ${propertyName(m.name)}: ${enums.has(m) ? `${read} as ${enums.get(m)} | undefined` : read},`;
    });
    statements.push({
      kind: StructureKind.Function,
      isExported: true,
      isAsync: true,
      name: deserializer(operation),
      docs: [tsDoc(`Deserializes ${operation.name}: ${operation.successStatus} with its output, or throws the error the response names.`)],
      parameters: [
        { name: 'response', type: '__HttpResponse' },
        { name: 'config', type: 'ResolvedClientConfig' },
      ],
      returnType: `Promise<${commandName(operation)}Output>`,
      statements: [
        `if (response.statusCode >= 300) return ${deserializer(operation)}Error(response, config);`,
        ...(operation.output.length
          ? ['const data = await readJsonBody(response);', `return {\n  $metadata: responseMetadata(response),\n${outputMembers.join('\n')}\n};`]
          : ['await readJsonBody(response);', 'return { $metadata: responseMetadata(response) };']),
      ],
    });

    const errors = [...operationErrors(model, operation), ...protocolErrors];
    errors.forEach((e) => usedErrors.add(e.name));
    const cases = errors.map((error) => `  case ${quote(error.name)}:\n    throw new ${error.name}(${errorInit(error, expects, runtimeHelpers)});`);
    statements.push({
      kind: StructureKind.Function,
      isAsync: true,
      name: `${deserializer(operation)}Error`,
      docs: [tsDoc(`The errors ${operation.name} models, by the name the response gives; any other name becomes a plain ${baseException}.`)],
      parameters: [
        { name: 'response', type: '__HttpResponse' },
        { name: 'config', type: 'ResolvedClientConfig' },
      ],
      returnType: 'Promise<never>',
      statements: [
        'const { name, body, message } = await readError(response, config);',
        'const $metadata = responseMetadata(response);',
        `switch (name) {\n${cases.join('\n')}\n  default:\n    throw new ${baseException}({ name, $fault: response.statusCode >= 500 ? 'server' : 'client', $metadata, message });\n}`,
      ],
    });
  }

  return printFile('client/src/protocol.ts', header, [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '@smithy/types',
      namedImports: ['HttpRequest as __HttpRequest', 'HttpResponse as __HttpResponse'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './runtime.js',
      namedImports: [...runtimeHelpers, ...expects].sort().concat('type ResolvedClientConfig'),
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: [baseException, ...[...usedErrors].sort()] },
    ...model.operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: `./commands/${commandName(operation)}.js`,
        namedImports: [`${commandName(operation)}Input`, `${commandName(operation)}Output`],
      }),
    ),
    ...(enums.size && model.operations.some((o) => o.output.some((m) => enums.has(m)))
      ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './models.js', namedImports: [...new Set(model.operations.flatMap((o) => o.output.filter((m) => enums.has(m)).map((m) => enums.get(m)!)))] } as StatementStructures]
      : []),
    ...statements,
  ]);
}

/** Query strings and headers carry text: booleans and numbers are written out. */
function stringified(member: Member, object: string): string {
  const access = propertyAccess(object, member.name);
  return member.type === 'string' ? access : `${access} === undefined ? undefined : String(${access})`;
}

/** Runtime helpers that read a header-bound error member as its type. */
const HEADER_READERS: Record<MemberType, string | undefined> = { string: undefined, boolean: 'headerBoolean', integer: 'headerNumber', number: 'headerNumber' };

function errorInit(error: ErrorShape, expects: Set<string>, runtimeHelpers: Set<string>): string {
  const members = ownMembers(error).map((m) => {
    if (m.location === 'header') {
      runtimeHelpers.add('responseHeader');
      const header = `responseHeader(response, ${quote(m.headerName!)})`;
      const reader = HEADER_READERS[m.type];
      if (reader) runtimeHelpers.add(reader);
      return `${propertyName(m.name)}: ${reader ? `${reader}(${header})` : header}`;
    }
    expects.add(EXPECT[m.type]);
    return `${propertyName(m.name)}: ${EXPECT[m.type]}(${propertyAccess('body', m.name)})`;
  });
  return `{ $metadata, message${members.length ? `, ${members.join(', ')}` : ''} }`;
}

function emitCommand(model: ServiceModel, operation: Operation, header: string): GeneratedFile {
  const names = clientNames(model);
  const command = commandName(operation);
  const errors = operationErrors(model, operation);
  const throwsDocs = [
    ...errors.map((e) => `@throws {@link ${e.name}} (${e.fault} fault, ${e.status})${e.documentation ? ` ${firstSentence(e.documentation)}` : ''}`),
    ...(model.validationError ? [`@throws {@link ${model.validationError.name}} (${model.validationError.status}) when a member breaks a constraint of the model.`] : []),
    `@throws {@link ${names.baseException}} for any other error the service names.`,
  ];
  return printFile(`client/src/commands/${command}.ts`, header, [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@smithy/core/client', namedImports: ['Command as $Command'] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '@smithy/types',
      namedImports: ['Handler', 'HttpHandlerOptions as __HttpHandlerOptions', 'MetadataBearer as __MetadataBearer', 'MiddlewareStack'],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../protocol.js', namedImports: [deserializer(operation), serializer(operation)] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime.js', namedImports: ['serdePlugin'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../models.js', namedImports: [requestType(operation), responseType(operation)] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `../${names.client}.js`,
      namedImports: [names.resolvedConfig, 'ServiceInputTypes', 'ServiceOutputTypes'],
    },
    { kind: StructureKind.Interface, isExported: true, name: `${command}Input`, extends: [requestType(operation)], docs: [`Input of {@link ${command}}.`] },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: `${command}Output`,
      extends: [responseType(operation), '__MetadataBearer'],
      docs: [`Output of {@link ${command}}, with the response metadata.`],
    },
    {
      kind: StructureKind.Class,
      isExported: true,
      name: command,
      extends: `$Command<${command}Input, ${command}Output, ${names.resolvedConfig}, ServiceInputTypes, ServiceOutputTypes>`,
      docs: [tsDoc(operation.documentation ?? operation.summary, `Sends \`${operation.method} ${operation.path}\`; succeeds with ${operation.successStatus}.`, throwsDocs.join('\n'))],
      ctors: [{ parameters: [{ name: 'input', type: `${command}Input`, isReadonly: true, scope: Scope.Public }], statements: ['super();'] }],
      methods: [
        {
          name: 'resolveMiddleware',
          docs: ['@internal'],
          parameters: [
            { name: 'clientStack', type: 'MiddlewareStack<ServiceInputTypes, ServiceOutputTypes>' },
            { name: 'configuration', type: names.resolvedConfig },
            { name: 'options', type: '__HttpHandlerOptions', hasQuestionToken: true },
          ],
          returnType: `Handler<${command}Input, ${command}Output>`,
          statements: [
            `return this.resolveMiddlewareWithContext(clientStack, configuration, options, {
  middlewareFn: () => [serdePlugin(configuration, ${serializer(operation)}, ${deserializer(operation)})],
  clientName: ${quote(names.client)},
  commandName: ${quote(command)},
  smithyContext: { service: ${quote(model.serviceName)}, operation: ${quote(operation.name)} },
  additionalContext: {},
  inputFilterSensitiveLog: (input: unknown) => input,
  outputFilterSensitiveLog: (output: unknown) => output,
  CommandCtor: ${command},
});`,
          ],
        },
      ],
    },
  ]);
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](\s|$)/.exec(text.trim());
  return (match ? match[0] : text).trim().replace(/\s+/g, ' ');
}

function emitClientClass(model: ServiceModel, header: string): GeneratedFile {
  const names = clientNames(model);
  const defaults = [
    `apiVersion: ${quote(model.apiVersion)}`,
    `signingName: ${quote(model.signingName ?? model.serviceName.toLowerCase())}`,
    ...(model.endpoint ? [`endpointTemplate: ${quote(model.endpoint.url)}`, `endpointDefaults: { ${Object.entries(model.endpoint.defaults).map(([k, v]) => `${propertyName(k)}: ${quote(v)}`).join(', ')} }`] : []),
    `errorTypeHeader: ${quote(model.errorTypeHeader)}`,
  ];
  return printFile(`client/src/${names.client}.ts`, header, [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@smithy/core/client', namedImports: ['Client as __Client'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '@smithy/types', namedImports: ['HttpHandlerOptions as __HttpHandlerOptions'] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './runtime.js',
      namedImports: ['resolveClientConfig', 'signingMiddleware', 'type ClientConfig', 'type ResolvedClientConfig', 'type ServiceDefaults'],
    },
    ...model.operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: `./commands/${commandName(operation)}.js`,
        namedImports: [`${commandName(operation)}Input`, `${commandName(operation)}Output`],
      }),
    ),
    { kind: StructureKind.TypeAlias, isExported: true, name: 'ServiceInputTypes', docs: ['Every command input of this client.'], type: model.operations.map((o) => `${commandName(o)}Input`).join(' | ') },
    { kind: StructureKind.TypeAlias, isExported: true, name: 'ServiceOutputTypes', docs: ['Every command output of this client.'], type: model.operations.map((o) => `${commandName(o)}Output`).join(' | ') },
    { kind: StructureKind.Interface, isExported: true, name: names.config, extends: ['ClientConfig'], docs: [`Configuration of {@link ${names.client}}.`] },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: names.resolvedConfig,
      extends: ['ResolvedClientConfig'],
      docs: [`{@link ${names.config}} with every default filled in.`],
    },
    constant({ name: 'SERVICE_DEFAULTS', type: 'ServiceDefaults', docs: 'What the model says about the service itself.', initializer: multiline('{', defaults) }),
    {
      kind: StructureKind.Class,
      isExported: true,
      name: names.client,
      extends: `__Client<__HttpHandlerOptions, ServiceInputTypes, ServiceOutputTypes, ${names.resolvedConfig}>`,
      docs: [
        tsDoc(
          model.documentation,
          `Client for ${model.title} (API version ${model.apiVersion}). Send one of its commands: ${model.operations.map((o) => `{@link ${commandName(o)}}`).join(', ')}.`,
        ),
      ],
      properties: [{ name: 'config', scope: Scope.Public, isReadonly: true, type: names.resolvedConfig }],
      ctors: [
        {
          parameters: [{ name: 'configuration', type: names.config, initializer: '{}' }],
          statements: [
            'const config = resolveClientConfig(configuration, SERVICE_DEFAULTS);',
            'super(config);',
            'this.config = config;',
            "this.middlewareStack.add(signingMiddleware(config), { step: 'finalizeRequest', name: 'sigv4SigningMiddleware', override: true });",
          ],
        },
      ],
    },
  ]);
}

function emitIndex(model: ServiceModel, header: string): GeneratedFile {
  const names = clientNames(model);
  return printFile('client/src/index.ts', header, [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${names.client}.js` },
    ...model.operations.map((o): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./commands/${commandName(o)}.js` })),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './models.js' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './errors.js' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime.js', namedExports: ['type ClientConfig'] },
  ]);
}

/** A short usage example for the README, built from the first operation with a body. */
function exampleCall(model: ServiceModel): { command: string; input: string } | undefined {
  const operation = model.operations.find((o) => o.input.some((m) => m.location === 'body')) ?? model.operations[0];
  if (!operation) return undefined;
  const input = operation.input
    .filter((m) => m.required)
    .map((m) => `  ${propertyName(m.name)}: ${m.constraints.enum ? quote(m.constraints.enum[0]) : m.type === 'string' ? quote('…') : m.type === 'boolean' ? 'true' : '1'},`)
    .join('\n');
  return { command: commandName(operation), input };
}
