/** `client/src/commands/<Operation>Command.ts`: one command class per operation, documented with the errors it throws. */
import { tsMorph } from '../libraries.js';
import type { Operation, ServiceModel } from '../../model/ir.js';
import { operationErrors } from '../../model/queries.js';
import { printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { clientNames, commandInputType, commandName, commandOutputType, deserializer, requestType, responseType, serializer } from './names.js';

const { Scope, StructureKind } = tsMorph;

export function emitCommand(model: ServiceModel, operation: Operation, header: string): GeneratedFile {
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
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/serde.js', namedImports: ['serdePlugin'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../models.js', namedImports: [requestType(operation), responseType(operation)] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `../${names.client}.js`,
      namedImports: [names.resolvedConfig, 'ServiceInputTypes', 'ServiceOutputTypes'],
    },
    { kind: StructureKind.Interface, isExported: true, name: commandInputType(operation), extends: [requestType(operation)], docs: [`Input of {@link ${command}}.`] },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: commandOutputType(operation),
      extends: [responseType(operation), '__MetadataBearer'],
      docs: [`Output of {@link ${command}}, with the response metadata.`],
    },
    {
      kind: StructureKind.Class,
      isExported: true,
      name: command,
      extends: `$Command<${commandInputType(operation)}, ${commandOutputType(operation)}, ${names.resolvedConfig}, ServiceInputTypes, ServiceOutputTypes>`,
      docs: [tsDoc(operation.documentation ?? operation.summary, `Sends \`${operation.method} ${operation.path}\`; succeeds with ${operation.successStatus}.`, throwsDocs.join('\n'))],
      ctors: [{ parameters: [{ name: 'input', type: commandInputType(operation), isReadonly: true, scope: Scope.Public }], statements: ['super();'] }],
      methods: [
        {
          name: 'resolveMiddleware',
          docs: ['@internal'],
          parameters: [
            { name: 'clientStack', type: 'MiddlewareStack<ServiceInputTypes, ServiceOutputTypes>' },
            { name: 'configuration', type: names.resolvedConfig },
            { name: 'options', type: '__HttpHandlerOptions', hasQuestionToken: true },
          ],
          returnType: `Handler<${commandInputType(operation)}, ${commandOutputType(operation)}>`,
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
