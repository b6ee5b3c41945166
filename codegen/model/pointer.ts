// JSON pointers (RFC 6901): every node of the model, and every finding and error, points into its document.

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}

export function child(base: string, ...segments: (string | number)[]): string {
  return base + pointer(...segments);
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value a local reference such as `#/components/schemas/X` points at, or undefined. */
export function resolvePointer(root: unknown, ptr: string): unknown {
  if (ptr === '') return root;
  if (!ptr.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of ptr.slice(1).split('/')) {
    const key = unescapeSegment(raw);
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** True when `ptr` is `prefix` itself or lies inside it (segment boundary, not string prefix). */
export function isWithin(ptr: string, prefix: string): boolean {
  return ptr === prefix || ptr.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}
