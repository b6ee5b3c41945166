// x-paginated and x-waiters read into the shape graph (codegen/model/openapi/operation-traits.ts):
// { given: the extensions on an operation, want: OperationShape.pagination / .waiters, or the refusal }.

import { describe, expect, it } from 'vitest';
import { read, type Fragment } from '../helpers.js';

const withExtensions = (extensions: Record<string, unknown>): Fragment => ({
  paths: { '/things': { get: { operationId: 'ListThings', responses: { '200': { description: 'OK' } }, ...extensions } } },
});
const operation = (extensions: Record<string, unknown>) => read(withExtensions(extensions)).operations[0]!;
const origin = (pointer: string) => ({ document: 'given.yaml', pointer });

describe('x-paginated', () => {
  it('an operation without it has no pagination', () => {
    expect(operation({}).pagination).toBeUndefined();
  });

  it.each([
    {
      name: 'every field',
      given: { inputToken: 'Marker', outputToken: 'NextMarker', items: 'Things', pageSize: 'MaxItems' },
      want: { inputToken: 'Marker', outputToken: 'NextMarker', items: 'Things', pageSize: 'MaxItems', origin: origin('/paths/~1things/get/x-paginated') },
    },
    { name: 'tokens only, an output path', given: { inputToken: 'Marker', outputToken: 'Page.Next' }, want: { inputToken: 'Marker', outputToken: 'Page.Next', origin: origin('/paths/~1things/get/x-paginated') } },
  ])('$name', ({ given, want }) => {
    expect(operation({ 'x-paginated': given }).pagination).toEqual(want);
  });

  it.each([
    { given: 'yes', want: 'given.yaml: `x-paginated` must be a mapping at /paths/~1things/get/x-paginated' },
    { given: { outputToken: 'Next' }, want: 'given.yaml: `x-paginated` needs `inputToken` naming a member at /paths/~1things/get/x-paginated/inputToken' },
    { given: { inputToken: 'Marker', outputToken: 'Next', pageSize: 5 }, want: 'given.yaml: `x-paginated` needs `pageSize` naming a member at /paths/~1things/get/x-paginated/pageSize' },
  ])('refuses $given', ({ given, want }) => {
    expect(() => operation({ 'x-paginated': given })).toThrow(want);
  });
});

describe('x-waiters', () => {
  const at = '/paths/~1things/get/x-waiters';
  it('waiters by name, Smithy\'s default delays where the model names none, acceptors in order', () => {
    const waiters = operation({
      'x-waiters': {
        Ready: { documentation: 'Waits.', minDelay: 5, maxDelay: 60, acceptors: [{ state: 'success', matcher: { output: { path: 'State', expected: 'Active', comparator: 'stringEquals' } } }, { state: 'retry', matcher: { errorType: 'com.example#NotFound' } }] },
        Exists: { deprecated: true, tags: ['x'], acceptors: [{ state: 'success', matcher: { success: true } }] },
      },
    }).waiters;
    expect(waiters).toEqual([
      { name: 'Exists', minDelay: 2, maxDelay: 120, deprecated: true, tags: ['x'], acceptors: [{ state: 'success', matcher: { kind: 'success', success: true }, origin: origin(`${at}/Exists/acceptors/0`) }], origin: origin(`${at}/Exists`) },
      {
        name: 'Ready', documentation: 'Waits.', minDelay: 5, maxDelay: 60,
        acceptors: [
          { state: 'success', matcher: { kind: 'output', path: 'State', expected: 'Active', comparator: 'stringEquals' }, origin: origin(`${at}/Ready/acceptors/0`) },
          { state: 'retry', matcher: { kind: 'errorType', errorType: 'NotFound' }, origin: origin(`${at}/Ready/acceptors/1`) },
        ],
        origin: origin(`${at}/Ready`),
      },
    ]);
  });

  const ok = { state: 'success', matcher: { success: true } };
  it.each([
    { name: 'no acceptors', given: { W: { acceptors: [] } }, want: `waiter W has no acceptors at ${at}/W/acceptors` },
    { name: 'maxDelay below minDelay', given: { W: { minDelay: 10, maxDelay: 5, acceptors: [ok] } }, want: `waiter W: \`maxDelay\` (5) is less than \`minDelay\` (10) at ${at}/W/maxDelay` },
    { name: 'a delay of 0', given: { W: { minDelay: 0, acceptors: [ok] } }, want: `waiter W: \`minDelay\` must be a whole number of seconds, at least 1 at ${at}/W/minDelay` },
    { name: 'an unknown state', given: { W: { acceptors: [{ state: 'done', matcher: { success: true } }] } }, want: `waiter W: an acceptor's \`state\` must be one of success, failure, retry at ${at}/W/acceptors/0/state` },
    { name: 'two matchers in one', given: { W: { acceptors: [{ state: 'success', matcher: { success: true, errorType: 'E' } }] } }, want: `waiter W: a matcher has exactly one of output, inputOutput, success, errorType at ${at}/W/acceptors/0/matcher` },
    { name: 'an unknown comparator', given: { W: { acceptors: [{ state: 'success', matcher: { output: { path: 'a', expected: 'b', comparator: 'equals' } } }] } }, want: `waiter W: \`comparator\` must be one of stringEquals, booleanEquals, allStringEquals, anyStringEquals at ${at}/W/acceptors/0/matcher/output/comparator` },
    { name: 'booleanEquals with another value', given: { W: { acceptors: [{ state: 'success', matcher: { output: { path: 'a', expected: 'yes', comparator: 'booleanEquals' } } }] } }, want: `waiter W: booleanEquals expects "true" or "false" at ${at}/W/acceptors/0/matcher/output/expected` },
    { name: 'a name that is no identifier', given: { 'Be Ready': { acceptors: [ok] } }, want: `waiter name "Be Ready" is not an identifier at ${at}/Be Ready` },
  ])('refuses $name', ({ given, want }) => {
    expect(() => operation({ 'x-waiters': given })).toThrow(`given.yaml: ${want}`);
  });
});
