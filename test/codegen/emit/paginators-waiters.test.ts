// The paginator and waiter emitters (codegen/emit/client/paginators.ts, waiters.ts) and the
// compilation of waiter paths (waiter-paths.ts): { given: a model fragment or a path, want: the
// printed TypeScript or the refusal }. End to end against Lambda: test/lambda/paginators-waiters.test.ts.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitClient } from '../../../codegen/emit/client/index.js';
import { writeOutput } from '../../../codegen/output.js';
import { scratch, typeCheck } from '../helpers.js';
import { emitPaginators, paginatorModules } from '../../../codegen/emit/client/paginators.js';
import { compilePath, type PathRoot } from '../../../codegen/emit/client/waiter-paths.js';
import { emitWaiters, waiterModules } from '../../../codegen/emit/client/waiters.js';
import type { Fragment } from '../model/helpers.js';
import { HEADER, thingModel, view } from './helpers.js';

const THING = {
  type: 'object',
  properties: {
    Name: { type: 'string' },
    State: { type: 'string', enum: ['Pending', 'Active', 'Failed'] },
    Ready: { type: 'boolean' },
    Parts: { type: 'array', items: { type: 'object', properties: { State: { type: 'string' }, Sizes: { type: 'array', items: { type: 'integer' } } } } },
    Nested: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
  },
};

/** ListThings (paged by Marker / NextMarker, page size MaxItems) and GetThing, with the extensions given. */
function pagedModel(extensions: { paginated?: unknown; waiters?: unknown } = {}): Fragment {
  return {
    schemas: { Thing: THING },
    paths: {
      '/things': {
        get: {
          operationId: 'ListThings',
          summary: 'Lists things.',
          parameters: [{ name: 'Marker', in: 'query', schema: { type: 'string' } }, { name: 'MaxItems', in: 'query', schema: { type: 'integer' } }],
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { Things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } }, NextMarker: { type: 'string' } } } } } } },
          ...(extensions.paginated !== undefined && { 'x-paginated': extensions.paginated }),
        },
      },
      '/things/{Name}': {
        get: {
          operationId: 'GetThing',
          parameters: [{ name: 'Name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { Thing: { $ref: '#/components/schemas/Thing' }, Count: { type: 'integer' } } } } } } },
          ...(extensions.waiters !== undefined && { 'x-waiters': extensions.waiters }),
        },
      },
    },
  };
}

const PAGINATED = { inputToken: 'Marker', outputToken: 'NextMarker', items: 'Things', pageSize: 'MaxItems' };
const waiter = (acceptors: unknown[], extra: Record<string, unknown> = {}) => ({ ThingReady: { documentation: 'Waits for the thing to be ready.', minDelay: 3, maxDelay: 30, acceptors, ...extra } });
const output = (path: string, expected: string, comparator = 'stringEquals', state = 'success') => ({ state, matcher: { output: { path, expected, comparator } } });

const fileText = (files: { path: string; content: string }[], path: string) => files.find((f) => f.path === path)?.content.slice(HEADER.length + 1);

