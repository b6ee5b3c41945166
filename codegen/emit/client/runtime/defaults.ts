/**
 * Where a client in Node finds what its configuration leaves out, exactly as the AWS SDK does and
 * with the SDK's own providers:
 * - region, maximum attempts and retry mode: `AWS_REGION`, `AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`,
 *   then `region`, `max_attempts`, `retry_mode` of the profile in the shared config file
 *   (`@smithy/core/config`);
 * - credentials: the SDK's default chain (`@aws-sdk/credential-provider-node`): environment,
 *   shared credentials and config files (static keys, assumed roles, SSO, `credential_process`,
 *   web identity), then container and instance metadata. In a program bundled without it, the
 *   environment alone (see `loadCredentialChain`).
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

export function defaultCredentials(context: DefaultsContext, loadChain: () => Promise<CredentialChain | undefined> = loadCredentialChain): AwsCredentialIdentityProvider {
  return later(async () => {
    const chain = await loadChain();
    if (chain === undefined) return environmentCredentials(context);
    // Memoized by the SDK: temporary credentials are fetched again shortly before they expire.
    return chain.defaultProvider({ ...profileOf(context), parentClientConfig: { ...profileOf(context), region: context.region } });
  });
}

export type CredentialChain = Pick<typeof import('@aws-sdk/credential-provider-node'), 'defaultProvider'>;

/**
 * The SDK's credential chain, imported by a name that bundlers do not follow; `undefined` where the
 * package is not installed beside the program.
 *
 * Why not a plain `import()`: a bundler writing one file inlines what `import()` names, and the
 * chain, with the STS and SSO clients it carries, was three quarters of a one-file Node bundle of
 * a program that sends one command (384 KB, against 60 KB without it), though a program given
 * its credentials never runs it. Installed as usual, the package is found in node_modules exactly
 * as before. A program bundled into one file and run without node_modules still takes its
 * credentials from the environment, as the chain would first (a Lambda function, a CI job), and
 * is told what to do for anything else.
 */
async function loadCredentialChain(): Promise<CredentialChain | undefined> {
  try {
    return interop((await import(/* webpackIgnore: true */ /* @vite-ignore */ CREDENTIAL_CHAIN)) as CredentialChain, 'defaultProvider');
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const missing = (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes(`'${CREDENTIAL_CHAIN}'`);
    if (missing) return undefined;
    throw error;
  }
}

// Joined at run time: a bundler resolves a specifier it can read, this one it cannot.
const CREDENTIAL_CHAIN = ['@aws-sdk', 'credential-provider-node'].join('/');

/**
 * The chain's first provider, without the chain: the static keys of `AWS_ACCESS_KEY_ID` and
 * `AWS_SECRET_ACCESS_KEY` (with `AWS_SESSION_TOKEN`, `AWS_CREDENTIAL_EXPIRATION`,
 * `AWS_CREDENTIAL_SCOPE`, `AWS_ACCOUNT_ID`), read as `@aws-sdk/credential-provider-env` reads
 * them, and skipped under a profile as the chain skips them.
 */
function environmentCredentials(context: Pick<DefaultsContext, 'profile'>): AwsCredentialIdentityProvider {
  return async () => {
    // The package is typed without Node's types; this file runs on Node only.
    const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
    const profile = context.profile ?? env['AWS_PROFILE'];
    const accessKeyId = env['AWS_ACCESS_KEY_ID'];
    const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
    if (profile || !accessKeyId || !secretAccessKey) {
      throw Object.assign(new Error(noChainMessage(profile)), { name: 'CredentialsProviderError' });
    }
    const sessionToken = env['AWS_SESSION_TOKEN'];
    const expiration = env['AWS_CREDENTIAL_EXPIRATION'];
    const credentialScope = env['AWS_CREDENTIAL_SCOPE'];
    const accountId = env['AWS_ACCOUNT_ID'];
    return {
      accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
      ...(expiration ? { expiration: new Date(expiration) } : {}),
      ...(credentialScope ? { credentialScope } : {}),
      ...(accountId ? { accountId } : {}),
    };
  };
}

function noChainMessage(profile: string | undefined): string {
  const fix = `pass \`credentials\` to the client, or install ${CREDENTIAL_CHAIN} beside the program.`;
  return profile
    ? `The profile "${profile}" needs the AWS SDK's credential chain (${CREDENTIAL_CHAIN}), which is not installed where this program runs: ${fix}`
    : `No credentials are set in the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), and the rest of the AWS SDK's credential chain (${CREDENTIAL_CHAIN}) is not installed where this program runs: ${fix}`;
}

const profileOf = (context: Pick<DefaultsContext, 'profile'>): { profile?: string } => (context.profile === undefined ? {} : { profile: context.profile });
