// The importer as a library: what `npm run import` does, for other commands to call.

import { type Base, readBase } from './base.js';
import { type DocImportOptions, importDoc } from './doc/import-doc.js';
import { importSmithy } from './smithy.js';
import type { ImportResult } from './types.js';

export { importDoc, importSmithy, readBase };
export { PageRefused } from './doc/recognise.js';
export type { Base, DocImportOptions, ImportResult };
export type { Undetermined } from './types.js';

/** `smithy` for a Smithy JSON AST, `doc` for any documentation page. */
export function sourceKind(text: string): 'smithy' | 'doc' {
  const t = text.trimStart();
  if (!t.startsWith('{')) return 'doc';
  try {
    const json = JSON.parse(t);
    return json && typeof json === 'object' && json.shapes && typeof json.shapes === 'object' ? 'smithy' : 'doc';
  } catch {
    return 'doc';
  }
}

export interface SourceImportOptions extends Omit<DocImportOptions, 'base'> {
  base?: Base;
  /** Operations to take from a Smithy model; by default the base revision's operations. */
  operations?: string[];
}

/** Imports a documentation page or a Smithy model, whichever `text` is. */
export function importSource(text: string, options: SourceImportOptions = {}): ImportResult {
  if (sourceKind(text) === 'doc') return importDoc(text, options);
  const operations = options.operations?.length ? options.operations : options.base?.operations.map((o) => o.name) ?? [];
  if (!operations.length) throw new Error('a Smithy model needs the operations to import (--operation, or a base revision that has them)');
  return importSmithy(text, operations, { file: options.file, name: options.name, era: options.era, base: options.base });
}