describe('paginators', () => {
  it('a model without x-paginated gets no pagination files and no index lines', () => {
    const model = view(thingModel());
    expect(emitPaginators(model, HEADER)).toEqual([]);
    expect(paginatorModules(model)).toEqual([]);
  });

  it('paginate<Op> is createPaginator over the command with the model\'s token and page size members', () => {
    const files = emitPaginators(view(pagedModel({ paginated: PAGINATED })), HEADER);
    expect(files.map((f) => f.path)).toEqual(['client/src/pagination/Interfaces.ts', 'client/src/pagination/ListThingsPaginator.ts']);
    expect(fileText(files, 'client/src/pagination/Interfaces.ts')).toContain('export interface GivenPaginationConfiguration extends PaginationConfiguration {\n  client: GivenClient;\n}');
    const text = fileText(files, 'client/src/pagination/ListThingsPaginator.ts')!;
    expect(text).toContain("import { createPaginator } from '@smithy/core';");
    expect(text).toContain(
      'export const paginateListThings: (config: GivenPaginationConfiguration, input: ListThingsCommandInput, ...rest: any[]) => Paginator<ListThingsCommandOutput> = createPaginator<GivenPaginationConfiguration, ListThingsCommandInput, ListThingsCommandOutput>(\n' +
        "  GivenClient, ListThingsCommand, 'Marker', 'NextMarker', 'MaxItems',\n);",
    );
    expect(text).toContain("the next request carries the page's `NextMarker` as `Marker`");
    expect(text).toContain('The items of each page are its `Things`.');
    expect(paginatorModules(view(pagedModel({ paginated: PAGINATED })))).toEqual(['./pagination/Interfaces.js', './pagination/ListThingsPaginator.js']);
  });

  it('without a page size member, createPaginator is given none', () => {
    const files = emitPaginators(view(pagedModel({ paginated: { inputToken: 'Marker', outputToken: 'NextMarker' } })), HEADER);
    expect(fileText(files, 'client/src/pagination/ListThingsPaginator.ts')).toContain("GivenClient, ListThingsCommand, 'Marker', 'NextMarker',\n);");
  });

  it.each([
    { name: 'an input token the input lacks', given: { ...PAGINATED, inputToken: 'Token' }, want: 'given.yaml: operation ListThings is paginated by inputToken `Token`, which is not a member of its input at /paths/~1things/get/x-paginated/inputToken' },
    { name: 'an output token the output lacks', given: { ...PAGINATED, outputToken: 'Next' }, want: 'given.yaml: operation ListThings is paginated by outputToken `Next`, which is not a member of its output at /paths/~1things/get/x-paginated/outputToken' },
    { name: 'an items path through a missing member', given: { ...PAGINATED, items: 'Things.Missing' }, want: 'given.yaml: operation ListThings: items `Things.Missing` names no member `Missing` at /paths/~1things/get/x-paginated/items' },
  ])('refuses $name with one sentence naming the document and pointer', ({ given, want }) => {
    expect(() => emitPaginators(view(pagedModel({ paginated: given })), HEADER)).toThrow(want);
  });
});

describe('waiter paths compiled to TypeScript', () => {
  const model = view(pagedModel());
  const getThing = model.graph.operations.find((o) => o.name === 'GetThing')!;
  const members = (list: typeof getThing.output) => new Map(list.map((m) => [m.name, { target: m.target }]));
  const outputRoot: PathRoot = { label: 'the output of GetThing', code: 'result', members: members(getThing.output) };
  const bothRoot: PathRoot = { label: '{input, output}', members: new Map([['input', { code: 'input', members: members(getThing.input) }], ['output', { code: 'result', members: members(getThing.output) }]]) };

  it.each([
    { given: 'Count', want: 'result.Count', helpers: [] },
    { given: 'Thing.State', want: 'result.Thing?.State', helpers: [] },
    { given: '"Thing"."State"', want: 'result.Thing?.State', helpers: [] },
    { given: 'Thing.Parts[0].State', want: 'result.Thing?.Parts?.[0]?.State', helpers: [] },
    { given: 'Thing.Parts[-1].State', want: 'result.Thing?.Parts?.at(-1)?.State', helpers: [] },
    { given: 'Thing.Parts[].State', want: 'result.Thing?.Parts?.map((item1) => item1.State).filter(present)', helpers: ['present'], list: true },
    { given: 'Thing.Parts[*].State', want: 'result.Thing?.Parts?.map((item1) => item1.State).filter(present)', helpers: ['present'], list: true },
    { given: 'Thing.Nested[]', want: 'result.Thing?.Nested?.flat()', helpers: [], list: true },
    { given: 'Thing.Parts[].Sizes[]', want: 'result.Thing?.Parts?.map((item1) => item1.Sizes).filter(present)?.flat()', helpers: ['present'], list: true },
    { given: "Thing.Parts[?State == 'Active'].State", want: "result.Thing?.Parts?.filter((item1) => truthy(equal(item1.State, 'Active'))).map((item1) => item1.State).filter(present)", helpers: ['equal', 'present', 'truthy'], list: true },
    { given: 'length(Thing.Parts) > `2`', want: "order('>', lengthOf(result.Thing?.Parts), 2)", helpers: ['lengthOf', 'order'] },
    { given: "contains(Thing.Parts[].State, 'Failed')", want: "contains(result.Thing?.Parts?.map((item1) => item1.State).filter(present), 'Failed')", helpers: ['contains', 'present'] },
    { given: 'Thing.Ready && !(Thing.Name)', want: '(truthy(result.Thing?.Ready) ? !truthy(result.Thing?.Name) : result.Thing?.Ready)', helpers: ['truthy'] },
    { given: 'Thing.Name || Thing.State', want: '(truthy(result.Thing?.Name) ? result.Thing?.Name : result.Thing?.State)', helpers: ['truthy'] },
  ])('output path $given', ({ given, want, helpers, list }) => {
    const compiled = compilePath(given, outputRoot, model.graph);
    expect(compiled.code).toBe(want);
    expect([...compiled.helpers].sort()).toEqual(helpers);
    expect(compiled.isList).toBe(list ?? false);
  });

  it('inputOutput paths start from the input and the output', () => {
    expect(compilePath('input.Name == output.Thing.Name', bothRoot, model.graph).code).toBe('equal(input.Name, result.Thing?.Name)');
  });

  it.each([
    { given: 'Thing.Stat', want: 'path `Thing.Stat`: Thing has no member `Stat` (it has Name, State, Ready, Parts, Nested)' },
    { given: 'Thing.Parts.State', want: 'path `Thing.Parts.State`: `State` is taken of a list, which has no members' },
    { given: 'Count[0]', want: 'path `Count[0]`: the index [0] needs a list, and GetThingResponse$Count (integer) is not a list' },
    { given: 'Thing.Parts[0:2]', want: 'path `Thing.Parts[0:2]`: Slice expressions are not supported' },
    { given: 'abs(Count)', want: 'path `abs(Count)`: the function abs() with 1 argument(s) is not supported (length/1 and contains/2 are)' },
    { given: '!Thing.Name', want: 'path `!Thing.Name`: `Name` is taken of a ! expression, which has no members' },
    { given: 'Thing.[', want: '`Thing.[` is not a JMESPath expression' },
  ])('refuses $given', ({ given, want }) => {
    expect(() => compilePath(given, outputRoot, model.graph)).toThrow(want);
  });
});

