// Paginators and waiters generated from AWS's Lambda model (#14 item 6), end to end: the generated
// client's `paginateListFunctions` and `waitUntilFunctionActive…` against the generated server on
// loopback (the shared Lambda generation and exchange), its implementation a stub that pages and
// changes state. The AWS SDK's own paginator and waiter run against the same stub: the pages, the
// requests and the waiter's result (or thrown error) must be the same.

import { describe, expect, it } from 'vitest';
import { CREDENTIALS, thrownError } from './exchange.js';
import { hasLambdaModel, SKIP_REASON, useExchange } from './suite.js';

type Module = Record<string, any>;

const FUNCTIONS = Array.from({ length: 7 }, (_, i) => ({ FunctionName: `fn-${i}`, FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:fn-${i}` }));

/** ListFunctions over FUNCTIONS: `Marker` is the index to start from, `MaxItems` the page size (default 3). */
function listFunctions(input: { Marker?: string; MaxItems?: number }) {
  const start = input.Marker ? Number(input.Marker) : 0;
  const size = input.MaxItems ?? 3;
  const end = Math.min(start + size, FUNCTIONS.length);
  return { Functions: FUNCTIONS.slice(start, end), ...(end < FUNCTIONS.length ? { NextMarker: String(end) } : {}) };
}

/** A waiter's outcome in comparable form: its result, or the error it throws (name, and the result in its message). */
async function outcomeOf(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    const result = (await run()) as { state: string; reason?: Record<string, unknown> };
    return { resolved: { state: result.state, reason: comparable(result.reason) } };
  } catch (error) {
    const e = error as Error;
    let message: Record<string, unknown> = {};
    try {
      message = JSON.parse(e.message);
    } catch {
      return { thrown: { name: e.name, message: e.message } };
    }
    return { thrown: { name: e.name, state: message.state, reason: typeof message.reason === 'string' ? message.reason : comparable(message.reason) } };
  }
}

/** An output or an error without what differs between two clients by design (request ids, attempt counts). */
function comparable(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const { $metadata: _metadata, $response: _response, $retryable: _retryable, ...rest } = value as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest));
}

describe.skipIf(!hasLambdaModel)(`paginators and waiters of the Lambda client (${hasLambdaModel ? 'generated from ../shared/fixtures/smithy/lambda.json' : SKIP_REASON})`, () => {
  const { exchange } = useExchange();
  const clients = () => {
    const ex = exchange();
    if (!ex.client) throw new Error(ex.loadError ?? 'the generated client did not load');
    const ours = ex.client as Module;
    const config = { region: 'us-east-1', endpoint: ex.url, credentials: CREDENTIALS, maxAttempts: 1 };
    return { ex, ours, sdk: ex.sdk as Module, client: new ours.LambdaClient(config), sdkClient: new ex.sdk.LambdaClient(config) };
  };

  it('exports one paginator per operation the model marks @paginated, and the waiters by the SDK\'s names', () => {
    const { ours, sdk } = clients();
    const paginators = (m: Module) => Object.keys(m).filter((k) => k.startsWith('paginate')).sort();
    const waiters = (m: Module) => Object.keys(m).filter((k) => /^wait(Until|For)/.test(k)).sort();
    expect(paginators(ours)).toContain('paginateListFunctions');
    // Every paginator and waiter the SDK has for the operations generated, by the same name.
    const generated = new Set(exchange().generation.generated);
    expect(paginators(ours)).toEqual(paginators(sdk).filter((name) => generated.has(name.slice('paginate'.length))));
    expect(waiters(ours)).toEqual(waiters(sdk));
    expect(waiters(ours)).toEqual(expect.arrayContaining(['waitUntilFunctionActive', 'waitUntilFunctionActiveV2', 'waitForFunctionActive', 'waitUntilFunctionExists']));
  });

  it('paginateListFunctions walks every page, sends each NextMarker as Marker, and stops when the token is absent', async () => {
    const { ex, ours, sdk, client, sdkClient } = clients();
    ex.respond = (operation, input) => (operation === 'ListFunctions' ? listFunctions(input as { Marker?: string }) : {});
    ex.received.length = 0;
    const pages: { Functions?: { FunctionName: string }[]; NextMarker?: string }[] = [];
    for await (const page of ours.paginateListFunctions({ client }, {})) pages.push(page);
    expect(pages.map((p) => p.Functions?.map((f) => f.FunctionName))).toEqual([['fn-0', 'fn-1', 'fn-2'], ['fn-3', 'fn-4', 'fn-5'], ['fn-6']]);
    expect(pages.map((p) => p.NextMarker)).toEqual(['3', '6', undefined]);
    expect(ex.received.map((r) => (r.input as { Marker?: string }).Marker)).toEqual([undefined, '3', '6']);

    const sdkPages: unknown[] = [];
    for await (const page of sdk.paginateListFunctions({ client: sdkClient }, {})) sdkPages.push(page);
    expect(pages.map(comparable)).toEqual(sdkPages.map(comparable));
  });

  it('paginateListFunctions sends pageSize as MaxItems and starts from startingToken', async () => {
    const { ex, ours, client } = clients();
    ex.respond = (operation, input) => (operation === 'ListFunctions' ? listFunctions(input as { Marker?: string; MaxItems?: number }) : {});
    ex.received.length = 0;
    const sizes: number[] = [];
    for await (const page of ours.paginateListFunctions({ client, pageSize: 2, startingToken: '1' }, {})) sizes.push(page.Functions.length);
    expect(sizes).toEqual([2, 2, 2]);
    expect(ex.received.map((r) => r.input)).toEqual([{ Marker: '1', MaxItems: 2 }, { Marker: '3', MaxItems: 2 }, { Marker: '5', MaxItems: 2 }]);
  });

  it('a paginator refuses a client of another class, as the SDK\'s does', async () => {
    const { ours, sdkClient } = clients();
    const pages = ours.paginateListFunctions({ client: sdkClient }, {});
    await expect(pages.next()).rejects.toThrow('Invalid client, expected instance of LambdaClient');
  });

  /**
   * GetFunctionConfiguration answering the states in turn (the last one from then on). The server
   * fills in the model's defaults the answer leaves out (`CodeSize: 0`), as restJson1 servers do.
   */
  const stateSequence = (ex: ReturnType<typeof clients>['ex'], states: string[]) => {
    let call = 0;
    ex.respond = (operation) => {
      if (operation !== 'GetFunctionConfiguration' && operation !== 'GetFunction') return {};
      const State = states[Math.min(call++, states.length - 1)];
      return operation === 'GetFunction' ? { Configuration: { FunctionName: 'fn', State } } : { FunctionName: 'fn', State };
    };
    return () => call;
  };
  const fast = { minDelay: 0.01, maxDelay: 0.02 };

  it('waitUntilFunctionActive succeeds once the state changes from Pending to Active, with the SDK\'s result', async () => {
    const { ex, ours, sdk, client, sdkClient } = clients();
    let calls = stateSequence(ex, ['Pending', 'Pending', 'Active']);
    const got = await outcomeOf(() => ours.waitUntilFunctionActive({ client, maxWaitTime: 5, ...fast }, { FunctionName: 'fn' }));
    expect(calls()).toBe(3);
    expect(got).toEqual({ resolved: { state: 'SUCCESS', reason: { FunctionName: 'fn', State: 'Active', CodeSize: 0 } } });
    calls = stateSequence(ex, ['Pending', 'Pending', 'Active']);
    expect(await outcomeOf(() => sdk.waitUntilFunctionActive({ client: sdkClient, maxWaitTime: 5, ...fast }, { FunctionName: 'fn' }))).toEqual(got);
  });

  it('waitUntilFunctionActiveV2 reads Configuration.State from GetFunction', async () => {
    const { ex, ours, client } = clients();
    const calls = stateSequence(ex, ['Pending', 'Active']);
    const got = await outcomeOf(() => ours.waitUntilFunctionActiveV2({ client, maxWaitTime: 5, ...fast }, { FunctionName: 'fn' }));
    expect(calls()).toBe(2);
    expect(got).toEqual({ resolved: { state: 'SUCCESS', reason: { Configuration: { FunctionName: 'fn', State: 'Active', CodeSize: 0 } } } });
  });

  it('a failure acceptor (State Failed) stops the waiter: waitUntil throws and waitFor returns FAILURE, as the SDK\'s', async () => {
    const { ex, ours, sdk, client, sdkClient } = clients();
    stateSequence(ex, ['Pending', 'Failed']);
    const thrown = await outcomeOf(() => ours.waitUntilFunctionActive({ client, maxWaitTime: 5, ...fast }, { FunctionName: 'fn' }));
    expect(thrown).toEqual({ thrown: { name: 'Error', state: 'FAILURE', reason: { FunctionName: 'fn', State: 'Failed', CodeSize: 0 } } });
    stateSequence(ex, ['Pending', 'Failed']);
    expect(await outcomeOf(() => sdk.waitUntilFunctionActive({ client: sdkClient, maxWaitTime: 5, ...fast }, { FunctionName: 'fn' }))).toEqual(thrown);
    stateSequence(ex, ['Failed']);
    expect(await outcomeOf(() => ours.waitForFunctionActive({ client, maxWaitTime: 5, ...fast }, { FunctionName: 'fn' }))).toEqual({ resolved: { state: 'FAILURE', reason: { FunctionName: 'fn', State: 'Failed', CodeSize: 0 } } });
  });

  it('a waiter that never reaches a final state times out with TimeoutError, as the SDK\'s', async () => {
    const { ex, ours, sdk, client, sdkClient } = clients();
    stateSequence(ex, ['Pending']);
    const ourTimeout = await outcomeOf(() => ours.waitUntilFunctionActive({ client, maxWaitTime: 0.3, minDelay: 0.05, maxDelay: 0.1 }, { FunctionName: 'fn' }));
    const sdkTimeout = await outcomeOf(() => sdk.waitUntilFunctionActive({ client: sdkClient, maxWaitTime: 0.3, minDelay: 0.05, maxDelay: 0.1 }, { FunctionName: 'fn' }));
    expect(ourTimeout).toEqual({ thrown: { name: 'TimeoutError', state: 'TIMEOUT', reason: 'Waiter has timed out' } });
    expect(ourTimeout).toEqual(sdkTimeout);
  });

  it('waitUntilFunctionExists retries on ResourceNotFoundException (errorType acceptor) and succeeds on the first answer', async () => {
    const { ex, ours, client } = clients();
    const { error } = thrownError(ex.model, 'ResourceNotFoundException');
    let calls = 0;
    ex.respond = (operation) => {
      if (operation !== 'GetFunction') return {};
      calls += 1;
      if (calls < 3) throw error;
      return { Configuration: { FunctionName: 'fn' } };
    };
    const got = await outcomeOf(() => ours.waitUntilFunctionExists({ client, maxWaitTime: 5, ...fast }, { FunctionName: 'fn' }));
    expect(calls).toBe(3);
    expect(got).toEqual({ resolved: { state: 'SUCCESS', reason: { Configuration: { FunctionName: 'fn', CodeSize: 0 } } } });
  });
});
