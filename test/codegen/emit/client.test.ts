// The client emitters, one at a time: { given: a model fragment, want: the printed TypeScript }.
// Mirrors codegen/emit/client/ and codegen/emit/rest-json1/client.ts.

import { describe, expect, it } from 'vitest';
import { emitErrors } from '../../../codegen/emit/client/errors.js';
import { emitModels } from '../../../codegen/emit/client/models.js';
import { emitClientProtocol } from '../../../codegen/emit/rest-json1/client.js';
import { HEADER, thingModel, view } from './helpers.js';

const body = (text: string) => text.slice(HEADER.length + 1);

describe('client/src/models.ts', () => {
  it.each([
    {
      name: 'a request of a label, a query member, a header member and body members; required ones without `?`',
      given: thingModel({
        parameters: [{ name: 'max-items', in: 'query', 'x-member-name': 'MaxItems', schema: { type: 'integer' } }, { name: 'X-Trace', in: 'header', 'x-member-name': 'Trace', schema: { type: 'boolean' } }],
        properties: { Note: { type: 'string', minLength: 1, maxLength: 10, pattern: '^[a-z]+$', description: 'A note.' }, 'item-id': { type: 'number' } },
        required: ['Note'],
      }),
      want: [
        '/** Input of PutThing. */',
        'export interface PutThingRequest {',
        '  Name: string;',
        '  MaxItems?: number | undefined;',
        '  Trace?: boolean | undefined;',
        '  /**',
        '   * A note.',
        '   *',
        '   * Length: 1 to 10 characters. Pattern: `[a-z]+` (whole value).',
        '   */',
        '  Note: string;',
        '  "item-id"?: number | undefined;',
        '}',
        '',
        '/** Output of PutThing. */',
        'export interface PutThingResponse {',
        '}',
      ].join('\n'),
    },
    {
      name: 'enums as a const object and a union type, named after the member (upper-cased, so `class` is a valid name)',
      given: thingModel({ properties: { class: { type: 'string', enum: ['A', 'B-C'] } }, output: { class: { type: 'string', enum: ['A', 'B-C'] } } }),
      want: [
        '/** The values Class accepts. */',
        'export const Class = {',
        '  A: \'A\',',
        '  "B-C": \'B-C\',',
        '} as const;',
        'export type Class = (typeof Class)[keyof typeof Class];',
        '',
        '/** Input of PutThing. */',
        'export interface PutThingRequest {',
        '  Name: string;',
        '  class?: Class | undefined;',
        '}',
        '',
        '/** Output of PutThing. */',
        'export interface PutThingResponse {',
        '  class?: Class | undefined;',
        '}',
      ].join('\n'),
    },
  ])('$name', ({ given, want }) => {
    const model = view(given);
    expect(body(emitModels(model, HEADER).content).trimEnd()).toBe(want);
  });
});

describe('client/src/errors.ts', () => {
  it('one class per modeled error, with body and header members besides message', () => {
    const model = view(
      thingModel({ errors: { Throttled: { type: 'object', description: 'Slow down.', 'x-error': { status: 429 }, properties: { message: { type: 'string' }, RetryAfter: { type: 'integer', 'x-http-header': 'Retry-After' } } } } }),
    );
    const text = emitErrors(model, HEADER).content;
    expect(text).toContain(
      [
        '/**',
        ' * Slow down.',
        ' *',
        ' * HTTP status 429 (client fault).',
        ' */',
        'export class Throttled extends GivenServiceException {',
        "  public readonly name: 'Throttled' = 'Throttled';",
        "  public readonly $fault: 'client' = 'client';",
        '  RetryAfter?: number | undefined;',
        '',
        '  /** @internal */',
        '  constructor(options: __ExceptionOptionType<Throttled, GivenServiceException>) {',
        "    super({ name: 'Throttled', $fault: 'client', ...options });",
        '    Object.setPrototypeOf(this, Throttled.prototype);',
        '    this.RetryAfter = options.RetryAfter;',
        '  }',
        '}',
      ].join('\n'),
    );
  });
});

describe('client/src/protocol.ts (restJson1)', () => {
  const model = view(
    thingModel({
      parameters: [{ name: 'max-items', in: 'query', 'x-member-name': 'MaxItems', schema: { type: 'integer' } }, { name: 'X-Trace', in: 'header', 'x-member-name': 'Trace', schema: { type: 'boolean' } }],
      properties: { Note: { type: 'string' } },
      output: { Count: { type: 'integer' }, Color: { type: 'string', enum: ['RED'] } },
      errors: { Throttled: { type: 'object', 'x-error': { status: 429 }, properties: { message: { type: 'string' }, RetryAfter: { type: 'integer', 'x-http-header': 'Retry-After' } } } },
    }),
  );
  const text = emitClientProtocol(model, HEADER).content;

  it.each([
    { name: 'imports each runtime helper from the module that holds it', want: "import { buildHttpRequest, encodeLabel, readError, readJsonBody, responseHeader, responseMetadata } from './runtime/rest-json1.js';\nimport { member, parseNumberText } from './runtime/wire.js';" },
    { name: 'encodes labels into the path', want: 'path: `/things/${encodeLabel(input.Name, \'Name\')}`,' },
    { name: 'writes query members by wire name, as text', want: '"max-items": input.MaxItems === undefined ? undefined : String(input.MaxItems),' },
    { name: 'sets header members by wire name, as text', want: "headers: {\n      'X-Trace': input.Trace === undefined ? undefined : String(input.Trace),\n    }," },
    { name: 'puts body members in a JSON body', want: 'json: JSON.stringify({\n      Note: input.Note,\n    }),' },
    { name: 'reads output members as own, non-null members of the JSON body', want: "    Count: member(data, 'Count'),\n    Color: member(data, 'Color')," },
    { name: 'reads a header-bound error member from its header, as its type', want: "throw new Throttled({ $metadata, message, RetryAfter: parseNumberText(responseHeader(response, 'Retry-After')) });" },
    { name: 'turns an unknown error into the base exception', want: "throw new GivenServiceException({ name, $fault: response.statusCode >= 500 ? 'server' : 'client', $metadata, message });" },
  ])('$name', ({ want }) => {
    expect(text).toContain(want);
  });

  it("prefixes the endpoint's host as @endpoint says, a {Label} filled from its @hostLabel member (x-host-prefix, x-host-label)", () => {
    const fragment = thingModel({ properties: { Tenant: { type: 'string', 'x-host-label': true } }, required: ['Tenant'] });
    (fragment.paths as Record<string, Record<string, Record<string, unknown>>>)['/things/{Name}']!['put']!['x-host-prefix'] = 'api.{Tenant}.';
    const prefixed = emitClientProtocol(view(fragment), HEADER).content;
    expect(prefixed).toContain("hostPrefix: `api.${hostLabel(input.Tenant, 'Tenant')}.`,");
    const unlabelled = thingModel();
    (unlabelled.paths as Record<string, Record<string, Record<string, unknown>>>)['/things/{Name}']!['put']!['x-host-prefix'] = 'api.{Tenant}.';
    expect(() => emitClientProtocol(view(unlabelled), HEADER)).toThrow('PutThing: the host prefix api.{Tenant}. names {Tenant}, but no input member Tenant is marked as a host label');
  });
});
