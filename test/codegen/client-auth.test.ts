// The generated client authenticates as the model's security schemes say (emit/client/runtime/
// auth.ts, wired through signing.ts): SigV4 with the model's signing name, a bearer token, an API
// key in a header or the query, or nothing. { given: schemes and configuration, want: the request }.

import { HttpRequest } from '@smithy/protocol-http';
import { describe, expect, it } from 'vitest';
import { resolveAuthConfig, type AuthInputConfig, type AuthScheme } from '../../codegen/emit/client/runtime/auth.js';
import type { ResolvedClientConfig } from '../../codegen/emit/client/runtime/config.js';
import { signingMiddleware } from '../../codegen/emit/client/runtime/signing.js';
import { authSchemesLiteral } from '../../codegen/emit/client/auth.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** The request as the handler would receive it, after the client's authentication step. */
async function send(auth: AuthScheme[] | undefined, input: AuthInputConfig = {}, signingName?: string): Promise<HttpRequest> {
  const config = {
    ...resolveAuthConfig(input, { auth, signingName }),
    signingName,
    credentials: async () => credentials,
    region: async () => 'eu-west-1',
  } as unknown as ResolvedClientConfig;
  const request = new HttpRequest({ protocol: 'https:', hostname: 'api.example.com', method: 'GET', path: '/shelves', query: { limit: '5' }, headers: { host: 'api.example.com' } });
  let sent: HttpRequest | undefined;
  await signingMiddleware(config)(async (args) => ((sent = args.request as HttpRequest), { output: {} as never, response: {} }), {} as never)({ input: {}, request });
  return sent!;
}

describe('client authentication from the model\'s schemes', () => {
  it.each([
    { name: 'a bearer token given as a string', auth: [{ kind: 'bearer' }], input: { token: 'abc.def' }, want: { authorization: 'Bearer abc.def' }, query: { limit: '5' } },
    { name: 'a bearer token from a provider', auth: [{ kind: 'bearer' }], input: { token: async () => ({ token: 'fresh' }) }, want: { authorization: 'Bearer fresh' }, query: { limit: '5' } },
    { name: 'an API key in a header', auth: [{ kind: 'apiKey', in: 'header', name: 'X-Api-Key' }], input: { apiKey: 'k1' }, want: { 'x-api-key': 'k1' }, query: { limit: '5' } },
    { name: 'an API key in the query', auth: [{ kind: 'apiKey', in: 'query', name: 'api_key' }], input: { apiKey: async () => 'k2' }, want: {}, query: { limit: '5', api_key: 'k2' } },
    { name: 'no scheme: the request as it is', auth: [], input: { token: 'unused' }, want: {}, query: { limit: '5' } },
    { name: 'several schemes: the one the user gave an identity for', auth: [{ kind: 'sigv4', signingName: 'shelves' }, { kind: 'bearer' }], input: { token: 't' }, want: { authorization: 'Bearer t' }, query: { limit: '5' } },
  ] as { name: string; auth: AuthScheme[]; input: AuthInputConfig; want: Record<string, string>; query: Record<string, string> }[])('$name', async ({ auth, input, want, query }) => {
    const request = await send(auth, input);
    expect(request).toBeInstanceOf(HttpRequest);
    expect(request.headers).toEqual({ host: 'api.example.com', ...want });
    expect(request.query).toEqual(query);
  });

  it('signs with SigV4 under the model\'s signing name, not one derived from the service name', async () => {
    const request = await send([{ kind: 'sigv4', signingName: 'shelves' }]);
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/shelves\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
  });

  it('a client generated before schemes were modeled signs with SigV4 under its signing name', async () => {
    const request = await send(undefined, {}, 'lambda');
    expect(request.headers.authorization).toMatch(/\/eu-west-1\/lambda\/aws4_request/);
  });

  it.each([
    { auth: [{ kind: 'bearer' }], want: 'This service authenticates with a bearer token: pass `token` (a string or a provider) to the client.' },
    { auth: [{ kind: 'apiKey', in: 'header', name: 'X-Api-Key' }], want: 'This service authenticates with an API key in the X-Api-Key header: pass `apiKey` to the client.' },
  ] as { auth: AuthScheme[]; want: string }[])('says which identity is missing: $want', async ({ auth, want }) => {
    await expect(send(auth)).rejects.toThrow(want);
  });

  it('writes the schemes into the client as the model gives them', () => {
    expect(authSchemesLiteral([{ kind: 'sigv4', signingName: 'lambda' }, { kind: 'bearer' }, { kind: 'apiKey', in: 'query', name: 'key' }])).toBe(
      "[{ kind: 'sigv4', signingName: 'lambda' }, { kind: 'bearer' }, { kind: 'apiKey', in: 'query', name: 'key' }]",
    );
    expect(authSchemesLiteral(undefined)).toBe('[]');
  });
});
