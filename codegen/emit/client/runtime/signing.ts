/**
 * SigV4 signing of every outgoing request, written here on the platform's Web Crypto rather than
 * taken from @smithy/signature-v4. Measured (npm run bench, section 3): that package has no ES
 * module build a Node bundler picks, and its CommonJS build `require`s three whole @smithy/core
 * entry points (client, serde, protocols) for a few helpers; a one-command program bundled for
 * Node then loaded 172 KB against the AWS SDK's 489 KB (0.35, where the target is a third). The
 * server still verifies signatures with @smithy/signature-v4 (runtime/auth.ts), and
 * test/codegen/sigv4.test.ts holds this signer to that one, header for header.
 */
import type { AwsCredentialIdentity, FinalizeRequestMiddleware, HeaderBag, HttpRequest, QueryParameterBag } from '@smithy/types';
import { applyAuth, chooseScheme } from './auth.js';
import { encoder } from './bytes.js';
import type { ResolvedClientConfig } from './config.js';
import { escapeUri } from './uri.js';

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

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** SHA-256 of nothing: the payload hash of a request without a body. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** Headers SigV4 never signs: proxies and the platform may change or add them on the way. */
const UNSIGNABLE = new Set([
  'authorization', 'cache-control', 'connection', 'expect', 'from', 'keep-alive', 'max-forwards', 'pragma',
  'referer', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'x-amzn-trace-id',
]);
/** Headers the signer writes itself, dropped from the request it is given. */
const WRITTEN_BY_SIGNER = new Set(['authorization', 'x-amz-date', 'date']);

const toHex = (bytes: ArrayBuffer): string => {
  let hex = '';
  for (const byte of new Uint8Array(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
};

const sha256Hex = async (data: string | Uint8Array): Promise<string> =>
  toHex(await crypto.subtle.digest('SHA-256', (typeof data === 'string' ? encoder.encode(data) : data) as BufferSource));

async function hmac(key: ArrayBuffer | Uint8Array, data: string): Promise<ArrayBuffer> {
  const imported = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', imported, encoder.encode(data));
}

/** Signing keys by day, region, service and secret: one derivation (four HMACs) a day, not one per request. */
const signingKeys = new Map<string, Promise<ArrayBuffer>>();

function signingKey(secret: string, shortDate: string, region: string, service: string): Promise<ArrayBuffer> {
  const cacheKey = `${shortDate}\n${region}\n${service}\n${secret}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    if (signingKeys.size >= 50) signingKeys.clear();
    key = (async () => {
      const date = await hmac(encoder.encode(`AWS4${secret}`), shortDate);
      return hmac(await hmac(await hmac(date, region), service), 'aws4_request');
    })();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

/** The path with `.` and `..` segments resolved and every segment percent-encoded once more, as SigV4 wants for every service but S3. */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

/** Pairs sorted by name as given, a list's pairs by their encoded text. */
function canonicalQuery(query: QueryParameterBag = {}): string {
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    if (key.toLowerCase() === 'x-amz-signature') continue;
    const value = query[key];
    if (typeof value === 'string') parts.push(`${escapeUri(key)}=${escapeUri(value)}`);
    else if (Array.isArray(value)) parts.push(value.map((item) => `${escapeUri(key)}=${escapeUri(item)}`).sort().join('&'));
  }
  return parts.filter((part) => part !== '').join('&');
}

/** The payload hash: of the body's bytes, of nothing, or `UNSIGNED-PAYLOAD` for a stream. */
async function payloadHash(body: unknown): Promise<string> {
  if (body === undefined || body === null) return EMPTY_SHA256;
  if (typeof body === 'string') return sha256Hex(body);
  if (ArrayBuffer.isView(body)) return sha256Hex(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  if (body instanceof ArrayBuffer) return sha256Hex(new Uint8Array(body));
  return 'UNSIGNED-PAYLOAD';
}

/** A copy of the request with x-amz-date, x-amz-content-sha256, the session token and the Authorization header set. */
export async function signRequest(
  original: HttpRequest,
  { credentials, region, service, date = new Date() }: { credentials: AwsCredentialIdentity; region: string; service: string; date?: Date },
): Promise<HttpRequest> {
  if (typeof credentials?.accessKeyId !== 'string' || typeof credentials.secretAccessKey !== 'string') {
    throw new Error('Resolved credential object is not valid');
  }
  const headers: HeaderBag = {};
  for (const [name, value] of Object.entries(original.headers)) if (!WRITTEN_BY_SIGNER.has(name.toLowerCase())) headers[name] = value;
  const request: HttpRequest = { ...original, headers, query: { ...original.query } };
  const longDate = date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  const shortDate = longDate.slice(0, 8);
  const scope = `${shortDate}/${region}/${service}/aws4_request`;
  headers['x-amz-date'] = longDate;
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;

  let hash = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-amz-content-sha256')?.[1];
  if (hash === undefined) {
    hash = await payloadHash(request.body);
    headers['x-amz-content-sha256'] = hash;
  }

  const canonical: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || value === null || UNSIGNABLE.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) continue;
    canonical[lower] = String(value).trim().replace(/\s+/g, ' ');
  }
  const signed = Object.keys(canonical).sort();
  const canonicalRequest = [
    request.method,
    canonicalPath(request.path),
    canonicalQuery(request.query),
    signed.map((name) => `${name}:${canonical[name]}`).join('\n'),
    '',
    signed.join(';'),
    hash,
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${await sha256Hex(canonicalRequest)}`;
  const signature = toHex(await hmac(await signingKey(credentials.secretAccessKey, shortDate, region, service), stringToSign));
  headers['authorization'] = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
  return request;
}
