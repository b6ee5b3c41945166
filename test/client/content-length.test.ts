// The Content-Length the client sets on a request with a body, as the AWS SDK's middleware does
// (restJson1's compliance cases require it): bytes of the UTF-8 text, not characters.

import { describe, expect, it } from 'vitest';
import { buildHttpRequest } from '../../generated/client/src/runtime/rest-json1.js';

const config = { endpoint: async () => new URL('http://127.0.0.1:4510') } as unknown as Parameters<typeof buildHttpRequest>[0];

describe('Content-Length of a request body', () => {
  it.each([
    { given: '{}', want: '2' },
    { given: '{"Name":"é"}', want: String(Buffer.byteLength('{"Name":"é"}')) },
    { given: '{"Icon":"😀","Kanji":"漢"}', want: String(Buffer.byteLength('{"Icon":"😀","Kanji":"漢"}')) },
    // A lone surrogate is sent as U+FFFD, three bytes.
    { given: '"\ud83d"', want: '5' },
  ])('JSON $given', async ({ given, want }) => {
    const request = await buildHttpRequest(config, { method: 'POST', path: '/x', json: given });
    expect(request.headers['content-length']).toBe(want);
    expect(new TextEncoder().encode(given).byteLength).toBe(Number(want));
  });

  it('bytes are counted as they are; a request without a body has no Content-Length', async () => {
    const bytes = await buildHttpRequest(config, { method: 'PUT', path: '/x', payload: { body: new Uint8Array(7), contentType: 'application/octet-stream' } });
    expect(bytes.headers['content-length']).toBe('7');
    const none = await buildHttpRequest(config, { method: 'GET', path: '/x' });
    expect(none.headers).not.toHaveProperty('content-length');
  });
});
