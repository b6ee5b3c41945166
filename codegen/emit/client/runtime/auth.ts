/**
 * How the client authenticates, as the model's security schemes say: SigV4 with the model's
 * signing name (signed in signing.ts), a bearer token (`Authorization: Bearer …`), an API key in
 * a header or query parameter, or nothing at all. Where a model offers several schemes, the first
 * one the user configured an identity for is used, else the model's first.
 */
import type { HttpRequest, Provider, TokenIdentity, TokenIdentityProvider } from '@smithy/types';

/** One of the model's authentication schemes, in the order the model prefers them. */
export type AuthScheme = { kind: 'sigv4'; signingName: string } | { kind: 'bearer' } | { kind: 'apiKey'; in: 'header' | 'query'; name: string };

/** The identities a user may configure for the schemes that are not SigV4 (whose are `credentials`). */
export interface AuthInputConfig {
  /** The bearer token, or a provider of one (e.g. refreshing an OAuth access token), for a service that takes one. */
  token?: string | TokenIdentity | TokenIdentityProvider | undefined;
  /** The API key, or a provider of it, for a service that takes one. */
  apiKey?: string | Provider<string> | undefined;
}

export interface AuthResolvedConfig {
  /** The model's schemes; empty when requests carry no credentials. */
  readonly auth: readonly AuthScheme[];
  readonly token: TokenIdentityProvider | undefined;
  readonly apiKey: Provider<string> | undefined;
}

/**
 * The user's identities as providers, beside the model's schemes. A client generated before
 * schemes were modeled knows only its signing name: that is SigV4.
 */
export function resolveAuthConfig(config: AuthInputConfig, service: { auth?: readonly AuthScheme[] | undefined; signingName?: string | undefined }): AuthResolvedConfig {
  const { token, apiKey } = config;
  return {
    auth: service.auth ?? (service.signingName ? [{ kind: 'sigv4', signingName: service.signingName }] : []),
    token: token === undefined ? undefined : typeof token === 'function' ? token : async () => (typeof token === 'string' ? { token } : token),
    apiKey: apiKey === undefined ? undefined : typeof apiKey === 'function' ? apiKey : async () => apiKey,
  };
}

/** The scheme a request is sent with: the first the user gave an identity for, else the model's first; none when the model has none. */
export function chooseScheme(config: AuthResolvedConfig): AuthScheme | undefined {
  const given = config.auth.find((scheme) => (scheme.kind === 'bearer' && config.token) || (scheme.kind === 'apiKey' && config.apiKey));
  return given ?? config.auth[0];
}

/** A copy of the request carrying the bearer token or API key the scheme asks for. */
export async function applyAuth(request: HttpRequest, scheme: Exclude<AuthScheme, { kind: 'sigv4' }>, config: AuthResolvedConfig): Promise<HttpRequest> {
  if (scheme.kind === 'bearer') {
    if (!config.token) throw new Error('This service authenticates with a bearer token: pass `token` (a string or a provider) to the client.');
    const { token } = await config.token();
    return copy(request, { headers: { ...request.headers, authorization: `Bearer ${token}` } });
  }
  if (!config.apiKey) throw new Error(`This service authenticates with an API key in the ${scheme.name} ${scheme.in === 'header' ? 'header' : 'query parameter'}: pass \`apiKey\` to the client.`);
  const key = await config.apiKey();
  return scheme.in === 'header' ? copy(request, { headers: { ...request.headers, [scheme.name.toLowerCase()]: key } }) : copy(request, { query: { ...request.query, [scheme.name]: key } });
}

/** The request with some fields replaced, keeping its class (an `HttpRequest` stays one). */
function copy(request: HttpRequest, changes: Partial<HttpRequest>): HttpRequest {
  return Object.assign(Object.create(Object.getPrototypeOf(request)), request, changes);
}
