/** Turning model names into safe TypeScript identifiers and property accesses. */

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined input members violations'.split(' '),
);

/** A local variable name for a member; reserved words and the emitters' own names get a suffix. */
export function identifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_');
  const safe = /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
  return RESERVED.has(safe) ? `${safe}Value` : safe;
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** `object.Name`, or `object['odd-name']` when the name is not an identifier. */
export function propertyAccess(object: string, name: string): string {
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${JSON.stringify(name)}]`;
}

/** A property name in an object type or literal. */
export function propertyName(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}