describe('waiters', () => {
  it('a model without x-waiters gets no waiter files, no paths runtime and no index lines', () => {
    const model = view(thingModel());
    expect(emitWaiters(model, HEADER)).toEqual([]);
    expect(waiterModules(model)).toEqual([]);
  });

  it('waitFor/waitUntil<Waiter> poll the operation with createWaiter; acceptors in the model\'s order', () => {
    const files = emitWaiters(view(pagedModel({ waiters: waiter([output('Thing.State', 'Active'), output('Thing.State', 'Failed', 'stringEquals', 'failure'), { state: 'retry', matcher: { errorType: 'ThingNotFound' } }]) })), HEADER);
    expect(files.map((f) => f.path)).toEqual(['client/src/waiters/waitForThingReady.ts', 'client/src/runtime/paths.ts']);
    const text = fileText(files, 'client/src/waiters/waitForThingReady.ts')!;
    expect(text).toContain(
      [
        'const checkState = async (client: GivenClient, input: GetThingCommandInput): Promise<WaiterResult> => {',
        '  let reason: unknown;',
        '  try {',
        '    const result = await client.send(new GetThingCommand(input));',
        '    reason = result;',
        '    const thingState: unknown = result.Thing?.State;',
        "    if (thingState === 'Active') return { state: WaiterState.SUCCESS, reason };",
        "    if (thingState === 'Failed') return { state: WaiterState.FAILURE, reason };",
        '  } catch (exception) {',
        '    reason = exception;',
        "    if (exception instanceof Error && exception.name === 'ThingNotFound') return { state: WaiterState.RETRY, reason };",
        '  }',
        '  return { state: WaiterState.RETRY, reason };',
        '};',
      ].join('\n'),
    );
    expect(text).toContain('export const waitForThingReady = async (params: WaiterConfiguration<GivenClient>, input: GetThingCommandInput): Promise<WaiterResult<GetThingCommandOutput | GivenServiceException>> => {');
    expect(text).toContain('export const waitUntilThingReady = async (params: WaiterConfiguration<GivenClient>, input: GetThingCommandInput): Promise<WaiterResult<GetThingCommandOutput>> => {\n  const serviceDefaults = { minDelay: 3, maxDelay: 30 };\n  const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState);\n  return checkExceptions(result);\n};');
    expect(text).toContain(' * Waits for the thing to be ready.');
    expect(text).not.toContain('runtime/paths.js');
  });

  it.each([
    { name: 'booleanEquals', acceptor: output('Thing.Ready', 'true', 'booleanEquals'), want: 'if (thingReady === true) return { state: WaiterState.SUCCESS, reason };' },
    { name: 'allStringEquals (a non-empty list, every entry equal)', acceptor: output('Thing.Parts[].State', 'Active', 'allStringEquals'), want: "if (Array.isArray(value) && value.length > 0 && value.every((item) => item === 'Active')) return { state: WaiterState.SUCCESS, reason };" },
    { name: 'anyStringEquals', acceptor: output('Thing.Parts[].State', 'Failed', 'anyStringEquals', 'failure'), want: "if (Array.isArray(value) && value.some((item) => item === 'Failed')) return { state: WaiterState.FAILURE, reason };" },
    { name: 'success: true', acceptor: { state: 'success', matcher: { success: true } }, want: '    // The call succeeds: success.\n    return { state: WaiterState.SUCCESS, reason };' },
    { name: 'success: false', acceptor: { state: 'failure', matcher: { success: false } }, want: '    // The call fails: failure.\n    return { state: WaiterState.FAILURE, reason };\n  }' },
    { name: 'an inputOutput path', acceptor: { state: 'success', matcher: { inputOutput: { path: 'input.Name == output.Thing.Name', expected: 'true', comparator: 'booleanEquals' } } }, want: 'const value: unknown = equal(input.Name, result.Thing?.Name);\n    if (value === true)' },
  ])('comparator/matcher: $name', ({ acceptor, want }) => {
    const files = emitWaiters(view(pagedModel({ waiters: waiter([acceptor]) })), HEADER);
    expect(fileText(files, 'client/src/waiters/waitForThingReady.ts')).toContain(want);
  });

  it('imports the JMESPath helpers a compiled path needs from runtime/paths.js', () => {
    const files = emitWaiters(view(pagedModel({ waiters: waiter([output('Thing.Parts[].State', 'Active', 'allStringEquals')]) })), HEADER);
    expect(fileText(files, 'client/src/waiters/waitForThingReady.ts')).toContain("import { present } from '../runtime/paths.js';");
  });

  it.each([
    { name: 'a path naming a missing member', acceptors: [output('Thing.Stat', 'Active')], want: 'given.yaml: waiter ThingReady (GetThing): path `Thing.Stat`: Thing has no member `Stat` (it has Name, State, Ready, Parts, Nested) at /paths/~1things~1{Name}/get/x-waiters/ThingReady/acceptors/0' },
    { name: 'allStringEquals on a value that is not a list', acceptors: [output('Thing.State', 'Active', 'allStringEquals')], want: 'given.yaml: waiter ThingReady (GetThing): allStringEquals needs a list, and `Thing.State` is not one at /paths/~1things~1{Name}/get/x-waiters/ThingReady/acceptors/0' },
  ])('refuses $name', ({ acceptors, want }) => {
    expect(() => emitWaiters(view(pagedModel({ waiters: waiter(acceptors) })), HEADER)).toThrow(want);
  });
});

