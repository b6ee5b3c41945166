/**
 * Client configuration: what a user may set, what the model says about the service, and both
 * resolved into providers for region, credentials and endpoint.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, HttpHandlerOptions, Provider, RequestHandler } from '@smithy/types';
import { FetchRequestHandler } from './fetch-handler.js';

/** What a user may configure. Everything is optional where the environment can supply it. */
export interface ClientConfig {
  /** Region to sign for and to build the default endpoint from; defaults to `AWS_REGION`. */
  region?: string | Provider<string>;
  /** Defaults to `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Where to send requests, e.g. `http://127.0.0.1:4510`; defaults to the service's regional endpoint. */
  endpoint?: string | URL;
  /** The HTTP handler; defaults to one built on `fetch`. */
  requestHandler?: RequestHandler<any, any, HttpHandlerOptions>;
}

/** Facts about the service that the generator takes from the model. */
export interface ServiceDefaults {
  apiVersion: string;
  signingName: string;
  /** Endpoint template with `{region}`-style variables. */
  endpointTemplate?: string;
  endpointDefaults?: Record<string, string>;
  errorTypeHeader: string;
}

export interface ResolvedClientConfig {
  readonly apiVersion: string;
  readonly signingName: string;
  readonly errorTypeHeader: string;
  readonly region: Provider<string>;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly endpoint: Provider<URL>;
  readonly requestHandler: RequestHandler<any, any, HttpHandlerOptions>;
}

const environment = (name: string): string | undefined =>
  typeof process === 'undefined' ? undefined : process.env?.[name] || undefined;

export function resolveClientConfig(config: ClientConfig, service: ServiceDefaults): ResolvedClientConfig {
  const region: Provider<string> = async () => {
    const value = typeof config.region === 'function' ? await config.region() : config.region ?? environment('AWS_REGION') ?? environment('AWS_DEFAULT_REGION');
    if (!value) throw new Error('Region is missing: pass `region` to the client or set AWS_REGION.');
    return value;
  };
  const credentials: AwsCredentialIdentityProvider = async () => {
    if (typeof config.credentials === 'function') return config.credentials();
    if (config.credentials) return config.credentials;
    const accessKeyId = environment('AWS_ACCESS_KEY_ID');
    const secretAccessKey = environment('AWS_SECRET_ACCESS_KEY');
    if (!accessKeyId || !secretAccessKey) {
      throw new Error('Credentials are missing: pass `credentials` to the client or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');
    }
    return { accessKeyId, secretAccessKey, sessionToken: environment('AWS_SESSION_TOKEN') };
  };
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
    region,
    credentials,
    endpoint,
    requestHandler: config.requestHandler ?? new FetchRequestHandler(),
  };
}
