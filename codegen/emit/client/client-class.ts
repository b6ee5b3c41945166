/** `client/src/<Service>Client.ts`: the client class, its configuration types and what the model says about the service. */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import { propertyName } from '../../model/symbols.js';
import { constant, multiline, printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { authSchemesLiteral } from './auth.js';
import { clientNames, commandInputType, commandName, commandOutputType } from './names.js';

const { Scope, StructureKind } = tsMorph;

export function emitClientClass(model: ServiceModel, header: string): GeneratedFile {
  const names = clientNames(model);
  const defaults = [
    `apiVersion: ${quote(model.apiVersion)}`,
    ...(model.signingName ? [`signingName: ${quote(model.signingName)}`] : []),
    `auth: ${authSchemesLiteral(model.graph.service.auth)}`,
    ...(model.endpoint ? [`endpointTemplate: ${quote(model.endpoint.url)}`, `endpointDefaults: { ${Object.entries(model.endpoint.defaults).map(([k, v]) => `${propertyName(k)}: ${quote(v)}`).join(', ')} }`] : []),
    `errorTypeHeader: ${quote(model.errorTypeHeader)}`,
  ];
  return printFile(`client/src/${names.client}.ts`, header, [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@smithy/core/client', namedImports: ['Client as __Client'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '@smithy/types', namedImports: ['HttpHandlerOptions as __HttpHandlerOptions'] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './runtime/config.js',
      namedImports: ['resolveClientConfig', 'type ClientConfig', 'type ResolvedClientConfig', 'type ServiceDefaults'],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/retry.js', namedImports: ['retryPlugin'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/signing.js', namedImports: ['signingMiddleware'] },
    ...model.operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: `./commands/${commandName(operation)}.js`,
        namedImports: [commandInputType(operation), commandOutputType(operation)],
      }),
    ),
    { kind: StructureKind.TypeAlias, isExported: true, name: 'ServiceInputTypes', docs: ['Every command input of this client.'], type: model.operations.map((o) => commandInputType(o)).join(' | ') },
    { kind: StructureKind.TypeAlias, isExported: true, name: 'ServiceOutputTypes', docs: ['Every command output of this client.'], type: model.operations.map((o) => commandOutputType(o)).join(' | ') },
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
            'this.middlewareStack.use(retryPlugin(config));',
            "this.middlewareStack.add(signingMiddleware(config), { step: 'finalizeRequest', name: 'sigv4SigningMiddleware', override: true });",
          ],
        },
      ],
    },
  ]);
}
