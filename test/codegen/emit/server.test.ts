// The server emitters and the restJson1 server bindings: { given: a model fragment, want: the
// printed TypeScript }. Mirrors codegen/emit/server/ and codegen/emit/rest-json1/server.ts.

import { describe, expect, it } from 'vitest';
import { decodeRequest, encodeResponse } from '../../../codegen/emit/rest-json1/server.js';
import { JsonCodecs } from '../../../codegen/emit/rest-json1/json.js';
import { emitErrors } from '../../../codegen/emit/server/errors.js';
import { emitRouter } from '../../../codegen/emit/server/router.js';
import { emitClientProtocol } from '../../../codegen/emit/rest-json1/client.js';
import { readOpenApi } from '../../../codegen/model/openapi/read.js';
import { serviceModel } from '../../../codegen/model/service.js';
import { documentOf } from '../model/helpers.js';
import { HEADER, thingModel, view } from './helpers.js';

describe('restJson1 request decoding and response encoding', () => {
  it.each([
    {
      name: 'labels, query, headers and body, each decoded to its type, refusing what is not one',
      given: thingModel({
        parameters: [{ name: 'max-items', in: 'query', 'x-member-name': 'MaxItems', schema: { type: 'integer' } }, { name: 'X-Trace', in: 'header', 'x-member-name': 'Trace', schema: { type: 'boolean' } }],
        properties: { Note: { type: 'string' } },
        output: { Count: { type: 'integer' } },
      }),
      want: {
        lines: [
          "checkContentType(request, 'application/json');",
          "checkAccept(request, 'application/json');",
          'const body = parseJsonObject(request.body);',
          "const input = {\n  Name: labels['Name'],\n  MaxItems: expectIntegerText(request.query.get('max-items') ?? undefined, 'integer'),\n  Trace: expectBooleanText(headerValue(request, 'x-trace')),\n  Note: expectString(member(body, 'Note')),\n};",
        ],
        helpers: ['checkContentType', 'checkAccept', 'parseJsonObject', 'headerValue'],
        wire: ['expectBooleanText', 'expectIntegerText', 'expectString', 'member'],
        response: ['return restResponse(200, {\n  json: JSON.stringify({\n    Count: output.Count,\n  }),\n}, context);'],
      },
    },
    {
      name: 'a nullable member keeps JSON null both ways; a plain one reads null as absent',
      given: thingModel({
        properties: { Note: { type: ['string', 'null'] }, At: { type: ['string', 'null'], format: 'date-time' }, Plain: { type: 'string' } },
        output: { Note: { type: ['string', 'null'] }, At: { type: ['string', 'null'], format: 'date-time' } },
      }),
      want: {
        lines: [
          "checkContentType(request, 'application/json');",
          "checkAccept(request, 'application/json');",
          'const body = parseJsonObject(request.body);',
          "const input = {\n  Name: labels['Name'],\n  Note: unlessNull(nullableMember(body, 'Note'), expectString),\n  At: unlessNull(nullableMember(body, 'At'), (item) => expectTimestamp(item, 'date-time')),\n  Plain: expectString(member(body, 'Plain')),\n};",
        ],
        helpers: ['checkContentType', 'checkAccept', 'parseJsonObject'],
        wire: ['expectString', 'expectTimestamp', 'member', 'nullableMember', 'unlessNull'],
        response: ["return restResponse(200, {\n  json: JSON.stringify({\n    Note: output.Note,\n    At: output.At === undefined || output.At === null ? output.At : formatTimestamp(output.At, 'date-time'),\n  }),\n}, context);"],
      },
    },
    {
      name: 'no body and no output',
      given: thingModel(),
      // An input with members but no body takes no Content-Type; an output without members answers `{}`.
      want: {
        lines: ['checkContentType(request, null);', "checkAccept(request, 'application/json');", "const input = {\n  Name: labels['Name'],\n};"],
        helpers: ['checkContentType', 'checkAccept'],
        wire: [],
        response: ["return restResponse(200, { json: '{}' }, context);"],
      },
    },
  ])('$name', ({ given, want }) => {
    const model = view(given);
    const operation = model.operations[0];
    const decoded = decodeRequest(model, operation);
    expect({ lines: decoded.lines, helpers: decoded.helpers, wire: decoded.wire, response: encodeResponse(model, operation).lines }).toEqual(want);
  });
});

