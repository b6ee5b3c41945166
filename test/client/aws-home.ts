import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Keys of the two profiles in the shared credentials file that awsHome() writes. */
export const PROFILE_KEYS = {
  default: { accessKeyId: 'AKIADEFAULTPROFILE01', secretAccessKey: 'default/secret/key' },
  other: { accessKeyId: 'AKIAOTHERPROFILE0002', secretAccessKey: 'other/secret/key' },
};

/** A home folder holding `.aws/credentials` (profiles `default` and `other`) and `.aws/config` (a region and retry settings per profile). */
export function awsHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'permgen-aws-home-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(
    join(home, '.aws', 'credentials'),
    [
      '[default]',
      `aws_access_key_id = ${PROFILE_KEYS.default.accessKeyId}`,
      `aws_secret_access_key = ${PROFILE_KEYS.default.secretAccessKey}`,
      '',
      '[other]',
      `aws_access_key_id = ${PROFILE_KEYS.other.accessKeyId}`,
      `aws_secret_access_key = ${PROFILE_KEYS.other.secretAccessKey}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(home, '.aws', 'config'),
    ['[default]', 'region = eu-central-1', 'max_attempts = 5', '', '[profile other]', 'region = ap-southeast-2', 'retry_mode = adaptive', ''].join('\n'),
  );
  return home;
}

/** An environment without any AWS_ variable, with HOME set to `home`. */
export function environmentWithHome(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('AWS_')) env[name] = value;
  return { ...env, HOME: home, USERPROFILE: home, ...extra };
}
