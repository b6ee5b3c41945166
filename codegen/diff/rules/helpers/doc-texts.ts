// A generic walk over the parts of a document that describe the API (`paths` and `components`),
// collecting the values of chosen keys. Entries are matched across revisions by a key that names
// list items by what they are (a parameter by `in` and `name`, a `oneOf` entry by its `$ref`), so a
// parameter added in front of another does not make every later description look changed.

import type { Model } from '../../model.js';
import { escapeSegment, isWithin } from '../../pointer.js';

export interface Located<T> {
  /** Match key, stable across revisions. */
  key: string;
  /** JSON pointer of the value. */
  pointer: string;
  /** Pointer of the object holding the value. */
  holder: string;
  value: T;
}

function itemKey(item: unknown, index: number): string {
  if (item !== null && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    if (typeof record.name === 'string') return `[${String(record.in ?? '')}:${record.name}]`;
    if (typeof record.$ref === 'string') return `[${record.$ref}]`;
  }
  return `[${index}]`;
}

export function collectKeys(model: Model, keys: readonly string[]): Map<string, Located<unknown>> {
  return walkDocument(model, keys).found;
}

/** Match keys of every object in `paths` and `components`, to tell a changed text from a new node. */
export function nodeKeys(model: Model): Set<string> {
  return walkDocument(model, []).nodes;
}

function walkDocument(model: Model, keys: readonly string[]): { found: Map<string, Located<unknown>>; nodes: Set<string> } {
  const found = new Map<string, Located<unknown>>();
  const nodes = new Set<string>();
  const walk = (node: unknown, pointer: string, key: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`, `${key}/${itemKey(item, i)}`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    nodes.add(key);
    for (const [name, value] of Object.entries(node)) {
      const childPointer = `${pointer}/${escapeSegment(name)}`;
      const childKey = `${key}/${escapeSegment(name)}`;
      if (keys.includes(name)) found.set(childKey, { key: childKey, pointer: childPointer, holder: pointer, value });
      else if (name !== 'x-revision') walk(value, childPointer, childKey);
    }
  };
  walk(model.document.paths, '/paths', '/paths');
  walk(model.document.components, '/components', '/components');
  return { found, nodes };
}

/** A readable name for what a pointer belongs to, from the labels the loader registered. */
export function labelOf(model: Model, pointer: string): string {
  let best: [string, string] | undefined;
  for (const [prefix, label] of model.labels) {
    if (isWithin(pointer, prefix) && (!best || prefix.length > best[0].length)) best = [prefix, label];
  }
  if (!best) return pointer;
  const rest = pointer.slice(best[0].length).split('/').filter(Boolean).filter((s) => s !== 'properties' && s !== 'schema');
  return rest.length > 0 ? `${best[1]} ${rest.join(' ')}` : best[1];
}
