// InvokeWithResponseStream, the Lambda operation whose output is an event stream, end to end on
// the shared Lambda generation: the AWS SDK iterates the generated server's stream (payload chunks,
// then the complete event); the generated client reads the same stream as it arrives, not after it
// ends; an error thrown mid-stream reaches both clients as the modeled error (an `exception`
// message) or as the service's failure (an `error` message), after the events sent before it.

import { describe, expect, it } from 'vitest';
import { CREDENTIALS, plain } from './exchange.js';
import { hasLambdaModel, SKIP_REASON, useExchange } from './suite.js';

const OPERATION = 'InvokeWithResponseStream';
const text = (bytes: unknown) => new TextDecoder().decode(bytes as Uint8Array);
const chunk = (s: string) => ({ PayloadChunk: { Payload: new TextEncoder().encode(s) } });
const complete = { InvokeComplete: { LogResult: 'bG9ncw==' } };

/** Events read until the stream ends or throws: what arrived, and the error that ended it. */
async function drain(stream: AsyncIterable<unknown>): Promise<{ events: unknown[]; error?: unknown }> {
  const events: unknown[] = [];
  try {
    for await (const event of stream) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

describe.skipIf(!hasLambdaModel)(`event streams: ${OPERATION} (${hasLambdaModel ? '../shared/fixtures/smithy/lambda.json' : SKIP_REASON})`, () => {
  const { exchange } = useExchange();
  const input = { FunctionName: 'my-function', Payload: new TextEncoder().encode('{}') };
  const clients = () => {
    const { sdk, client, url } = exchange();
    const options = { region: 'us-east-1', endpoint: url, credentials: CREDENTIALS, maxAttempts: 1 };
    return { sdk: new sdk.LambdaClient(options), ours: new client!.LambdaClient(options), sdkModule: sdk, ourModule: client! };
  };
  const answer = (events: () => AsyncIterable<unknown>) => {
    exchange().respond = () => ({ StatusCode: 200, ExecutedVersion: '$LATEST', EventStream: events() });
  };

  it('the AWS SDK iterates the generated server\'s stream: each payload chunk, then the complete event; headers and status beside it', async () => {
    answer(async function* () {
      yield chunk('{"part":1}');
      yield chunk('{"part":2}');
      yield complete;
    });
    const { sdk, sdkModule } = clients();
    const output = await sdk.send(new sdkModule.InvokeWithResponseStreamCommand(input));
    const { events, error } = await drain(output.EventStream);
    expect(error).toBeUndefined();
    expect(events.map((e: any) => (e.PayloadChunk ? text(e.PayloadChunk.Payload) : e))).toEqual(['{"part":1}', '{"part":2}', complete]);
    expect([output.StatusCode, output.ExecutedVersion, output.ResponseStreamContentType]).toEqual([200, '$LATEST', 'application/vnd.amazon.eventstream']);
    sdk.destroy();
  });

  it('the generated client reads the same stream with the same values the SDK gives', async () => {
    const events = () => (async function* () {
      yield chunk('abc');
      yield { InvokeComplete: { ErrorCode: 'Unhandled', ErrorDetails: 'boom', LogResult: 'bG9ncw==' } };
    })();
    const { sdk, ours, sdkModule, ourModule } = clients();
    answer(events);
    const theirs = await drain((await sdk.send(new sdkModule.InvokeWithResponseStreamCommand(input))).EventStream);
    answer(events);
    const output = await ours.send(new ourModule.InvokeWithResponseStreamCommand(input));
    const mine = await drain(output.EventStream);
    expect(plain(mine.events)).toEqual(plain(theirs.events));
    expect(plain(mine.events)).toEqual([{ PayloadChunk: { Payload: { $bytes: 'YWJj' } } }, { InvokeComplete: { ErrorCode: 'Unhandled', ErrorDetails: 'boom', LogResult: 'bG9ncw==' } }]);
    expect(output.ResponseStreamContentType).toBe('application/vnd.amazon.eventstream');
    sdk.destroy();
  });

  it('the generated client hands over each event as it arrives, before the server has finished the stream', async () => {
    let release!: () => void;
    const released = new Promise<void>((done) => (release = done));
    answer(async function* () {
      yield chunk('first');
      await released;
      yield chunk('second');
    });
    const { ours, ourModule } = clients();
    const output = await ours.send(new ourModule.InvokeWithResponseStreamCommand(input));
    const iterator = output.EventStream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(text(first.value.PayloadChunk.Payload)).toBe('first');
    release();
    const second = await iterator.next();
    expect(text(second.value.PayloadChunk.Payload)).toBe('second');
    expect((await iterator.next()).done).toBe(true);
  });

  it('a client that stops iterating early closes the stream: the operation\'s events are no longer pulled', async () => {
    let pulled = 0;
    let closed = false;
    answer(async function* () {
      try {
        for (; pulled < 2000; pulled++) {
          yield chunk(`part ${pulled}`);
          await new Promise((done) => setTimeout(done, 2));
        }
      } finally {
        closed = true;
      }
    });
    const { ours, ourModule } = clients();
    const output = await ours.send(new ourModule.InvokeWithResponseStreamCommand(input));
    const seen: string[] = [];
    for await (const event of output.EventStream) {
      seen.push(text(event.PayloadChunk.Payload));
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['part 0', 'part 1']);
    for (let waited = 0; waited < 200 && !closed; waited++) await new Promise((done) => setTimeout(done, 10));
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(2000);
  });

  it('a modeled error thrown mid-stream ends it as that error, after the events before it: the generated client throws its class, the SDK an error of that name', async () => {
    const events = () => (async function* () {
      yield chunk('before');
      throw Object.assign(new Error('Function not found: my-function'), { name: 'ResourceNotFoundException', Type: 'User' });
    })();
    const { sdk, ours, sdkModule, ourModule } = clients();
    answer(events);
    const mine = await drain((await ours.send(new ourModule.InvokeWithResponseStreamCommand(input))).EventStream);
    expect(mine.events).toHaveLength(1);
    expect(mine.error).toBeInstanceOf(ourModule.ResourceNotFoundException);
    expect(mine.error).toBeInstanceOf(ourModule.LambdaServiceException);
    expect(mine.error).toMatchObject({ name: 'ResourceNotFoundException', message: 'Function not found: my-function', Type: 'User' });
    answer(events);
    const theirs = await drain((await sdk.send(new sdkModule.InvokeWithResponseStreamCommand(input))).EventStream);
    expect(theirs.events).toHaveLength(1);
    expect(theirs.error).toMatchObject({ name: 'ResourceNotFoundException' });
    sdk.destroy();
  });

  it('anything else thrown mid-stream is an error message without internal detail: the service\'s own failure, as the base exception', async () => {
    answer(async function* () {
      yield chunk('before');
      throw new TypeError('internal detail that must not leave the server');
    });
    const { ours, ourModule } = clients();
    const mine = await drain((await ours.send(new ourModule.InvokeWithResponseStreamCommand(input))).EventStream);
    expect(mine.events).toHaveLength(1);
    expect(mine.error).toBeInstanceOf(ourModule.LambdaServiceException);
    expect((mine.error as Error).message).not.toContain('internal detail');
    expect((mine.error as Error).name).toBe('ServiceException');
  });
});
