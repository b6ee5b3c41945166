/**
 * Where a client in Node finds what its configuration leaves out, exactly as the AWS SDK does and
 * with the SDK's own providers:
 * - region, maximum attempts and retry mode: `AWS_REGION`, `AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`,
 *   then `region`, `max_attempts`, `retry_mode` of the profile in the shared config file
 *   (`@smithy/core/config`);
 * - credentials: the SDK's default chain (`@aws-sdk/credential-provider-node`): environment,
 *   shared credentials and config files (static keys, assumed roles, SSO, `credential_process`,
 *   web identity), then container and instance metadata.
 * The profile is the client's `profile`, else `AWS_PROFILE`, else `default`.
 *
 * Each provider is loaded when it is first asked, and it is asked only for what the client's
 * configuration leaves out: a client given its region and credentials never loads the chain.
 * Browsers get defaults.browser.ts instead (the package's `browser` field swaps the files).
 */
import type { AwsCredentialIdentityProvider, Provider } from '@smithy/types';
import { loadRetry } from './retry.js';
import { interop, later, loadSdkConfig } from './lazy.js';

export interface DefaultsContext {
  /** The client's `profile` option; without it, `AWS_PROFILE` or `default`. */
  readonly profile: string | undefined;
  /** The client's region, resolved (for the credential chain's STS and SSO calls). */
  readonly region: Provider<string>;
}


export function defaultRegion(context: Pick<DefaultsContext, 'profile'>): Provider<string> {
  return later(async () => {
    const config = await loadSdkConfig();
    return config.loadConfig(config.NODE_REGION_CONFIG_OPTIONS, { ...config.NODE_REGION_CONFIG_FILE_OPTIONS, ...profileOf(context) });
  });
}

export function defaultMaxAttempts(context: Pick<DefaultsContext, 'profile'>): Provider<number> {
  return later(async () => {
    const [config, retry] = await Promise.all([loadSdkConfig(), loadRetry()]);
    return config.loadConfig(retry.NODE_MAX_ATTEMPT_CONFIG_OPTIONS, profileOf(context));
  });
}

export function defaultRetryMode(context: Pick<DefaultsContext, 'profile'>): Provider<string> {
  return later(async () => {
    const [config, retry] = await Promise.all([loadSdkConfig(), loadRetry()]);
    return config.loadConfig(retry.NODE_RETRY_MODE_CONFIG_OPTIONS, profileOf(context));
  });
}

export function defaultCredentials(context: DefaultsContext): AwsCredentialIdentityProvider {
  return later(async () => {
    const { defaultProvider } = interop(await import('@aws-sdk/credential-provider-node'), 'defaultProvider');
    // Memoized by the SDK: temporary credentials are fetched again shortly before they expire.
    return defaultProvider({ ...profileOf(context), parentClientConfig: { ...profileOf(context), region: context.region } });
  });
}

const profileOf = (context: Pick<DefaultsContext, 'profile'>): { profile?: string } => (context.profile === undefined ? {} : { profile: context.profile });