describe('server/errors.ts and server/router.ts', () => {
  const model = view(thingModel({ errors: { Throttled: { type: 'object', 'x-error': { status: 429 }, properties: { message: { type: 'string' }, Type: { type: 'string', default: 'User' }, RetryAfter: { type: 'integer', 'x-http-header': 'Retry-After' } } } } }));

  it('describes each error for the protocol runtime: status, fault, header members, defaults, the message member', () => {
    expect(emitErrors(model, HEADER, new JsonCodecs(model)).content).toContain(
      "export const THROTTLED: ErrorDescription = { name: 'Throttled', status: 429, fault: 'client', members: [{ name: 'message', isMessage: true }, { name: 'Type', defaultValue: 'User' }, { name: 'RetryAfter', header: 'Retry-After' }] };",
    );
  });

  it('routes by method and path segments', () => {
    expect(emitRouter(model, HEADER).content).toContain("{ method: 'PUT', segments: ['', 'things', '{Name}'], handle: handlePutThing },");
  });

  it('an error member JSON does not carry as it is says how to encode it', () => {
    const dated = view(thingModel({ errors: { Late: { type: 'object', 'x-error': { status: 409 }, properties: { message: { type: 'string' }, At: { type: 'number', 'x-timestamp-format': 'epoch-seconds' }, Since: { type: 'string', format: 'date-time', 'x-http-header': 'X-Since' } } } } }));
    expect(emitErrors(dated, HEADER, new JsonCodecs(dated)).content).toContain(
      "members: [{ name: 'message', isMessage: true }, { name: 'At', encode: (value: Date) => formatTimestamp(value, 'epoch-seconds') }, { name: 'Since', header: 'X-Since', encode: (value: Date) => timestampText(value, 'date-time') }] };",
    );
  });
});

describe('the response-code binding (@httpResponseCode)', () => {
  // The OpenAPI reader has no spelling for it yet: the graph gets one by hand.
  const graph = readOpenApi(documentOf(thingModel({ output: { Note: { type: 'string' } } })));
  graph.shapes.set('Status', { id: 'Status', kind: 'integer', constraints: {}, extensions: {}, origin: { document: 'given.yaml', pointer: '' } });
  graph.operations[0].output.push({ name: 'Status', target: 'Status', required: false, nullable: false, origin: { document: 'given.yaml', pointer: '' }, binding: { kind: 'responseCode' } });
  const model = serviceModel(graph);

  it('the server answers with the member as the status, the success status when it is absent', () => {
    expect(encodeResponse(model, model.operations[0]).lines).toEqual(['return restResponse(output.Status ?? 200, {\n  json: JSON.stringify({\n    Note: output.Note,\n  }),\n}, context);']);
  });

  it('an output of the status alone answers with an empty JSON object, as restJson1 answers an output with no body members', () => {
    const bare = readOpenApi(documentOf(thingModel()));
    bare.shapes.set('Status', graph.shapes.get('Status')!);
    bare.operations[0].output.push({ name: 'Status', target: 'Status', required: false, nullable: false, origin: { document: 'given.yaml', pointer: '' }, binding: { kind: 'responseCode' } });
    const statusOnly = serviceModel(bare);
    expect(encodeResponse(statusOnly, statusOnly.operations[0]).lines).toEqual(["return restResponse(output.Status ?? 200, {\n  json: '{}',\n}, context);"]);
  });

  it.each([
    { name: 'an operation without input (Unit) takes no body; one without output answers none', unit: { 'x-unit-input': true, 'x-unit-output': true }, want: ['checkContentType(request, null);', 'return emptyResponse(200, context);'] },
    { name: 'an empty input structure takes `{}`; an empty output structure answers `{}`', unit: {}, want: ["checkAccept(request, 'application/json');", "return restResponse(200, { json: '{}' }, context);"] },
  ])('$name', ({ unit, want }) => {
    const fragment = thingModel();
    const put = (fragment.paths as Record<string, Record<string, Record<string, unknown>>>)['/things/{Name}'].put;
    Object.assign(put, unit, { parameters: [] });
    (fragment.paths as Record<string, unknown>)['/things'] = (fragment.paths as Record<string, unknown>)['/things/{Name}'];
    delete (fragment.paths as Record<string, unknown>)['/things/{Name}'];
    const given = view(fragment);
    const operation = given.operations[0];
    expect([...decodeRequest(given, operation).lines.filter((line) => line.startsWith('check')), ...encodeResponse(given, operation).lines]).toEqual(want);
  });

  it('the client reads the status into the member', () => {
    expect(emitClientProtocol(model, HEADER).content).toContain('    Status: response.statusCode,');
  });
});
