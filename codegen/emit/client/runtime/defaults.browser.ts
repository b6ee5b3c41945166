/**
 * What a client in a browser falls back on: nothing it could read is there (no environment, no
 * shared files, no instance metadata), so region and credentials must be configured; retries
 * use the SDK's defaults. Same exports as defaults.ts, which the package's `browser` field
 * replaces with this file.
 */
import type { AwsCredentialIdentityProvider, Provider } from '@smithy/types';
import type { DefaultsContext } from './defaults.js';

export type { DefaultsContext } from './defaults.js';

export function defaultRegion(_context: Pick<DefaultsContext, 'profile'>): Provider<string> {
  return async () => {
    throw new Error('Region is missing: pass `region` to the client.');
  };
}

export function defaultMaxAttempts(_context: Pick<DefaultsContext, 'profile'>): Provider<number> {
  return async () => 3;
}

export function defaultRetryMode(_context: Pick<DefaultsContext, 'profile'>): Provider<string> {
  return async () => 'standard';
}

export function defaultCredentials(_context: DefaultsContext): AwsCredentialIdentityProvider {
  return async () => {
    throw new Error('Credentials are missing: pass `credentials` to the client (in a browser, for instance from Amazon Cognito).');
  };
}
