/** The model's authentication schemes as the client's `SERVICE_DEFAULTS.auth` (read by runtime/auth.ts). */
import type { AuthScheme } from '../../model/shapes.js';
import { quote } from '../typescript.js';

/** `[{ kind: 'sigv4', signingName: 'lambda' }]`; `[]` when requests carry no credentials. */
export function authSchemesLiteral(auth: readonly AuthScheme[] | undefined): string {
  const schemes = (auth ?? []).map((scheme) => {
    switch (scheme.kind) {
      case 'sigv4':
        return `{ kind: 'sigv4', signingName: ${quote(scheme.signingName)} }`;
      case 'bearer':
        return `{ kind: 'bearer' }`;
      case 'apiKey':
        return `{ kind: 'apiKey', in: ${quote(scheme.in)}, name: ${quote(scheme.name)} }`;
    }
  });
  return `[${schemes.join(', ')}]`;
}
