// Type-checking emitted files, written to a scratch folder, with the project's TypeScript.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import type { GeneratedFile } from '../../../codegen/emit/typescript.js';

/** The diagnostics of the given files under strict settings, as `path: TSnnnn message` lines. */
export function typeErrors(files: GeneratedFile[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'permgen-typecheck-'));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const options: ts.CompilerOptions = { strict: true, exactOptionalPropertyTypes: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], skipLibCheck: true };
    const program = ts.createProgram(files.map((f) => join(dir, f.path)), options);
    return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? relative(dir, d.file.fileName) : ''}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
