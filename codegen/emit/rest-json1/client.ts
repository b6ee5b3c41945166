/**
 * restJson1, client side: `client/src/protocol.ts`, one serializer and one deserializer per
 * operation (labels, query, headers and JSON body; output members read as their types; errors by
 * name), kept apart from the commands as SDK v3 does. The wire helpers they call ship with the
 * client runtime (`client/runtime/rest-json1.ts`).
 */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ErrorShape, Member, MemberType, ServiceModel } from '../../model/ir.js';
import { operationErrors, ownMembers } from '../../model/queries.js';
import { propertyAccess, propertyName } from '../../model/symbols.js';
import { printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { clientNames, commandInputType, commandName, commandOutputType, deserializer, serializer } from '../client/names.js';

const { StructureKind } = tsMorph;

/** The value reader (client runtime `values.ts`) for a JSON member of each type. */
const EXPECT: Record<MemberType, string> = { string: 'expectString', boolean: 'expectBoolean', integer: 'expectInt32', number: 'expectNumber' };

export function emitClientProtocol(model: ServiceModel, enums: Map<Member, string>, header: string): GeneratedFile {
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
        { name: 'input', type: commandInputType(operation) },
        { name: 'config', type: 'ResolvedClientConfig' },
      ],
      returnType: 'Promise<__HttpRequest>',
      statements: headerStatements,
    });

    const outputMembers = operation.output.map((m) => {
      expects.add(EXPECT[m.type]);
      const read = `${EXPECT[m.type]}(${jsonMember('data', m.wireName)})`;
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
      returnType: `Promise<${commandOutputType(operation)}>`,
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
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/config.js', namedImports: ['ResolvedClientConfig'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/rest-json1.js', namedImports: [...runtimeHelpers].sort() },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/values.js', namedImports: [...expects].sort() },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: [baseException, ...[...usedErrors].sort()] },
    ...model.operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: `./commands/${commandName(operation)}.js`,
        namedImports: [commandInputType(operation), commandOutputType(operation)],
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
    return `${propertyName(m.name)}: ${EXPECT[m.type]}(${jsonMember('body', m.name)})`;
  });
  return `{ $metadata, message${members.length ? `, ${members.join(', ')}` : ''} }`;
}

/** A member of a parsed JSON body (a string-keyed record), read with brackets as `noPropertyAccessFromIndexSignature` asks. */
function jsonMember(object: string, name: string): string {
  return `${object}[${quote(name)}]`;
}
