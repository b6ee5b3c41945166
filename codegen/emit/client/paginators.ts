/**
 * `client/src/pagination/<Operation>Paginator.ts` for every operation the model marks paginated
 * (`x-paginated`: Smithy's `@paginated`), and `pagination/Interfaces.ts` with the configuration
 * they take, as the AWS SDK ships them: `paginateListFunctions({ client, pageSize?,
 * startingToken? }, input)` is an async iterator over the pages. The loop is `@smithy/core`'s
 * `createPaginator`, the one the SDK's paginators use; what is generated is which members it reads.
 */
import { tsMorph } from '../libraries.js';
import { ModelError } from '../../model/document.js';
import type { ServiceModel } from '../../model/ir.js';
import type { BoundMember, OperationShape, Pagination } from '../../model/shapes.js';
import { clientSymbols } from '../../model/symbols.js';
import { printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { clientNames } from './names.js';

const { StructureKind } = tsMorph;

/** The operations of the view that the model marks paginated, in the view's (name) order. */
export function paginatedOperations(model: ServiceModel): (OperationShape & { pagination: Pagination })[] {
  const names = new Set(model.operations.map((o) => o.name));
  return model.graph.operations
    .filter((o): o is OperationShape & { pagination: Pagination } => o.pagination !== undefined && names.has(o.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function emitPaginators(model: ServiceModel, header: string): GeneratedFile[] {
  const operations = paginatedOperations(model);
  if (operations.length === 0) return [];
  return [emitPaginationConfiguration(model, header), ...operations.map((operation) => emitPaginator(model, operation, header))];
}

/** The index's `export * from` lines for the paginators (none when the model marks no operation). */
export function paginatorModules(model: ServiceModel): string[] {
  const operations = paginatedOperations(model);
  if (operations.length === 0) return [];
  return [clientSymbols.paginationConfigurationFile(), ...operations.map((o) => clientSymbols.paginatorFile(o.name))].map(moduleOf);
}

/** `client/src/x/Y.ts` as the index imports it: `./x/Y.js`. */
const moduleOf = (file: string) => `./${file.replace(/^client\/src\//, '').replace(/\.ts$/, '.js')}`;

function emitPaginationConfiguration(model: ServiceModel, header: string): GeneratedFile {
  const names = clientNames(model);
  return printFile(clientSymbols.paginationConfigurationFile(), header, [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '@smithy/types', namedImports: ['PaginationConfiguration'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: `../${names.client}.js`, namedImports: [names.client] },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: clientSymbols.paginationConfiguration(model.serviceName),
      extends: ['PaginationConfiguration'],
      docs: [tsDoc(`What every paginator of {@link ${names.client}} takes: the client, the page size it asks for (\`pageSize\`), the token to start from (\`startingToken\`), and \`stopOnSameToken\` for services that repeat the last token.`)],
      properties: [{ name: 'client', type: names.client }],
    },
  ]);
}

/** The member named by a pagination field, or a refusal naming the operation and the field. */
function member(operation: OperationShape, members: BoundMember[], field: keyof Omit<Pagination, 'origin'>, path: string, model: ServiceModel): BoundMember {
  const [first, ...rest] = path.split('.');
  const found = members.find((m) => m.name === first);
  const at = `${operation.pagination!.origin.pointer}/${field}`;
  if (!found) throw new ModelError(operation.pagination!.origin.document, at, `operation ${operation.name} is paginated by ${field} \`${path}\`, which is not a member of its ${field === 'inputToken' || field === 'pageSize' ? 'input' : 'output'}`);
  let target = found.target;
  for (const step of rest) {
    const shape = model.graph.shapes.get(target);
    const next = shape?.kind === 'structure' ? shape.members.find((m) => m.name === step) : undefined;
    if (!next) throw new ModelError(operation.pagination!.origin.document, at, `operation ${operation.name}: ${field} \`${path}\` names no member \`${step}\``);
    target = next.target;
  }
  return found;
}

function emitPaginator(model: ServiceModel, operation: OperationShape & { pagination: Pagination }, header: string): GeneratedFile {
  const names = clientNames(model);
  const { pagination } = operation;
  const command = clientSymbols.command(operation.name);
  const input = clientSymbols.commandInput(operation.name);
  const output = clientSymbols.commandOutput(operation.name);
  const configuration = clientSymbols.paginationConfiguration(model.serviceName);
  const paginator = clientSymbols.paginator(operation.name);
  // Smithy: the input token and the page size are top-level input members; the output token and the items paths into the output.
  if (pagination.inputToken.includes('.')) throw new ModelError(pagination.origin.document, `${pagination.origin.pointer}/inputToken`, `operation ${operation.name}: inputToken must be a top-level input member, not a path`);
  member(operation, operation.input, 'inputToken', pagination.inputToken, model);
  member(operation, operation.output, 'outputToken', pagination.outputToken, model);
  if (pagination.items) member(operation, operation.output, 'items', pagination.items, model);
  if (pagination.pageSize) member(operation, operation.input, 'pageSize', pagination.pageSize, model);
  const how = [
    `Each page is one {@link ${command}} response; the next request carries the page's \`${pagination.outputToken}\` as \`${pagination.inputToken}\`, and the pages end with the first response without it.`,
    pagination.items ? `The items of each page are its \`${pagination.items}\`.` : undefined,
    pagination.pageSize ? `\`pageSize\` is sent as \`${pagination.pageSize}\` unless the input sets it.` : 'The operation has no page size member: `pageSize` is not sent.',
  ].filter(Boolean).join(' ');
  const args = [names.client, command, quote(pagination.inputToken), quote(pagination.outputToken), ...(pagination.pageSize ? [quote(pagination.pageSize)] : [])];
  return printFile(clientSymbols.paginatorFile(operation.name), header, [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@smithy/core', namedImports: ['createPaginator'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '@smithy/types', namedImports: ['Paginator'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: `../commands/${command}.js`, namedImports: [command, `type ${input}`, `type ${output}`] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: `../${names.client}.js`, namedImports: [names.client] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './Interfaces.js', namedImports: [configuration] },
    (writer) => {
      writer.writeLine('/**');
      for (const line of tsDoc(`Pages through {@link ${command}}${operation.summary ? `: ${operation.summary}` : '.'}`, how, '@param config - The client, and optionally `pageSize` and `startingToken`.', `@param input - The input of {@link ${command}}; the paginator sets \`${pagination.inputToken}\`${pagination.pageSize ? ` (and \`${pagination.pageSize}\` from \`pageSize\`)` : ''} on it.`).split('\n')) {
        writer.writeLine(line ? ` * ${line}` : ' *');
      }
      writer.writeLine(' */');
      writer.writeLine(`export const ${paginator}: (config: ${configuration}, input: ${input}, ...rest: any[]) => Paginator<${output}> = createPaginator<${configuration}, ${input}, ${output}>(`);
      writer.indent(() => writer.writeLine(`${args.join(', ')},`));
      writer.writeLine(');');
    },
  ]);
}
