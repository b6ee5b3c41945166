// The server emitters and the restJson1 server bindings: { given: a model fragment, want: the
// printed TypeScript }. Mirrors codegen/emit/server/ and codegen/emit/rest-json1/server.ts.

import { describe, expect, it } from 'vitest';
import { decodeRequest, encodeResponse } from '../../../codegen/emit/rest-json1/server.js';
import { JsonCodecs } from '../../../codegen/emit/rest-json1/json.js';
import { emitErrors } from '../../../codegen/emit/server/errors.js';
import { emitRouter } from '../../../codegen/emit/server/router.js';
import { HEADER, thingModel, view } from './helpers.js';

describe('restJson1 request decoding and response encoding', () => {
  it.each([
    {
      name: 'labels, query, headers and body, each decoded to its type',
      given: thingModel({
        parameters: [{ name: 'max-items', in: 'query', 'x-member-name': 'MaxItems', schema: { type: 'integer' } }, { name: 'X-Trace', in: 'header', 'x-member-name': 'Trace', schema: { type: 'boolean' } }],
        properties: { Note: { type: 'string' } },
        output: { Count: { type: 'integer' } },
      }),
      want: {
        lines: [
          'const body = parseJsonObject(request.body);',
          "const input = {\n  Name: labels.Name,\n  MaxItems: parseNumberText(request.query.get('max-items') ?? undefined),\n  Trace: parseBooleanText(headerValue(request, 'x-trace')),\n  Note: body.Note,\n};",
        ],
        helpers: ['parseJsonObject', 'headerValue'],
        wire: ['parseBooleanText', 'parseNumberText'],
        response: ['return restResponse(200, {\n  json: toJson({\n    Count: output.Count,\n  }),\n}, context);'],
      },
    },
    {
      name: 'no body and no output',
      given: thingModel(),
      want: { lines: ['const input = {\n  Name: labels.Name,\n};'], helpers: [], wire: [], response: ['return emptyResponse(200, context);'] },
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
});
