// "Done when" 2, the client side: for every Lambda operation, the request the generated client
// sends equals the request @aws-sdk/client-lambda sends for the same input (method, host, path,
// query, every header but the normalised ones, body as JSON or bytes). Both are captured by a
// request handler given to the client; nothing goes on the network.

import { describe, expect, it } from 'vitest';
import { bothRequests, comparableRequest, NORMALISED_HEADERS } from './exchange.js';
import { sampleStructure } from './samples.js';
import { hasLambdaModel, notYet, recordedOperations, recordedPass, SKIP_REASON, useExchange } from './suite.js';

describe('request capture and normalisation', () => {
  it('keeps method, host, path, sorted query pairs, every other header lower-cased, and a JSON body parsed', async () => {
    const request = await comparableRequest({
      method: 'POST', hostname: 'lambda.us-east-1.amazonaws.com', path: '/2015-03-31/functions/f/policy',
      query: { Qualifier: '1', A: ['x', 'y'], Gone: null },
      headers: { 'Content-Type': 'application/json', 'X-Amz-Date': '20240101T000000Z', authorization: 'AWS4-HMAC-SHA256 …', 'user-agent': 'x', 'X-Amz-Log-Type': 'Tail', 'content-length': '9' },
      body: '{"a":[1]}',
    });
    expect(request).toEqual({
      method: 'POST', hostname: 'lambda.us-east-1.amazonaws.com', path: '/2015-03-31/functions/f/policy',
      query: [['A', 'x'], ['A', 'y'], ['Qualifier', '1']],
      headers: { 'content-type': 'application/json', 'x-amz-log-type': 'Tail' },
      body: { json: { a: [1] } },
    });
    expect(NORMALISED_HEADERS).toContain('x-amz-date');
  });

  it('compares a body that is not JSON byte for byte', async () => {
    const request = await comparableRequest({ method: 'POST', hostname: 'h', path: '/', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0, 255]) });
    expect(request.body).toEqual({ bytes: 'AP8=' });
  });
});

describe.skipIf(!hasLambdaModel)(`generated client vs @aws-sdk/client-lambda on the wire (${hasLambdaModel ? 'every operation of ../shared/fixtures/smithy/lambda.json' : SKIP_REASON})`, () => {
  const { exchange, op } = useExchange();
  const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:my-function';

  it('captures the SDK\'s own request exactly (AddPermission with its sample input: an ARN in the path label)', async () => {
    const input = sampleStructure(exchange().model, 'com.amazonaws.lambda#AddPermissionRequest');
    expect(input).toMatchObject({ FunctionName: ARN, Qualifier: 'my-function', Action: '*' });
    const { sdk } = await bothRequests(exchange(), op('AddPermission'));
    expect(sdk).toEqual({
      method: 'POST',
      hostname: 'lambda.us-east-1.amazonaws.com',
      path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-function/policy',
      query: [['Qualifier', 'my-function']],
      headers: { 'content-type': 'application/json', host: 'lambda.us-east-1.amazonaws.com' },
      body: {
        json: {
          StatementId: 'my-function', Action: '*', Principal: ARN, SourceArn: ARN, FunctionUrlAuthType: 'NONE', InvokedViaFunctionUrl: true,
          SourceAccount: '000000000000', EventSourceToken: 'my-function', RevisionId: ARN, PrincipalOrgID: 'o-aaaaaaaaaa',
        },
      },
    });
  });

  for (const name of recordedOperations) {
    if (recordedPass(name, 'client-wire')) {
      it(`${name}: the generated client sends the SDK's request`, async () => {
        const { ours, sdk } = await bothRequests(exchange(), op(name));
        expect(ours).toEqual(sdk);
      });
    } else it.skip(`${name}: the generated client sends the SDK's request — ${notYet(name, 'client-wire')}`, () => {});
  }
});
