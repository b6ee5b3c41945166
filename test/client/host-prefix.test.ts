// An operation's host prefix (Smithy's @endpoint) on the request the client builds, and the check
// of a host label a caller fills in (runtime/rest-json1.ts).

import { describe, expect, it } from 'vitest';
import { buildHttpRequest, hostLabel } from '../../generated/client/src/runtime/rest-json1.js';

const config = { endpoint: async () => new URL('http://example.com:4510/base') } as unknown as Parameters<typeof buildHttpRequest>[0];

describe('host prefixes', () => {
  it('prefixes the hostname and the Host header, and leaves the port and path alone', async () => {
    const request = await buildHttpRequest(config, { method: 'POST', path: '/x', hostPrefix: 'foo.bar.' });
    expect({ hostname: request.hostname, host: request.headers['host'], port: request.port, path: request.path }).toEqual({ hostname: 'foo.bar.example.com', host: 'foo.bar.example.com:4510', port: 4510, path: '/base/x' });
  });

  it.each([
    { given: 'bar', want: 'bar' },
    { given: 'a-1', want: 'a-1' },
    { given: '', want: new Error('No value provided for input host label: label.') },
    { given: 'bad.label', want: new Error('Input host label label is not a valid host label: "bad.label".') },
    { given: '-dash', want: new Error('Input host label label is not a valid host label: "-dash".') },
    { given: 'x'.repeat(64), want: new Error(`Input host label label is not a valid host label: "${'x'.repeat(64)}".`) },
  ])('hostLabel($given)', ({ given, want }) => {
    if (want instanceof Error) expect(() => hostLabel(given, 'label')).toThrow(want.message);
    else expect(hostLabel(given, 'label')).toBe(want);
  });
});
