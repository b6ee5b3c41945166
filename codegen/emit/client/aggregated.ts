/**
 * The aggregated client, as the AWS SDK has one per service: `new Lambda(config)` with one method
 * per operation (`operationName(input)`), each sending the operation's command through the same
 * middleware stack. It is a file of its own that only the package index re-exports, and the
 * package declares no side effects, so a bundle of a program that uses `LambdaClient` and commands
 * does not carry it.
 */
import type { MethodDeclarationOverloadStructure, OptionalKind, StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { Operation, ServiceModel } from '../../model/ir.js';
import { clientSymbols } from '../../model/symbols.js';
import { printFile, tsDoc, type GeneratedFile } from '../typescript.js';

const { StructureKind } = tsMorph;

export const aggregatedClientName = (model: ServiceModel): string => clientSymbols.aggregatedClient(model.serviceName);
export const operationMethodName = (operation: Operation): string => clientSymbols.method(operation.name);

export function emitAggregatedClient(model: ServiceModel, header: string): GeneratedFile {
  const client = clientSymbols.client(model.serviceName);
  const name = aggregatedClientName(model);
  const methods = model.operations.map((operation) => {
    const command = clientSymbols.command(operation.name);
    const input = clientSymbols.commandInput(operation.name);
    const output = clientSymbols.commandOutput(operation.name);
    const callback = `(err: any, data?: ${output}) => void`;
    // Without a required member the input may be left out, as in the SDK.
    const optionalInput = operation.request.every((m) => !m.required);
    const args = { name: 'args', type: input, ...(optionalInput ? { initializer: '{}' } : {}) };
    const docs = [tsDoc(`Sends {@link ${command}}: ${operation.summary ?? operation.name}`, `See {@link ${command}} for its errors.`)];
    const overloads: OptionalKind<MethodDeclarationOverloadStructure>[] = [
      { docs, parameters: [args.initializer ? { ...args, initializer: undefined, hasQuestionToken: true } : args, { name: 'options', type: '__HttpHandlerOptions', hasQuestionToken: true }], returnType: `Promise<${output}>` },
      { parameters: [args.initializer ? { name: 'args', type: input } : args, { name: 'cb', type: callback }], returnType: 'void' },
      { parameters: [args.initializer ? { name: 'args', type: input } : args, { name: 'options', type: '__HttpHandlerOptions' }, { name: 'cb', type: callback }], returnType: 'void' },
    ];
    return {
      name: operationMethodName(operation),
      overloads,
      parameters: [args, { name: 'optionsOrCb', type: `__HttpHandlerOptions | (${callback})`, hasQuestionToken: true }, { name: 'cb', type: callback, hasQuestionToken: true }],
      returnType: `Promise<${output}> | void`,
      statements: [`return sendCommand(this, new ${command}(args), optionsOrCb, cb);`],
    };
  });
  const statements: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '@smithy/types', namedImports: ['HttpHandlerOptions as __HttpHandlerOptions'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${client}.js`, namedImports: [client] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/aggregated-send.js', namedImports: ['sendCommand'] },
    ...model.operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: `./commands/${clientSymbols.command(operation.name)}.js`,
        namedImports: [clientSymbols.command(operation.name), `type ${clientSymbols.commandInput(operation.name)}`, `type ${clientSymbols.commandOutput(operation.name)}`],
      }),
    ),
    {
      kind: StructureKind.Class,
      isExported: true,
      name,
      extends: client,
      docs: [
        tsDoc(
          `${model.title} with one method per operation: ${model.operations.map((o) => `\`${operationMethodName(o)}\``).join(', ')}. Configured as {@link ${client}}, and is one.`,
          `Programs that only send a few commands stay smaller with {@link ${client}} and the commands.`,
        ),
      ],
      methods,
    },
  ];
  return printFile(`client/src/${name}.ts`, header, statements);
}
