/**
 * `$ref` resolution, for every reader of a model document: local references only (`#/…`),
 * followed through chains, with cycles and dangling references reported where they occur.
 */
import { ModelError } from './document.js';
import { resolvePointer } from './pointer.js';

export interface Resolved {
  node: unknown;
  /** Pointer of the node reached (the last reference's target, or where it was found). */
  at: string;
  /** The component name when the last hop was a `#/components/<kind>/<Name>` reference. */
  name?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export class References {
  constructor(
    private readonly root: unknown,
    private readonly document: string,
  ) {}

  /** Follows `node`'s `$ref` chain (if any) from pointer `at`. */
  resolve(node: unknown, at: string): Resolved {
    const seen = new Set<string>();
    let name: string | undefined;
    while (isObject(node) && typeof node.$ref === 'string') {
      const ref = node.$ref;
      if (!ref.startsWith('#')) throw new ModelError(this.document, at, `external reference ${ref} is not supported`);
      if (seen.has(ref)) throw new ModelError(this.document, at, `circular reference ${ref}`);
      seen.add(ref);
      const target = decodeURI(ref.slice(1));
      const found = resolvePointer(this.root, target);
      if (found === undefined) throw new ModelError(this.document, at, `unresolved reference ${ref}`);
      name = /^\/components\/[^/]+\/([^/]+)$/.exec(target)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      at = target;
      node = found;
    }
    return { node, at, name };
  }

  /** The `$ref` target's component name of `node`, without following it further. */
  static componentName(node: unknown): string | undefined {
    if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
    return /^#\/components\/[^/]+\/([^/]+)$/.exec(node.$ref)?.[1];
  }
}
