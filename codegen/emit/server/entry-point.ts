/** `server/index.ts`: what the server module exports. */
import { tsMorph } from '../libraries.js';
import { printFile, type GeneratedFile } from '../typescript.js';

const { StructureKind } = tsMorph;

export function emitEntryPoint(header: string): GeneratedFile {
  return printFile('server/index.ts', header, [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './models.js' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './errors.js' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './router.js' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './node.js' },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: './http.js',
      namedExports: ['ProtocolError', 'type RequestContext', 'type ServerRequest', 'type ServerResponse'],
    },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './node-http.js', namedExports: ['type NodeListenerOptions', 'type ResponseLogEntry'] },
  ]);
}