describe('the emitted client with paginators and waiters of every path form', () => {
  it('type-checks under strict and exactOptionalPropertyTypes', { timeout: 60_000 }, () => {
    const acceptors = [
      output('Thing.State', 'Active'),
      output('Thing.Ready', 'false', 'booleanEquals', 'retry'),
      output('Thing.Parts[].State', 'Active', 'allStringEquals'),
      output('Thing.Parts[?State == `Failed`].State', 'Failed', 'anyStringEquals', 'failure'),
      output('Thing.Nested[]', 'x', 'anyStringEquals', 'retry'),
      output('Thing.Parts[-1].Sizes[0] > `3` && length(Thing.Nested) == `2`', 'true', 'booleanEquals'),
      output('contains(Thing.Parts[].State, `"Pending"`) || !(Thing.Name)', 'true', 'booleanEquals', 'retry'),
      { state: 'success', matcher: { inputOutput: { path: 'input.Name == output.Thing.Name', expected: 'true', comparator: 'booleanEquals' } } },
      { state: 'retry', matcher: { errorType: 'ThingNotFound' } },
      { state: 'failure', matcher: { success: false } },
    ];
    const model = view(pagedModel({ paginated: PAGINATED, waiters: waiter(acceptors) }));
    const out = scratch('paginators-waiters');
    writeOutput(out, emitClient(model, { version: '1.0.0', dependencies: {} }));
    expect(typeCheck(join(out, 'client', 'src'))).toEqual([]);
  });
});
