/**
 * Client configuration: what a user may set, what the model says about the service, and both
 * resolved into providers for region, credentials, endpoint and retries. What the user leaves
 * out comes from the platform's defaults (defaults.ts in Node, defaults.browser.ts in browsers).
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, HttpHandlerOptions, Provider, RequestHandler } from '@smithy/types';
import { defaultCredentials, defaultMaxAttempts, defaultRegion, defaultRetryMode } from './defaults.js';
import { resolveAuthConfig, type AuthInputConfig, type AuthResolvedConfig, type AuthScheme } from './auth.js';
import { FetchRequestHandler } from './fetch-handler.js';
import { later, loadSdkConfig } from './lazy.js';
import { resolveRetryConfig, type RetryInputConfig, type RetryResolvedConfig } from './retry.js';

/** What a user may configure. Everything is optional where the environment can supply it, as in the AWS SDK. */
export interface ClientConfig extends RetryInputConfig, AuthInputConfig {
  /**
   * Region to sign for and to build the default endpoint from. In Node it defaults, as in the AWS
   * SDK, to `AWS_REGION`, then to the profile's `region` in the shared config file (`~/.aws/config`).
   */
  region?: string | Provider<string> | undefined;
  /**
   * Credentials, or any provider of them (for instance one of `@aws-sdk/credential-providers`). In
   * Node they default to the AWS SDK's chain: environment, shared credentials and config files (with
   * SSO, `credential_process` and web identity profiles), container and instance metadata.
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  /** The profile of the shared files to read region, credentials and retry settings from; defaults to `AWS_PROFILE`, then `default`. */
  profile?: string | undefined;
  /** Where to send requests, e.g. `http://127.0.0.1:4510`; defaults to the service's regional endpoint. */
  endpoint?: string | URL | undefined;
  /** The HTTP handler; defaults to one built on `fetch`. */
  requestHandler?: RequestHandler<any, any, HttpHandlerOptions> | undefined;
}

/** Facts about the service that the generator takes from the model. */
export interface ServiceDefaults {
  apiVersion: string;
  /** The SigV4 signing name, when the service signs with SigV4. */
  signingName?: string | undefined;
  /** How requests authenticate (auth.ts); absent: SigV4 with `signingName`. */
  auth?: readonly AuthScheme[] | undefined;
  /** Endpoint template with `{region}`-style variables. */
  endpointTemplate?: string | undefined;
  endpointDefaults?: Record<string, string> | undefined;
  errorTypeHeader: string;
}

export interface ResolvedClientConfig extends RetryResolvedConfig, AuthResolvedConfig {
  readonly apiVersion: string;
  readonly signingName: string | undefined;
  readonly errorTypeHeader: string;
  readonly region: Provider<string>;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly endpoint: Provider<URL>;
  readonly requestHandler: RequestHandler<any, any, HttpHandlerOptions>;
}

export function resolveClientConfig(config: ClientConfig, service: ServiceDefaults): ResolvedClientConfig {
  const { profile } = config;
  const region = config.region === undefined ? defaultRegion({ profile }) : typeof config.region === 'function' ? config.region : constant(config.region);
  const credentials =
    config.credentials === undefined ? defaultCredentials({ profile, region }) : typeof config.credentials === 'function' ? memoizeCredentials(config.credentials) : constant(config.credentials);
  const endpoint: Provider<URL> = async () => {
    if (config.endpoint !== undefined) return new URL(String(config.endpoint));
    if (!service.endpointTemplate) throw new Error('Endpoint is missing: pass `endpoint` to the client.');
    const variables: Record<string, string> = { ...service.endpointDefaults, region: await region() };
    return new URL(service.endpointTemplate.replace(/\{(\w+)\}/g, (_, name: string) => variables[name] ?? ''));
  };
  return {
    apiVersion: service.apiVersion,
    signingName: service.signingName,
    errorTypeHeader: service.errorTypeHeader,
    ...resolveAuthConfig(config, service),
    region,
    credentials,
    endpoint,
    ...resolveRetryConfig(config, { maxAttempts: defaultMaxAttempts({ profile }), retryMode: defaultRetryMode({ profile }) }),
    requestHandler: config.requestHandler ?? new FetchRequestHandler(),
  };
}

function constant<T>(value: T): () => Promise<T> {
  return async () => value;
}

/** Credentials that expire are fetched again when less than this is left of them, as in the AWS SDK. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

/**
 * A credentials provider of the user's, asked again only for credentials that expire within five
 * minutes (or when a caller forces a refresh), as the AWS SDK memoizes one; the memoizing is the
 * SDK's (`@smithy/core/config`), loaded with the first request.
 */
function memoizeCredentials(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  const expiresSoon = (identity: AwsCredentialIdentity) => identity.expiration !== undefined && identity.expiration.getTime() - Date.now() < REFRESH_BEFORE_EXPIRY_MS;
  const mayExpire = (identity: AwsCredentialIdentity) => identity.expiration !== undefined;
  return later(async () => (await loadSdkConfig()).memoize(provider, expiresSoon, mayExpire));
}
