// The generated server against values made to take a backtracking engine exponential or polynomial
// time on the model's patterns (test/fixtures/hostile-patterns.yaml): every one is refused at once
// with a 400 in the protocol's format, and the server goes on answering. Before patterns could be
// matched by their automaton, the first of these requests held the server for more than a minute.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, request } from '../runtime/raw-socket.js';
import { generateInto, listen, scratch } from './helpers.js';

const out = scratch('hostile-patterns');
await generateInto(['test/fixtures/hostile-patterns.yaml'], out);

describe('patterns a backtracking engine could take super-linear time on (test/fixtures/hostile-patterns.yaml)', () => {
  let server: { url: string; close(): Promise<void> };
  let port: number;
  const stored: unknown[] = [];

  beforeAll(async () => {
    const generated = await import(`${out}/server/index.ts`);
    server = await listen(
      generated.createNodeListener({
        PutCode: async (input: { digits: string }) => {
          stored.push(input);
          return { digits: input.digits };
        },
      }),
    );
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  const put = (name: string, body: unknown) => exchange(port, request('PUT', `/codes/${name}`, JSON.stringify(body)));

  it.each([
    { name: 'a nested quantifier, ^([0-9]+)+$, against 20,000 digits and a letter', label: 'ok', body: { digits: `${'0'.repeat(20_000)}!` }, member: 'digits' },
    { name: 'alternatives that overlap under a star, (a|aa)*b, in a list item', label: 'ok', body: { digits: '1', words: ['a'.repeat(20_000)] }, member: 'words' },
    // 8,000: a longer request line passes the server's header limit (431).
    { name: 'a path label, ^(\\w+\\s?)+$, against 8,000 letters and a dash', label: `${'a'.repeat(8_000)}-`, body: { digits: '1' }, member: 'name' },
  ])('$name: 400 at once, and the implementation never sees it', async ({ label, body, member }) => {
    const reply = await put(label, body);
    expect(reply.status).toBe(400);
    // A model without an error of its own for constraint violations answers them as ValidationException.
    expect(reply.headers['x-amzn-errortype']).toBe('ValidationException');
    const message: string = JSON.parse(reply.body).message;
    expect(message).toContain(`at '${member}' failed to satisfy constraint: `);
    expect(message).toContain('Member must satisfy regular expression pattern');
    expect(stored).toEqual([]);
  });

  it('still matches what the patterns accept, and goes on serving', async () => {
    const reply = await put('two%20words', { digits: '0123', words: ['b', 'aab', 'aaab'], plain: 'abc' });
    expect({ status: reply.status, body: JSON.parse(reply.body) }).toEqual({ status: 200, body: { digits: '0123' } });
    expect(stored).toHaveLength(1);
  });
});
