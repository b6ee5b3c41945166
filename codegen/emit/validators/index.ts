/**
 * Validators emitter: one module per operation input (operation.ts, walking the shape graph with
 * checks.ts), an index, and the runtime beside this file (runtime/violations.ts: the service's
 * wording; runtime/WORDING.md: where each phrase comes from; runtime/linear-pattern.ts: patterns
 * that must not backtrack).
 */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import type { ShapeModel } from '../../model/shapes.js';
import type { SymbolTable } from '../../model/symbols.js';
import { shipRuntime } from '../shipped.js';
import { generatedHeader, printFile, type GeneratedFile } from '../typescript.js';
import { validatorName } from './names.js';
import { emitOperationValidator } from './operation.js';

export { validatorName } from './names.js';

const { StructureKind } = tsMorph;

export function emitValidators(model: ServiceModel): GeneratedFile[] {
  return emitValidatorModules(model.graph, model.symbols, generatedHeader(model), model.operations.map((o) => o.name));
}

/** The validators of the named operations straight from the shape graph (no emitters' view needed). */
export function emitValidatorModules(graph: ShapeModel, symbols: SymbolTable, header: string, operations: readonly string[]): GeneratedFile[] {
  const files = operations.map((operation) => emitOperationValidator(graph, operation, symbols, header));
  // The automaton runner only where a pattern needs it (patterns.ts).
  const linear = files.some((file) => file.content.includes("from './linear-pattern.js'"));
  files.push(...shipRuntime(import.meta.url, linear ? ['violations.ts', 'linear-pattern.ts'] : ['violations.ts'], 'validators', header));
  files.push(
    printFile('validators/index.ts', header, [
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './violations.js' },
      ...operations.map(
        (operation): StatementStructures => ({
          kind: StructureKind.ExportDeclaration,
          namedExports: [validatorName(operation)],
          moduleSpecifier: `./${operation}.js`,
        }),
      ),
    ]),
  );
  return files;
}
