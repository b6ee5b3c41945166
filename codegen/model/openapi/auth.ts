/**
 * Authentication from the document's security schemes. The schemes that apply are the ones the
 * top-level `security` requirement names, in its order (OpenAPI: no top-level `security`, or an
 * empty one, means requests carry no credentials). SigV4 only where a scheme says so with
 * `x-aws-sigv4`; anything else is what OpenAPI says it is.
 */
import { ModelError } from '../document.js';
import { child, pointer } from '../pointer.js';
import type { AuthScheme } from '../shapes.js';
import { isObject } from './schemas.js';

type Obj = Record<string, any>;

export function readAuth(doc: Obj, document: string): AuthScheme[] {
  const schemes: Record<string, unknown> = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {};
  if (!Array.isArray(doc.security)) return [];
  const auth: AuthScheme[] = [];
  doc.security.forEach((requirement: unknown, i: number) => {
    if (!isObject(requirement)) throw new ModelError(document, pointer('security', i), 'a security requirement is not a mapping');
    for (const name of Object.keys(requirement)) {
      const scheme = schemes[name];
      if (!isObject(scheme)) throw new ModelError(document, child(pointer('security', i), name), `security scheme ${name} is not in components.securitySchemes`);
      const read = schemeOf(scheme, document, pointer('components', 'securitySchemes', name));
      if (read && !auth.some((known) => JSON.stringify(known) === JSON.stringify(read))) auth.push(read);
    }
  });
  return auth;
}

function schemeOf(scheme: Obj, document: string, at: string): AuthScheme | undefined {
  const sigv4 = scheme['x-aws-sigv4'];
  if (isObject(sigv4)) {
    if (typeof sigv4.signingName !== 'string' || sigv4.signingName === '') throw new ModelError(document, child(at, 'x-aws-sigv4'), '`x-aws-sigv4` needs a `signingName`');
    return { kind: 'sigv4', signingName: sigv4.signingName };
  }
  switch (scheme.type) {
    case 'http':
      if (String(scheme.scheme).toLowerCase() === 'bearer') return { kind: 'bearer' };
      throw new ModelError(document, child(at, 'scheme'), `HTTP authentication scheme "${scheme.scheme}" is not supported (bearer is)`);
    case 'apiKey':
      if (scheme.in !== 'header' && scheme.in !== 'query') throw new ModelError(document, child(at, 'in'), `an API key in ${String(scheme.in)} is not supported (header or query are)`);
      if (typeof scheme.name !== 'string' || scheme.name === '') throw new ModelError(document, child(at, 'name'), 'an API key scheme needs a `name`');
      return { kind: 'apiKey', in: scheme.in, name: scheme.name };
    // OAuth 2 and OpenID Connect access tokens travel as bearer tokens; obtaining one is the caller's business.
    case 'oauth2':
    case 'openIdConnect':
      return { kind: 'bearer' };
    default:
      throw new ModelError(document, child(at, 'type'), `security scheme type "${String(scheme.type)}" is not one OpenAPI defines`);
  }
}
