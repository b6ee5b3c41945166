// Builds hand-made model pairs from test/diff/fixtures/base.yaml: each test edits a deep copy.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { diffModels, type DiffResult } from '../../codegen/diff/diff.js';
import { normalizeModel, readModel } from '../../codegen/diff/load.js';
import type { Model } from '../../codegen/diff/model.js';

export type Doc = Record<string, any>;

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const revision = (name: string) => fileURLToPath(new URL(`../../model/revisions/${name}.yaml`, import.meta.url));

const baseText = readFileSync(fixture('base.yaml'), 'utf8');

export function baseDoc(): Doc {
  return parse(baseText);
}

export function model(doc: Doc, name: string): Model {
  return normalizeModel(doc, name);
}

/** The base model against a copy changed by `edit`. */
export function diffEdited(edit: (doc: Doc) => void): DiffResult {
  const changed = baseDoc();
  edit(changed);
  return diffModels(model(baseDoc(), 'base.yaml'), model(changed, 'changed.yaml'));
}

export const operation = (doc: Doc, path = '/widgets/{WidgetName}', method = 'post'): Doc => doc.paths[path][method];
export const requestSchema = (doc: Doc): Doc => doc.components.schemas.CreateWidgetRequest;
export const prop = (doc: Doc, name: string): Doc => requestSchema(doc).properties[name];

const revisionCache = new Map<string, Model>();
export function realRevision(name: string): Model {
  if (!revisionCache.has(name)) revisionCache.set(name, readModel(revision(name)));
  return revisionCache.get(name)!;
}

export function ids(result: DiffResult): string[] {
  return result.findings.map((f) => f.id);
}

/** Whether each example is accepted by exactly the side it claims, checked with JavaScript's RegExp. */
export function wholeMatch(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`, 'u').test(value);
}
