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
  return later(async () => (await loadSdkConfig()).loadConfig(MAX_ATTEMPTS_SETTING, profileOf(context)));
}

export function defaultRetryMode(context: Pick<DefaultsContext, 'profile'>): Provider<string> {
  return later(async () => (await loadSdkConfig()).loadConfig(RETRY_MODE_SETTING, profileOf(context)));
}

/**
 * Where the SDK reads the two retry settings, stated here rather than imported from
 * `@smithy/core/retry`, which a client loads only once a call fails (retry.ts says why): the
 * environment variable, then the profile's key, then the SDK's default.
 */
const MAX_ATTEMPTS_SETTING = {
  environmentVariableSelector: (env: Record<string, string | undefined>) => whole(env['AWS_MAX_ATTEMPTS'], 'Environment variable AWS_MAX_ATTEMPTS'),
  configFileSelector: (profile: Record<string, string | undefined>) => whole(profile['max_attempts'], 'Shared config file entry max_attempts'),
  default: 3,
};
const RETRY_MODE_SETTING = {
  environmentVariableSelector: (env: Record<string, string | undefined>) => env['AWS_RETRY_MODE'],
  configFileSelector: (profile: Record<string, string | undefined>) => profile['retry_mode'],
  default: 'standard',
};

function whole(value: string | undefined, where: string): number | undefined {
  if (!value) return undefined;
  const parsed = parseInt(value, 10);
  if (Number.isNaN(parsed)) throw new Error(`${where} must be a number, got "${value}"`);
  return parsed;
}

export function defaultCredentials(context: DefaultsContext): AwsCredentialIdentityProvider {
  return later(async () => {
    const { defaultProvider } = interop(await import('@aws-sdk/credential-provider-node'), 'defaultProvider');
    // Memoized by the SDK: temporary credentials are fetched again shortly before they expire.
    return defaultProvider({ ...profileOf(context), parentClientConfig: { ...profileOf(context), region: context.region } });
  });
}

const profileOf = (context: Pick<DefaultsContext, 'profile'>): { profile?: string } => (context.profile === undefined ? {} : { profile: context.profile });
