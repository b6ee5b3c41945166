/**
 * What every generated command shares: configuration, SigV4 signing, the serialize/deserialize
 * steps, the default HTTP handler and the restJson1 wire helpers. Nothing here knows an operation;
 * the generated serializers and deserializers call into it.
 *
 * Only `@smithy/core/client` (the client, command and exception classes and the middleware stack)
 * is loaded with the package; `@smithy/signature-v4` is loaded when the first request is signed.
 * Hashing uses the platform's Web Crypto and the default handler the platform's `fetch`. That
 * keeps the package small in a bundle and quick to import.
 */
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  Checksum,
  SourceData,
  FinalizeRequestMiddleware,
  HeaderBag,
  HttpHandlerOptions,
  HttpRequest,
  HttpResponse,
  Pluggable,
  Provider,
  QueryParameterBag,
  RequestHandler,
  ResponseMetadata,
} from '@smithy/types';

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

/** Signs every outgoing request with SigV4 for the configured region and credentials. */
export function signingMiddleware(config: ResolvedClientConfig): FinalizeRequestMiddleware<any, any> {
  return (next) => async (args) => {
    if (!isHttpRequest(args.request)) return next(args);
    const request = await signRequest(args.request, {
      credentials: await config.credentials(),
      region: await config.region(),
      service: config.signingName,
    });
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

const encoder = new TextEncoder();

/** RFC 3986 escaping, as AWS wants it in paths and queries: encodeURIComponent plus `!'()*`. */
export const escapeUri = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

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
  const { SignatureV4 } = await (signatureV4 ??= import('@smithy/signature-v4'));
  const signer = new SignatureV4({ credentials, region, service, sha256: WebCryptoSha256 });
  return (await signer.sign(request, { signingDate: date })) as HttpRequest;
}

/** The default HTTP handler: the platform's `fetch`. */
export class FetchRequestHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const query = canonicalQueryString(request.query);
    const port = request.port ? `:${request.port}` : '';
    const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {};
    // fetch sets Host itself, from the URL (the value that was signed).
    for (const [name, value] of Object.entries(request.headers)) if (name.toLowerCase() !== 'host' && value !== undefined) headers[name] = value;
    const response = await fetch(url, {
      method: request.method,
      headers,
      body: request.body as BodyInit | undefined,
      signal: (options.abortSignal as AbortSignal | undefined) ?? null,
    });
    const responseHeaders: HeaderBag = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    return { response: { statusCode: response.status, reason: response.statusText, headers: responseHeaders, body: await response.text() } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

function canonicalQueryString(query: QueryParameterBag = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${escapeUri(key)}=${escapeUri(v)}`);
  }
  return parts.join('&');
}

/** Adds one operation's serializer and deserializer to a command's middleware stack. */
export function serdePlugin<Input extends object, Output extends object>(
  config: ResolvedClientConfig,
  serialize: (input: Input, config: ResolvedClientConfig) => Promise<HttpRequest>,
  deserialize: (response: HttpResponse, config: ResolvedClientConfig) => Promise<Output>,
): Pluggable<Input, Output> {
  return {
    applyToStack(stack) {
      stack.add((next) => async (args) => next({ ...args, request: await serialize(args.input, config) }), {
        step: 'serialize',
        name: 'serializerMiddleware',
        override: true,
      });
      stack.add(
        (next) => async (args) => {
          const { response } = await next(args);
          return { response, output: await deserialize(response as HttpResponse, config) };
        },
        { step: 'deserialize', name: 'deserializerMiddleware', override: true },
      );
    },
  };
}

export interface RequestParts {
  method: string;
  /** The path with its labels already encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  /** JSON body members; members left undefined are not sent. */
  body?: Record<string, unknown>;
}

export async function buildHttpRequest(config: ResolvedClientConfig, parts: RequestParts): Promise<HttpRequest> {
  const endpoint = await config.endpoint();
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(parts.query ?? {})) if (value !== undefined) query[key] = value;
  const headers: Record<string, string> = { host: endpoint.host };
  if (parts.body !== undefined) headers['content-type'] = 'application/json';
  return {
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    method: parts.method,
    path: `${endpoint.pathname.replace(/\/$/, '')}${parts.path}`,
    query,
    headers,
    body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
  };
}

/** A path label, percent-encoded the way restJson1 requires (`:` → `%3A`, `/` → `%2F`). */
export function encodeLabel(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`No value provided for input HTTP label: ${name}.`);
  return escapeUri(value);
}

function header(response: HttpResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function responseMetadata(response: HttpResponse): ResponseMetadata {
  return {
    httpStatusCode: response.statusCode,
    requestId: header(response, 'x-amzn-requestid') ?? header(response, 'x-amz-request-id'),
    attempts: 1,
    totalRetryDelay: 0,
  };
}

export function responseHeader(response: HttpResponse, name: string): string | undefined {
  return header(response, name);
}

/*
 * Header-bound error members as their type. Lenient on purpose: a malformed header must not
 * hide the error the service answered with, so an unreadable value is left undefined.
 */
export function headerBoolean(value: string | undefined): boolean | undefined {
  const text = value?.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

export function headerNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Reads a body whatever the handler returned: a web stream, a Blob, bytes or a Node stream. */
async function bodyText(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (typeof (body as Blob).text === 'function') return (body as Blob).text();
  if (typeof (body as ReadableStream).getReader === 'function') return new Response(body as ReadableStream).text();
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }
  return new TextDecoder().decode(concat(chunks));
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export async function readJsonBody(response: HttpResponse): Promise<Record<string, any>> {
  const text = await bodyText(response.body);
  if (text.trim() === '') return {};
  const parsed = JSON.parse(text);
  return parsed !== null && typeof parsed === 'object' ? parsed : {};
}

/**
 * The error's name and body. The name comes from the error-type header without anything from its
 * first `:`; failing that from the body's `__type` or `code`, without a namespace up to `#`.
 */
export async function readError(response: HttpResponse, config: ResolvedClientConfig): Promise<{ name: string; body: Record<string, any>; message: string }> {
  let body: Record<string, any> = {};
  try {
    body = await readJsonBody(response);
  } catch {
    // A non-JSON error body still has a status and usually a name header.
  }
  const clean = (value: unknown) => (typeof value === 'string' ? value.split(':')[0].split('#').pop()!.trim() : undefined);
  const name = clean(header(response, config.errorTypeHeader)) || clean(body.__type) || clean(body.code) || `Http${response.statusCode}Error`;
  // Both casings occur, depending on the error; a body without either still gets a readable message.
  const message = typeof body.message === 'string' ? body.message : typeof body.Message === 'string' ? body.Message : name;
  return { name, body, message };
}

// Reading JSON members into their modeled types, as the AWS SDK does: absent stays absent, a
// value of another type is an error rather than silently wrong.

export function expectString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new TypeError(`Expected string, got ${typeof value}: ${String(value)}`);
}

export function expectBoolean(value: unknown): boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string' && (value.toLowerCase() === 'true' || value.toLowerCase() === 'false')) return value.toLowerCase() === 'true';
  throw new TypeError(`Expected boolean, got ${typeof value}: ${String(value)}`);
}

export function expectNumber(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && !Number.isNaN(parseFloat(value))) return parseFloat(value);
  throw new TypeError(`Expected number, got ${typeof value}: ${String(value)}`);
}

export function expectInt32(value: unknown): number | undefined {
  const number = expectNumber(value);
  if (number !== undefined && (number | 0) !== number) throw new TypeError(`Expected 32-bit integer, got ${String(value)}`);
  return number;
}
