/**
 * What every generated command shares: configuration, SigV4 signing, the serialize/deserialize
 * steps, and the restJson1 wire helpers. Nothing here knows an operation; the generated
 * serializers and deserializers call into it.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { HttpRequest, type HttpResponse } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { extendedEncodeURIComponent } from '@smithy/smithy-client';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  FinalizeRequestMiddleware,
  HttpHandlerOptions,
  Pluggable,
  Provider,
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
    requestHandler: config.requestHandler ?? new FetchHttpHandler(),
  };
}

/** Signs every outgoing request with SigV4 for the configured region and credentials. */
export function signingMiddleware(config: ResolvedClientConfig): FinalizeRequestMiddleware<any, any> {
  return (next) => async (args) => {
    if (!HttpRequest.isInstance(args.request)) return next(args);
    const signer = new SignatureV4({
      credentials: config.credentials,
      region: await config.region(),
      service: config.signingName,
      sha256: Sha256,
    });
    return next({ ...args, request: await signer.sign(args.request) });
  };
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
  return new HttpRequest({
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    method: parts.method,
    path: `${endpoint.pathname.replace(/\/$/, '')}${parts.path}`,
    query,
    headers,
    body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
  });
}

/** A path label, percent-encoded the way restJson1 requires (`:` → `%3A`, `/` → `%2F`). */
export function encodeLabel(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`No value provided for input HTTP label: ${name}.`);
  return extendedEncodeURIComponent(value);
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
