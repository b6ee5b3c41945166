/**
 * Validators emitter: one module per operation input (operation.ts), an index, and the
 * violations runtime beside this file (runtime/violations.ts: the service's wording).
 */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import { shipRuntime } from '../shipped.js';
import { generatedHeader, printFile, type GeneratedFile } from '../typescript.js';
import { validatorName } from './names.js';
import { emitOperationValidator } from './operation.js';

export { validatorName } from './names.js';

const { StructureKind } = tsMorph;

export function emitValidators(model: ServiceModel): GeneratedFile[] {
  const header = generatedHeader(model);
  const files = model.operations.map((operation) => emitOperationValidator(operation, header));
  files.push(...shipRuntime(import.meta.url, ['violations.ts'], 'validators', header));
  files.push(
    printFile('validators/index.ts', header, [
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './violations.js' },
      ...model.operations.map(
        (operation): StatementStructures => ({
          kind: StructureKind.ExportDeclaration,
          namedExports: [validatorName(operation)],
          moduleSpecifier: `./${operation.name}.js`,
        }),
      ),
    ]),
  );
  return files;
}
