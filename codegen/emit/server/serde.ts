/** `server/serde.ts`: the JSON writers and readers of the structures and unions the handlers and errors use (../rest-json1/json.ts). */
import { tsMorph } from '../libraries.js';
import type { JsonCodecs } from '../rest-json1/json.js';
import { codecFunction } from '../rest-json1/json.js';
import { importOf, printFile, type GeneratedFile } from '../typescript.js';

const { StructureKind } = tsMorph;

/** Emitted last: the handlers and the error table ask `json` for the functions they call. */
export function emitSerde(json: JsonCodecs, header: string): GeneratedFile | undefined {
  const functions = json.functions();
  if (functions.length === 0) return undefined;
  const wire = [...json.helpers].filter((name) => functions.some((f) => f.statements.some((line) => new RegExp(`\\b${name}(?=[(),])`).test(line)))).sort();
  return printFile('server/serde.ts', header, [
    ...importOf('./wire.js', wire),
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './models.js', namedImports: [...new Set(functions.map((f) => f.type))].sort() },
    ...functions.map((f) => codecFunction(f, true)),
  ]);
}
