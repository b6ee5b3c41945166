import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as browser from '../../codegen/emit/client/runtime/defaults.browser.js';
import * as node from '../../codegen/emit/client/runtime/defaults.js';
import { awsHome, environmentWithHome, PROFILE_KEYS } from './aws-home.js';

// The Node defaults read process.env when first asked; each test builds fresh providers.
let savedEnv: NodeJS.ProcessEnv;
let home: string;
beforeEach(() => {
  savedEnv = process.env;
  home = awsHome();
  process.env = environmentWithHome(home);
});
afterEach(() => {
  process.env = savedEnv;
  rmSync(home, { recursive: true, force: true });
});

const region = async () => 'us-east-1';

describe('Node defaults: the AWS SDK providers', () => {
  it('take region, max_attempts and credentials from the default profile of the shared files', async () => {
    expect(await node.defaultRegion({ profile: undefined })()).toBe('eu-central-1');
    expect(await node.defaultMaxAttempts({ profile: undefined })()).toBe(5);
    expect(await node.defaultRetryMode({ profile: undefined })()).toBe('standard');
    expect(await node.defaultCredentials({ profile: undefined, region })()).toMatchObject(PROFILE_KEYS.default);
  });

  it('follow AWS_PROFILE', async () => {
    process.env['AWS_PROFILE'] = 'other';
    expect(await node.defaultRegion({ profile: undefined })()).toBe('ap-southeast-2');
    expect(await node.defaultRetryMode({ profile: undefined })()).toBe('adaptive');
    expect(await node.defaultMaxAttempts({ profile: undefined })()).toBe(3);
    expect(await node.defaultCredentials({ profile: undefined, region })()).toMatchObject(PROFILE_KEYS.other);
  });

  it('prefer the client’s profile option to AWS_PROFILE', async () => {
    process.env['AWS_PROFILE'] = 'default';
    expect(await node.defaultRegion({ profile: 'other' })()).toBe('ap-southeast-2');
    expect(await node.defaultCredentials({ profile: 'other', region })()).toMatchObject(PROFILE_KEYS.other);
  });

  it('prefer the environment to the shared files', async () => {
    Object.assign(process.env, { AWS_REGION: 'sa-east-1', AWS_MAX_ATTEMPTS: '7', AWS_ACCESS_KEY_ID: 'AKIAFROMENVIRONMENT0', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'env-token' });
    expect(await node.defaultRegion({ profile: undefined })()).toBe('sa-east-1');
    expect(await node.defaultMaxAttempts({ profile: undefined })()).toBe(7);
    expect(await node.defaultCredentials({ profile: undefined, region })()).toMatchObject({ accessKeyId: 'AKIAFROMENVIRONMENT0', secretAccessKey: 'env-secret', sessionToken: 'env-token' });
  });

  it('say what is missing in the SDK’s words when nothing supplies a region or credentials', async () => {
    process.env = environmentWithHome('/nonexistent-home', { AWS_EC2_METADATA_DISABLED: 'true' });
    await expect(node.defaultRegion({ profile: undefined })()).rejects.toThrow('Region is missing');
    await expect(node.defaultCredentials({ profile: undefined, region })()).rejects.toThrow(/Could not load credentials from any providers/);
  }, 20_000);

});

describe('Node defaults in a program bundled without the credential chain (not installed where it runs)', () => {
  const withoutChain = async () => undefined;

  it('take the static keys of the environment, as the chain takes them first', async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAFROMENVIRONMENT0', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'env-token', AWS_CREDENTIAL_EXPIRATION: '2030-01-02T03:04:05Z' });
    expect(await node.defaultCredentials({ profile: undefined, region }, withoutChain)()).toEqual({
      accessKeyId: 'AKIAFROMENVIRONMENT0',
      secretAccessKey: 'env-secret',
      sessionToken: 'env-token',
      expiration: new Date('2030-01-02T03:04:05Z'),
    });
  });

  it('say which package is missing and what to do, without keys in the environment or under a profile', async () => {
    await expect(node.defaultCredentials({ profile: undefined, region }, withoutChain)()).rejects.toThrow(
      "No credentials are set in the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), and the rest of the AWS SDK's credential chain (@aws-sdk/credential-provider-node) is not installed where this program runs: pass `credentials` to the client, or install @aws-sdk/credential-provider-node beside the program.",
    );
    // A profile skips the environment's keys in the chain, so it does here.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAFROMENVIRONMENT0', AWS_SECRET_ACCESS_KEY: 'env-secret' });
    await expect(node.defaultCredentials({ profile: 'other', region }, withoutChain)()).rejects.toThrow(
      'The profile "other" needs the AWS SDK\'s credential chain (@aws-sdk/credential-provider-node), which is not installed where this program runs',
    );
  });
});

describe('browser defaults', () => {
  it('export what the Node defaults export, so that a bundler can swap the files', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
  });

  it('ask for region and credentials and retry in standard mode with 3 attempts', async () => {
    vi.stubGlobal('process', undefined);
    try {
      await expect(browser.defaultRegion({ profile: undefined })()).rejects.toThrow('Region is missing: pass `region` to the client.');
      await expect(browser.defaultCredentials({ profile: undefined, region })()).rejects.toThrow(/Credentials are missing/);
      expect(await browser.defaultMaxAttempts({ profile: undefined })()).toBe(3);
      expect(await browser.defaultRetryMode({ profile: undefined })()).toBe('standard');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
