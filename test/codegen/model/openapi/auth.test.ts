// Authentication from the document's security schemes: { given: `security` and the schemes,
// want: ServiceFacts.auth } and the schemes the reader refuses. Mirrors codegen/model/openapi/auth.ts.

import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../../codegen/model/document.js';
import { read } from '../helpers.js';

const schemes = {
  sigv4: { type: 'apiKey', in: 'header', name: 'Authorization', 'x-aws-sigv4': { signingName: 'lambda' } },
  bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
  headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
  queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: {} } } },
  basic: { type: 'http', scheme: 'basic' },
  cookieKey: { type: 'apiKey', in: 'cookie', name: 'session' },
};

const authOf = (security: unknown) => read({ extra: { ...(security !== undefined && { security }), components: { securitySchemes: schemes } } }).service.auth;

describe('ServiceFacts.auth', () => {
  it.each([
    { name: 'no top-level security: none, whatever schemes are declared', given: undefined, want: undefined },
    { name: 'an empty requirement (security is optional): none', given: [{}], want: undefined },
    { name: 'SigV4 only where a scheme carries x-aws-sigv4, with its signing name', given: [{ sigv4: [] }], want: [{ kind: 'sigv4', signingName: 'lambda' }] },
    { name: 'an HTTP bearer scheme', given: [{ bearer: [] }], want: [{ kind: 'bearer' }] },
    { name: 'an API key in a header', given: [{ headerKey: [] }], want: [{ kind: 'apiKey', in: 'header', name: 'X-Api-Key' }] },
    { name: 'an API key in the query', given: [{ queryKey: [] }], want: [{ kind: 'apiKey', in: 'query', name: 'api_key' }] },
    { name: 'OAuth 2 tokens travel as bearer tokens', given: [{ oauth: ['read'] }], want: [{ kind: 'bearer' }] },
    { name: 'alternatives in the document\'s order, each scheme once', given: [{ headerKey: [] }, { bearer: [] }, { headerKey: [] }], want: [{ kind: 'apiKey', in: 'header', name: 'X-Api-Key' }, { kind: 'bearer' }] },
  ])('$name', ({ given, want }) => {
    expect(authOf(given)).toEqual(want);
  });

  it.each([
    { name: 'HTTP basic', given: [{ basic: [] }], want: 'given.yaml: HTTP authentication scheme "basic" is not supported (bearer is) at /components/securitySchemes/basic/scheme' },
    { name: 'an API key in a cookie', given: [{ cookieKey: [] }], want: 'given.yaml: an API key in cookie is not supported (header or query are) at /components/securitySchemes/cookieKey/in' },
    { name: 'a requirement naming no declared scheme', given: [{ nope: [] }], want: 'given.yaml: security scheme nope is not in components.securitySchemes at /security/0/nope' },
  ])('refuses $name in one sentence', ({ given, want }) => {
    expect(() => authOf(given)).toThrow(ModelError);
    expect(() => authOf(given)).toThrow(want);
  });
});
