/**
 * SigV4 signing of every outgoing request, with @smithy/signature-v4 (the signer the AWS SDK
 * uses) loaded only when the first request is signed, and hashing from the platform's Web Crypto.
 */
import type { AwsCredentialIdentity, Checksum, FinalizeRequestMiddleware, HttpRequest, SourceData } from '@smithy/types';
import { applyAuth, chooseScheme } from './auth.js';
import type { ResolvedClientConfig } from './config.js';
import { concat, encoder } from './bytes.js';
import { interop } from './lazy.js';

/**
 * Authenticates every outgoing request as the model says (auth.ts): signed with SigV4 for the
 * configured region and credentials, or carrying a bearer token or API key, or left as it is.
 */
export function signingMiddleware(config: ResolvedClientConfig): FinalizeRequestMiddleware<any, any> {
  return (next) => async (args) => {
    const scheme = chooseScheme(config);
    if (!isHttpRequest(args.request) || !scheme) return next(args);
    const request =
      scheme.kind === 'sigv4'
        ? await signRequest(args.request, { credentials: await config.credentials(), region: await config.region(), service: scheme.signingName })
        : await applyAuth(args.request, scheme, config);
    return next({ ...args, request });
  };
}

const isHttpRequest = (value: unknown): value is HttpRequest =>
  typeof value === 'object' && value !== null && typeof (value as HttpRequest).method === 'string' && typeof (value as HttpRequest).headers === 'object';

/**
 * SigV4 is @smithy/signature-v4's, the signer the AWS SDK uses. It is loaded with the first
 * signed request rather than with the package: it is most of the package's size and of its
 * import time, and only a program that sends pays for it (once).
 */
let signatureV4: Promise<typeof import('@smithy/signature-v4')> | undefined;

/** SHA-256 and HMAC-SHA-256 for the signer from the platform's Web Crypto: no hashing library to ship. */
class WebCryptoSha256 implements Checksum {
  #chunks: Uint8Array[] = [];

  constructor(private readonly secret?: SourceData) {}

  update(data: Uint8Array | string): void {
    this.#chunks.push(typeof data === 'string' ? encoder.encode(data) : data);
  }

  async digest(): Promise<Uint8Array> {
    const data = concat(this.#chunks);
    if (this.secret === undefined) return new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
    const key = await crypto.subtle.importKey('raw', bytesOf(this.secret) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await crypto.subtle.sign('HMAC', key, data as BufferSource));
  }

  reset(): void {
    this.#chunks = [];
  }
}

function bytesOf(data: SourceData): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** A copy of the request with x-amz-date, x-amz-content-sha256, the session token and the Authorization header set. */
export async function signRequest(
  request: HttpRequest,
  { credentials, region, service, date = new Date() }: { credentials: AwsCredentialIdentity; region: string; service: string; date?: Date },
): Promise<HttpRequest> {
  const { SignatureV4 } = await (signatureV4 ??= import('@smithy/signature-v4').then((module) => interop(module, 'SignatureV4')));
  const signer = new SignatureV4({ credentials, region, service, sha256: WebCryptoSha256 });
  return (await signer.sign(request, { signingDate: date })) as HttpRequest;
}
