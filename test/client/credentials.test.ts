import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetPolicyCommand, LambdaClient } from '../../generated/client/src/index.js';
import { listen } from '../codegen/helpers.js';

let service: { url: string; close(): Promise<void> };
const keys: string[] = [];
beforeAll(async () => {
  service = await listen((req, res) => {
    keys.push(/Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '');
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"Policy":"{}","RevisionId":"r"}'));
  });
});
afterAll(() => service.close());

/** A provider that hands out a new key each time it is asked, expiring `lifetimeMs` from now. */
function countingProvider(lifetimeMs: number | undefined) {
  let calls = 0;
  const provider = async () => {
    calls++;
    return { accessKeyId: `AKIDCALL${calls}`, secretAccessKey: 'secret', ...(lifetimeMs === undefined ? {} : { expiration: new Date(Date.now() + lifetimeMs) }) };
  };
  return { provider, calls: () => calls };
}

async function sendTwice(credentials: Parameters<typeof countingProvider>[0]) {
  keys.length = 0;
  const counting = countingProvider(credentials);
  const client = new LambdaClient({ region: 'us-east-1', endpoint: service.url, credentials: counting.provider });
  await client.send(new GetPolicyCommand({ FunctionName: 'f' }));
  await client.send(new GetPolicyCommand({ FunctionName: 'f' }));
  return { calls: counting.calls(), keys: [...keys] };
}

describe('a credentials provider given to the client, memoized as the AWS SDK does', () => {
  it('is asked once for credentials that do not expire', async () => {
    expect(await sendTwice(undefined)).toEqual({ calls: 1, keys: ['AKIDCALL1', 'AKIDCALL1'] });
  });

  it('is asked once for credentials valid for an hour', async () => {
    expect(await sendTwice(60 * 60 * 1000)).toEqual({ calls: 1, keys: ['AKIDCALL1', 'AKIDCALL1'] });
  });

  it('is asked again, before each request, for credentials that expire within five minutes', async () => {
    // The first answer already expires too soon, so the first request asks twice.
    expect(await sendTwice(60 * 1000)).toEqual({ calls: 3, keys: ['AKIDCALL2', 'AKIDCALL3'] });
  });
});
