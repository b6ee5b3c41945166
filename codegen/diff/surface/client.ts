// The client package each revision generates, compared declaration by declaration: the same
// comparison regen takes the version bump from, so that the diff's TypeScript impact lines and its
// suggested bump can never disagree with the version a regeneration writes.

import { emitClient } from '../../emit/client/index.js';
import type { LoadedDocument } from '../../model/document.js';
import { buildModel } from '../../model/read-openapi.js';
import type { Model } from '../model.js';
import { compareClientPackages, type SurfaceComparison } from './compare.js';

type ClientFiles = { path: string; content: string }[];

const built = new WeakMap<Model, Map<string, ClientFiles | Error>>();

/** The client package's files for a model (with the documents generated beside it), or why none can be generated. */
function clientOf(model: Model, companions: readonly LoadedDocument[]): ClientFiles | Error {
  const key = companions.map((c) => c.source.path).join('\0');
  let byCompanions = built.get(model);
  if (!byCompanions) built.set(model, (byCompanions = new Map()));
  let files = byCompanions.get(key);
  if (!files) {
    try {
      const document: LoadedDocument = { source: { path: model.source, sha256: '' }, document: model.document as Record<string, any> };
      // The version is the same on both sides: the comparison is of declarations, not of the version field.
      files = emitClient(buildModel([document, ...companions]), { version: '0.0.0', dependencies: {} }).filter((f) => f.path.startsWith('client/src/'));
    } catch (error) {
      files = error instanceof Error ? error : new Error(String(error));
    }
    byCompanions.set(key, files);
  }
  return files;
}

/** The surface comparison of the two revisions' clients, or why there is none (a model the generator refuses). */
export function compareClients(oldModel: Model, newModel: Model, companions: readonly LoadedDocument[] = []): SurfaceComparison | { unavailable: string } {
  const before = clientOf(oldModel, companions);
  const after = clientOf(newModel, companions);
  for (const [side, files] of [[oldModel, before], [newModel, after]] as const) {
    if (files instanceof Error) return { unavailable: `no client can be generated from ${side.revision}: ${files.message.split('\n')[0]}` };
  }
  return compareClientPackages(before as ClientFiles, after as ClientFiles);
}
