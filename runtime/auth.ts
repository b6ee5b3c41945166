/**
 * SigV4 verification behind `--auth`: a request is accepted only when signed, for service
 * `lambda` and this server's region, within 15 minutes of the server's clock, with a key from the
 * credentials file and the matching secret. The signature is not recomputed by hand here: the
 * request is signed again with `@smithy/signature-v4` (what AWS's JavaScript SDK signs with) over
 * exactly the headers the client signed, and the two signatures are compared.
 *
 * Refusals use the names, statuses and wording of the service (sources in runtime/README.md).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';
import { ProtocolError, type ServerRequest } from '../generated/server/index.js';

export const SIGNING_SERVICE = 'lambda';
/** How far a request's date may be from the server's clock, as AWS allows. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Access key id → secret access key. */
export type Credentials = ReadonlyMap<string, string>;

/** A credentials file that cannot be used; the message says what to fix. */
export class CredentialsFileError extends Error {}

/**
 * Reads a credentials file in the format of `~/.aws/credentials`: `[profile]` sections with
 * `aws_access_key_id` and `aws_secret_access_key`. Every profile's key is accepted.
 */
export function loadCredentialsFile(path: string): Credentials {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CredentialsFileError(`Cannot read the credentials file ${path}: ${(error as Error).message}`);
  }
  const credentials = new Map<string, string>();
  let section = '';
  let key: string | undefined;
  let secret: string | undefined;
  const flush = () => {
    if (key !== undefined && secret !== undefined) credentials.set(key, secret);
    else if (key !== undefined || secret !== undefined) {
      throw new CredentialsFileError(`Profile [${section}] of ${path} needs both aws_access_key_id and aws_secret_access_key.`);
    }
    key = secret = undefined;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      flush();
      section = header[1].trim();
      continue;
    }
    const equals = line.indexOf('=');
    if (equals === -1) continue;
    const name = line.slice(0, equals).trim().toLowerCase();
    const value = line.slice(equals + 1).trim();
    if (name === 'aws_access_key_id') key = value;
    else if (name === 'aws_secret_access_key') secret = value;
  }
  flush();
  if (credentials.size === 0) throw new CredentialsFileError(`${path} holds no aws_access_key_id with its aws_secret_access_key.`);
  return credentials;
}

/** SHA-256 for the signer, from node:crypto (the signer asks for a constructor of this shape). */
class NodeSha256 implements Checksum {
  private hash;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

const toBuffer = (data: SourceData): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

const refuse = (name: string, message: string, status = 403) => new ProtocolError(name, status, message);

const AUTHORIZATION = /^AWS4-HMAC-SHA256\s+(.*)$/s;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `20261204T191500Z` for a time. */
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function header(request: ServerRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export interface Authenticator {
  /** Undefined when the request is signed correctly; else the refusal to send. */
  (request: ServerRequest): Promise<ProtocolError | undefined>;
}

export function sigV4Authenticator(credentials: Credentials, region: string, now: () => number = Date.now): Authenticator {
  return async (request) => {
    const authorization = header(request, 'authorization');
    if (authorization === undefined || authorization === '') return refuse('MissingAuthenticationTokenException', 'Missing Authentication Token');
    const shown = authorization.length > 200 ? `${authorization.slice(0, 200)}...` : authorization;

    const match = AUTHORIZATION.exec(authorization);
    const parts = new Map<string, string>();
    for (const part of (match?.[1] ?? '').split(',')) {
      const equals = part.indexOf('=');
      if (equals > 0) parts.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
    }
    const dateHeader = header(request, 'x-amz-date');
    const missing = [
      parts.has('Credential') ? '' : "Authorization header requires 'Credential' parameter. ",
      parts.has('Signature') ? '' : "Authorization header requires 'Signature' parameter. ",
      parts.has('SignedHeaders') ? '' : "Authorization header requires 'SignedHeaders' parameter. ",
      dateHeader ? '' : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ",
    ].join('');
    if (!match || missing) return refuse('IncompleteSignatureException', `${missing}Authorization=${shown}`);

    const scope = parts.get('Credential')!.split('/');
    if (scope.length !== 5 || scope[4] !== 'aws4_request') {
      return refuse('IncompleteSignatureException', `Credential should be scoped to a valid region, and have the form AccessKeyId/Date/Region/Service/aws4_request. Authorization=${shown}`);
    }
    const [accessKeyId, scopeDate, scopeRegion, scopeService] = scope;
    const secretAccessKey = credentials.get(accessKeyId);
    if (secretAccessKey === undefined) return refuse('UnrecognizedClientException', 'The security token included in the request is invalid.');

    const date = AMZ_DATE.exec(dateHeader!);
    if (!date) return refuse('IncompleteSignatureException', `Date must be in ISO-8601 'basic format'. Got '${dateHeader!.slice(0, 40)}'. See http://en.wikipedia.org/wiki/ISO_8601`);
    const signedAt = Date.UTC(+date[1], +date[2] - 1, +date[3], +date[4], +date[5], +date[6]);
    const serverNow = now();
    if (signedAt < serverNow - MAX_CLOCK_SKEW_MS) {
      return refuse('InvalidSignatureException', `Signature expired: ${dateHeader} is now earlier than ${amzDate(serverNow - MAX_CLOCK_SKEW_MS)} (${amzDate(serverNow)} - 15 min.)`);
    }
    if (signedAt > serverNow + MAX_CLOCK_SKEW_MS) {
      return refuse('InvalidSignatureException', `Signature not yet current: ${dateHeader} is still later than ${amzDate(serverNow + MAX_CLOCK_SKEW_MS)} (${amzDate(serverNow)} + 15 min.)`);
    }
    if (scopeDate !== dateHeader!.slice(0, 8)) {
      return refuse('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${dateHeader!.slice(0, 8)}', from '${dateHeader}'.`);
    }
    if (scopeRegion !== region) return refuse('InvalidSignatureException', `Credential should be scoped to a valid region, not '${scopeRegion}'. `);
    if (scopeService !== SIGNING_SERVICE) return refuse('InvalidSignatureException', `Credential should be scoped to correct service: '${SIGNING_SERVICE}'. `);

    const signedHeaders = parts.get('SignedHeaders')!.split(';');
    if (!signedHeaders.includes('host')) return refuse('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");

    const payloadHash = header(request, 'x-amz-content-sha256');
    const bodyHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
    if (payloadHash !== undefined && payloadHash !== bodyHash && payloadHash !== 'UNSIGNED-PAYLOAD') {
      return refuse('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    // The request again, as the client's signer saw it (no x-amz-content-sha256 added where the client sent none): the path as sent (the signer encodes it
    // once more, as it did on the client), the query decoded, and only the headers it signed.
    const headers: Record<string, string> = {};
    for (const name of signedHeaders) {
      const value = header(request, name);
      if (value !== undefined) headers[name] = value;
    }
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of request.query) {
      const existing = query[name];
      query[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    const signer = new SignatureV4({ service: SIGNING_SERVICE, region, credentials: { accessKeyId, secretAccessKey }, sha256: NodeSha256, applyChecksum: false });
    const signed = await signer.sign(
      { method: request.method, protocol: 'http:', hostname: headers.host ?? '', path: request.path, query, headers, body: request.body },
      { signingDate: new Date(signedAt), signableHeaders: new Set(signedHeaders) },
    );
    const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? '';
    const given = parts.get('Signature')!;
    if (expected.length !== given.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
      return refuse(
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
    }
    return undefined;
  };
}
