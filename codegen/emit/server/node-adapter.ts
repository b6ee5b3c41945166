/** `server/node.ts`: the router as a `node:http` request listener. */
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import { printFile, tsDoc, type GeneratedFile } from '../typescript.js';
import { implementationName } from './names.js';

const { StructureKind } = tsMorph;

export function emitNodeAdapter(model: ServiceModel, header: string): GeneratedFile {
  const implementation = implementationName(model);
  return printFile('server/node.ts', header, [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: 'node:http', namedImports: ['RequestListener'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './node-http.js', namedImports: ['listenerFor', 'type NodeListenerOptions'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './router.js', namedImports: ['createRequestHandler', `type ${implementation}`] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: ['PROTOCOL_SETTINGS'] },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createNodeListener',
      docs: [tsDoc(`A \`node:http\` request listener serving ${model.title} with the given implementation.`, '@example http.createServer(createNodeListener(implementation)).listen(4510, \'127.0.0.1\')')],
      parameters: [
        { name: 'implementation', type: implementation },
        { name: 'options', type: 'NodeListenerOptions', initializer: '{}' },
      ],
      returnType: 'RequestListener',
      statements: [`return listenerFor(createRequestHandler(implementation), PROTOCOL_SETTINGS.errorTypeHeader, options);`],
    },
  ]);
}

