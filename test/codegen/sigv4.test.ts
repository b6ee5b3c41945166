import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { QueryParameterBag } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../generated/client/src/runtime/signing.js';

// The generated client signs with its own SigV4 on Web Crypto (runtime/signing.ts says why); the
// reference is @smithy/signature-v4 with @aws-crypto/sha256-js, as the AWS SDK sets it up.
const date = new Date('2026-03-14T15:09:26.535Z');
const requests: { method: string; path: string; query: QueryParameterBag; body?: string | Uint8Array; headers?: Record<string, string> }[] = [
  { method: 'POST', path: '/2015-03-31/functions/my-function/policy', query: {}, body: '{"StatementId":"s3","Action":"lambda:InvokeFunction","Principal":"s3.amazonaws.com"}' },
  { method: 'POST', path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-function/policy', query: { Qualifier: 'PROD' }, body: '{}' },
  { method: 'GET', path: '/2015-03-31/functions/my-function/policy', query: { Qualifier: '$LATEST', 'b key': 'x y', a: ['2', '1'] }, body: undefined },
  { method: 'DELETE', path: '/2015-03-31/functions/my-function/policy/s3%20id', query: { RevisionId: "it's (rev)*" }, body: undefined },
  // Bytes, a greedy label with `.` and `..` segments and a trailing slash, keys whose order changes once encoded, an empty value.
  { method: 'PUT', path: '/objects/a/./b/../c%2Fd/é/', query: { 'b-key': '1', 'b key': '2', B: '3', 'a~': '', 'X-Amz-Signature': 'dropped' }, body: new Uint8Array([0, 1, 2, 250, 255]) },
  // Header values with runs of spaces and tabs, a proxy- and a user-agent header, and a payload hash already given.
  { method: 'POST', path: '/', query: { list: ['b', 'a', 'a c'] }, body: 'x', headers: { 'X-Custom': '  two   spaces\tand a tab ', 'Proxy-Authorization': 'p', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
];

describe('generated client SigV4 signing', () => {
  for (const [index, parts] of requests.entries()) {
    for (const credentials of [
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token/with+chars=' },
    ]) {
      it(`signs request #${index + 1}${credentials.sessionToken ? ' with a session token' : ''} exactly as @smithy/signature-v4 does`, async () => {
        const base = {
          protocol: 'http:',
          hostname: '127.0.0.1',
          port: 4510,
          method: parts.method,
          path: parts.path,
          query: parts.query,
          headers: { host: '127.0.0.1:4510', 'content-type': 'application/json', 'User-Agent': 'not signed', ...parts.headers },
          body: parts.body,
        };
        const reference = await new SignatureV4({ credentials, region: 'us-east-1', service: 'lambda', sha256: Sha256 }).sign(new HttpRequest(structuredClone(base)), { signingDate: date });
        const ours = await signRequest(structuredClone(base), { credentials, region: 'us-east-1', service: 'lambda', date });
        expect(ours.headers).toEqual(reference.headers);
      });
    }
  }
});
