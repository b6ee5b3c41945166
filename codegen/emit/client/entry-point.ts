/** `client/src/index.ts`: what the package exports. */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import { printFile, type GeneratedFile } from '../typescript.js';
import { aggregatedClientName } from './aggregated.js';
import { clientNames, commandName } from './names.js';
import { paginatorModules } from './paginators.js';
import { waiterModules } from './waiters.js';

const { StructureKind } = tsMorph;

export function emitEntryPoint(model: ServiceModel, header: string): GeneratedFile {
  const names = clientNames(model);
  return printFile('client/src/index.ts', header, [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${names.client}.js` },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${aggregatedClientName(model)}.js` },
    ...model.operations.map((o): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./commands/${commandName(o)}.js` })),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './models.js' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './errors.js' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/config.js', namedExports: ['type ClientConfig'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/retry.js', namedExports: ['type RetryInputConfig'] },
    ...[...paginatorModules(model), ...waiterModules(model)].map((moduleSpecifier): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier })),
  ]);
}
