// The Smithy JSON AST, as the Smithy CLI writes it: absolute shape ids everywhere, traits as a map
// from trait shape id to value, applies merged into the shapes they apply to.

export type NodeValue = null | boolean | number | string | NodeValue[] | { [key: string]: NodeValue };
export type Traits = Record<string, NodeValue>;

export interface AstReference {
  target: string;
}

export interface AstMember extends AstReference {
  traits?: Traits;
}

export interface AstShape {
  type: string;
  traits?: Traits;
  mixins?: AstReference[];
  /** structure, union, enum, intEnum */
  members?: Record<string, AstMember>;
  /** list, set */
  member?: AstMember;
  /** map */
  key?: AstMember;
  value?: AstMember;
  /** operation */
  input?: AstReference;
  output?: AstReference;
  errors?: AstReference[];
  /** service */
  version?: string;
  rename?: Record<string, string>;
  /** service and resource */
  operations?: AstReference[];
  resources?: AstReference[];
  /** resource */
  identifiers?: Record<string, AstReference>;
  properties?: Record<string, AstReference>;
  create?: AstReference;
  put?: AstReference;
  read?: AstReference;
  update?: AstReference;
  delete?: AstReference;
  list?: AstReference;
  collectionOperations?: AstReference[];
}

export interface SmithyAst {
  smithy: string;
  metadata?: Record<string, NodeValue>;
  shapes: Record<string, AstShape>;
}

/** The version the JSON AST states, whatever the IDL files said. */
export const AST_VERSION = '2.0';

/** Sets a key of a JSON object so that even `__proto__` stays an ordinary property. */
export function setKey<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

export const localName = (id: string): string => id.slice(id.indexOf('#') + 1);
export const namespaceOf = (id: string): string => id.slice(0, id.indexOf('#'));

/** The order the Smithy CLI writes lists of shape ids in: ignoring case first, then by code unit. */
export function compareShapeIds(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Deep equality of node values (key order ignored). */
export function sameNode(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameNode(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameNode((a as any)[k], (b as any)[k]));
}
