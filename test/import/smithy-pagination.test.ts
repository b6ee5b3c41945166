// Smithy's @paginated (with the service's defaults) and smithy.waiters#waitable carried by the
// importer into x-paginated and x-waiters (codegen/import/smithy-pagination.ts), and read back.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSmithy } from '../../codegen/import/smithy.js';
import { buildModel, documentFromText } from '../../codegen/model/read-openapi.js';

const LAMBDA_JSON = resolve(import.meta.dirname, '../../../shared/fixtures/smithy/lambda.json');
const hasLambda = existsSync(LAMBDA_JSON);

const WAITABLE = { Ready: { documentation: 'Waits for Ready.', minDelay: 3, acceptors: [{ state: 'success', matcher: { output: { path: 'State', expected: 'Ready', comparator: 'stringEquals' } } }] } };

/** A service whose @paginated gives the tokens; ListThings is marked with its items only, ListOthers overrides a token, GetThing has a waiter. */
const MODEL = {
  smithy: '2.0',
  shapes: {
    'ex#Svc': { type: 'service', version: '1', operations: [{ target: 'ex#ListThings' }, { target: 'ex#ListOthers' }, { target: 'ex#GetThing' }], traits: { 'aws.protocols#restJson1': {}, 'smithy.api#paginated': { inputToken: 'Marker', outputToken: 'NextMarker', pageSize: 'MaxItems' } } },
    'ex#ListThings': { type: 'operation', input: { target: 'ex#ListIn' }, output: { target: 'ex#ListOut' }, traits: { 'smithy.api#http': { method: 'GET', uri: '/things', code: 200 }, 'smithy.api#paginated': { items: 'Things' } } },
    'ex#ListOthers': { type: 'operation', input: { target: 'ex#ListIn' }, output: { target: 'ex#ListOut' }, traits: { 'smithy.api#http': { method: 'GET', uri: '/others', code: 200 }, 'smithy.api#paginated': { outputToken: 'Page.Next', items: 'Things' } } },
    'ex#GetThing': { type: 'operation', input: { target: 'ex#GetIn' }, output: { target: 'ex#GetOut' }, traits: { 'smithy.api#http': { method: 'GET', uri: '/things/{Name}', code: 200 }, 'smithy.waiters#waitable': WAITABLE } },
    'ex#ListIn': { type: 'structure', members: { Marker: { target: 'smithy.api#String', traits: { 'smithy.api#httpQuery': 'Marker' } }, MaxItems: { target: 'smithy.api#Integer', traits: { 'smithy.api#httpQuery': 'MaxItems' } } } },
    'ex#ListOut': { type: 'structure', members: { Things: { target: 'ex#Names' }, NextMarker: { target: 'smithy.api#String' }, Page: { target: 'ex#Page' } } },
    'ex#Page': { type: 'structure', members: { Next: { target: 'smithy.api#String' } } },
    'ex#Names': { type: 'list', member: { target: 'smithy.api#String' } },
    'ex#GetIn': { type: 'structure', members: { Name: { target: 'smithy.api#String', traits: { 'smithy.api#required': {}, 'smithy.api#httpLabel': {} } } } },
    'ex#GetOut': { type: 'structure', members: { State: { target: 'smithy.api#String' } } },
  },
};

const operationOf = (document: Record<string, any>, path: string) => document.paths[path].get;

describe('@paginated and @waitable through the Smithy importer', () => {
  const imported = importSmithy(structuredClone(MODEL), []);

  it('writes x-paginated with the service\'s tokens and page size under the operation\'s own fields', () => {
    expect(operationOf(imported.document, '/things')['x-paginated']).toEqual({ inputToken: 'Marker', outputToken: 'NextMarker', items: 'Things', pageSize: 'MaxItems' });
    expect(operationOf(imported.document, '/others')['x-paginated']).toEqual({ inputToken: 'Marker', outputToken: 'Page.Next', items: 'Things', pageSize: 'MaxItems' });
    expect(operationOf(imported.document, '/things/{Name}')['x-paginated']).toBeUndefined();
  });

  it('writes x-waiters as the model declares them', () => {
    expect(operationOf(imported.document, '/things/{Name}')['x-waiters']).toEqual(WAITABLE);
    expect(operationOf(imported.document, '/things')['x-waiters']).toBeUndefined();
  });

  it('the document reads back into the shape graph', () => {
    const graph = buildModel([documentFromText(imported.yaml, 'ex.yaml')]).graph;
    const byName = new Map(graph.operations.map((o) => [o.name, o]));
    expect(byName.get('ListOthers')!.pagination).toMatchObject({ inputToken: 'Marker', outputToken: 'Page.Next', items: 'Things', pageSize: 'MaxItems' });
    expect(byName.get('GetThing')!.waiters).toMatchObject([{ name: 'Ready', documentation: 'Waits for Ready.', minDelay: 3, maxDelay: 120 }]);
  });

  it(`Lambda: every @paginated and @waitable operation carries them (${hasLambda ? '../shared/fixtures/smithy/lambda.json' : 'skipped: ../shared/fixtures/smithy/lambda.json is absent'})`, { skip: !hasLambda, timeout: 60_000 }, () => {
    const model = JSON.parse(readFileSync(LAMBDA_JSON, 'utf8'));
    const document = importSmithy(model, [], {}).document as Record<string, any>;
    const operations = Object.values<Record<string, any>>(document.paths).flatMap((item) => Object.values<Record<string, any>>(item)).filter((o) => o && typeof o === 'object' && o.operationId);
    const find = (name: string) => operations.find((o) => o.operationId === name)!;
    const marked = (trait: string) => Object.entries<any>(model.shapes).filter(([, s]) => s.type === 'operation' && s.traits?.[trait]).map(([id]) => id.replace(/^.*#/, '')).sort();
    expect(operations.filter((o) => o['x-paginated']).map((o) => o.operationId).sort()).toEqual(marked('smithy.api#paginated'));
    expect(operations.filter((o) => o['x-waiters']).map((o) => o.operationId).sort()).toEqual(['GetFunction', 'GetFunctionConfiguration']);
    expect(find('ListFunctions')['x-paginated']).toEqual({ inputToken: 'Marker', outputToken: 'NextMarker', items: 'Functions', pageSize: 'MaxItems' });
    expect(Object.keys(find('GetFunctionConfiguration')['x-waiters'])).toEqual(['FunctionActive', 'FunctionUpdated', 'PublishedVersionActive']);
    expect(find('GetFunction')['x-waiters'].FunctionActiveV2.acceptors[0]).toEqual({ state: 'success', matcher: { output: { path: 'Configuration.State', expected: 'Active', comparator: 'stringEquals' } } });
  });
});
