/**
 * From model documents to every generated file. The emitters are pure functions of the model;
 * this module only wires them together and sorts the result.
 */
import { readFileSync } from 'node:fs';
import { buildModel, loadDocument, type LoadedDocument } from './model/read-openapi.js';
import type { ServiceModel } from './model/ir.js';
import { emitClient } from './emit/client/index.js';
import { emitReadme } from './emit/readme/index.js';
import { emitServer } from './emit/server/index.js';
import { emitTypes } from './emit/types/index.js';
import { emitValidators } from './emit/validators/index.js';
import { generatedHeader, manifestFile, type GeneratedFile } from './emit/typescript.js';

/** Runtime libraries the client package depends on, at the versions this project builds with. */
const CLIENT_RUNTIME_LIBRARIES = ['@aws-sdk/credential-provider-node', '@smithy/core', '@smithy/types'];

function clientDependencies(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const installed = { ...manifest.dependencies, ...manifest.devDependencies };
  return Object.fromEntries(
    CLIENT_RUNTIME_LIBRARIES.map((name) => {
      if (!installed[name]) throw new Error(`package.json does not depend on ${name}, which the client package needs`);
      return [name, `^${String(installed[name]).replace(/^[\^~]/, '')}`];
    }),
  );
}

export interface GenerateResult {
  model: ServiceModel;
  files: GeneratedFile[];
}

export async function generate(modelPaths: string[], cwd = process.cwd()): Promise<GenerateResult> {
  return generateFromDocuments(modelPaths.map((path) => loadDocument(path, cwd)));
}

/** The same, from documents already in memory (e.g. a revision not yet written). */
export async function generateFromDocuments(documents: LoadedDocument[]): Promise<GenerateResult> {
  const model = buildModel(documents);
  const header = generatedHeader(model);
  const version = model.clientVersion ?? '0.0.0';
  // openapi-typescript works in its worker thread while this one runs the other emitters.
  const types = emitTypes(documents, header);
  types.catch(() => {}); // awaited below; a failure of another emitter must not leave it unhandled
  const files: GeneratedFile[] = [
    ...emitValidators(model),
    ...emitServer(model),
    ...emitClient(model, { version, dependencies: clientDependencies() }),
    emitReadme(model, version),
    manifestFile(model),
    await types,
  ];
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, files };
}
