// A Smithy service as a whole: every operation it reaches (its own, its resources' and their
// nested resources' lifecycle and other operations), and how its requests authenticate.

import type { AuthModel } from './types.js';

type Obj = Record<string, any>;
interface ShapeLike { type: string; traits?: Obj; [k: string]: any }

/** Resource properties that name operations, in the order Smithy lists them. */
const LIFECYCLE = ['create', 'put', 'read', 'update', 'delete', 'list'] as const;

/** Every operation the service reaches, each once, by shape id, in name order (then id). */
export function serviceOperations(shapes: Record<string, ShapeLike>, serviceId: string): string[] {
  const found = new Set<string>();
  const seenResources = new Set<string>();
  const visit = (container: ShapeLike | undefined) => {
    if (!container) return;
    for (const key of LIFECYCLE) if (container[key]?.target) found.add(container[key].target);
    for (const key of ['operations', 'collectionOperations']) for (const ref of container[key] ?? []) found.add(ref.target);
    for (const ref of container.resources ?? []) {
      if (seenResources.has(ref.target)) continue;
      seenResources.add(ref.target);
      visit(shapes[ref.target]);
    }
  };
  visit(shapes[serviceId]);
  const local = (id: string) => id.replace(/^.*#/, '');
  return [...found].filter((id) => shapes[id]?.type === 'operation').sort((a, b) => local(a).localeCompare(local(b)) || a.localeCompare(b));
}

/** The model's services, by shape id. */
export const servicesOf = (shapes: Record<string, ShapeLike>) => Object.keys(shapes).filter((id) => shapes[id].type === 'service').sort();

/**
 * The service's authentication schemes from its auth traits: in the `@auth` trait's order when it
 * has one, else in shape-id order (Smithy's rule). Schemes the generated client cannot use are
 * reported in `notes` and left out.
 */
export function serviceAuth(traits: Obj, notes: string[], service: string): AuthModel[] {
  const declared = Object.keys(traits).filter((id) => AUTH_TRAITS.has(id) || id === 'smithy.api#httpBasicAuth' || id === 'smithy.api#httpDigestAuth').sort();
  const order: string[] = Array.isArray(traits['smithy.api#auth']) ? traits['smithy.api#auth'].filter((id: unknown) => declared.includes(String(id))) : declared;
  const auth: AuthModel[] = [];
  for (const id of order) {
    const value = traits[id] ?? {};
    if (id === 'aws.auth#sigv4') auth.push({ kind: 'sigv4', signingName: String(value.name) });
    else if (id === 'smithy.api#httpBearerAuth') auth.push({ kind: 'bearer' });
    else if (id === 'smithy.api#httpApiKeyAuth') {
      // With a `scheme`, the key travels as `<scheme> <key>` in the header: not a plain API key.
      if (value.scheme) notes.push(`Service ${service}: the API key scheme \`${value.scheme}\` in ${value.name} is written as a plain API key header; the client sends the key without the scheme.`);
      auth.push({ kind: 'apiKey', in: value.in === 'query' ? 'query' : 'header', name: String(value.name) });
    } else notes.push(`Service ${service}: ${id} is not supported by the generated client; left out of the security schemes.`);
  }
  return auth;
}

const AUTH_TRAITS = new Set(['aws.auth#sigv4', 'smithy.api#httpBearerAuth', 'smithy.api#httpApiKeyAuth']);
