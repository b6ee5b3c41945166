// restJson1 codecs shared by both sides: { given: a member's schema, want: the expression that
// writes it to / reads it from JSON (json.ts) or HTTP text (http-text.ts) }.

import { describe, expect, it } from 'vitest';
import { TextCodecs } from '../../../codegen/emit/rest-json1/http-text.js';
import { JsonCodecs } from '../../../codegen/emit/rest-json1/json.js';
import { HEADER, thingModel, view } from './helpers.js';
import { emitClientProtocol } from '../../../codegen/emit/rest-json1/client.js';

/** The model's `Member` body member, with the codecs to ask about it. */
function member(schema: unknown, schemas: Record<string, unknown> = {}) {
  const fragment = thingModel({ properties: { Member: schema } });
  fragment.schemas = { ...fragment.schemas, ...schemas };
  const model = view(fragment);
  const bound = model.operations[0].request.find((m) => m.name === 'Member')!;
  return { model, bound, json: new JsonCodecs(model), text: new TextCodecs(model) };
}

describe('JSON values (json.ts)', () => {
  it.each([
    { name: 'a string is written as it is', given: { type: 'string' }, write: undefined, read: undefined },
    { name: 'a long as it is (no 32-bit check)', given: { type: 'integer', format: 'int64' }, write: undefined, read: undefined },
    { name: 'a date-time timestamp', given: { type: 'string', format: 'date-time' }, write: "formatTimestamp(v, 'date-time')", read: "parseTimestamp(v, 'date-time')" },
    { name: 'an epoch-seconds timestamp', given: { type: 'number', 'x-timestamp-format': 'epoch-seconds' }, write: "formatTimestamp(v, 'epoch-seconds')", read: "parseTimestamp(v, 'epoch-seconds')" },
    { name: 'a blob as base64', given: { type: 'string', format: 'byte' }, write: 'toBase64(v)', read: 'fromBase64(v)' },
    { name: 'a double, NaN and the infinities as strings', given: { type: 'number' }, write: 'formatFloat(v)', read: 'parseFloatValue(v)' },
    { name: 'a bigInteger (written by toJson with every digit)', given: { type: 'integer', format: 'big-integer' }, write: undefined, read: 'parseBigInteger(v)' },
    { name: 'a list of timestamps', given: { type: 'array', items: { type: 'number', 'x-timestamp-format': 'epoch-seconds' } }, write: "v.map((item) => formatTimestamp(item, 'epoch-seconds'))", read: "readList(v, (item) => parseTimestamp(item, 'epoch-seconds'))" },
    { name: 'a sparse list of blobs keeps its nulls', given: { type: 'array', 'x-sparse': true, items: { type: 'string', format: 'byte' } }, write: 'v.map((item) => (item === null ? null : toBase64(item)))', read: 'readSparseList(v, fromBase64)' },
    { name: 'a map of blobs', given: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } }, write: 'mapValues(v, toBase64)', read: 'readMap(v, fromBase64)' },
    { name: 'a map of strings, as it is', given: { type: 'object', additionalProperties: { type: 'string' } }, write: undefined, read: undefined },
    { name: 'a structure, by its function', given: { $ref: '#/components/schemas/Box' }, schemas: { Box: { type: 'object', properties: { At: { type: 'string', format: 'date-time' } } } }, write: 'se_Box(v)', read: 'de_Box(v)' },
    { name: 'a list of lists of structures', given: { type: 'array', items: { type: 'array', items: { $ref: '#/components/schemas/Box' } } }, schemas: { Box: { type: 'object', properties: {} } }, write: 'v.map((item) => item.map(se_Box))', read: 'readList(v, (item) => readList(item, de_Box))' },
  ])('$name', ({ given, schemas, write, read }) => {
    const { bound, json } = member(given, schemas);
    expect([json.write(bound.target, 'v', bound), json.read(bound.target, 'v', bound)]).toEqual([write, read]);
  });

  it('a structure\'s writer and reader: JSON names, own-property reads of inherited names, absent members left out', () => {
    const { bound, json } = member(
      { $ref: '#/components/schemas/Box' },
      { Box: { type: 'object', required: ['At'], properties: { At: { type: 'string', format: 'date-time' }, Label: { type: 'string', 'x-json-name': 'label' }, constructor: { type: 'integer' } } } },
    );
    json.write(bound.target, 'v', bound);
    json.read(bound.target, 'v', bound);
    const [writer, reader] = json.functions();
    expect(writer.statements).toEqual(["return {\n  At: formatTimestamp(input.At, 'date-time'),\n  label: input.Label,\n  constructor: member(input, 'constructor'),\n};"]);
    expect(reader.statements).toEqual([
      'if (!isJsonObject(value)) return value as Box;',
      "return {\n  At: parseTimestamp(member(value, 'At'), 'date-time'),\n  Label: member(value, 'label'),\n  constructor: member(value, 'constructor'),\n};",
    ]);
  });

  it('a union\'s writer and reader: the one member set, and a member this side does not know kept as $unknown', () => {
    const { bound, json } = member({ oneOf: [{ $ref: '#/components/schemas/Circle' }, { title: 'Name', type: 'string' }] }, { Circle: { type: 'object', properties: {} } });
    json.write(bound.target, 'v', bound);
    json.read(bound.target, 'v', bound);
    const [writer, reader] = json.functions().filter((f) => f.type === 'Member');
    expect(writer.statements).toEqual([
      'if (input.Circle !== undefined) return { Circle: se_Circle(input.Circle) };',
      'if (input.Name !== undefined) return { Name: input.Name };',
      '// A member this client does not know is sent back as it came.',
      'return input.$unknown === undefined ? {} : { [input.$unknown[0]]: input.$unknown[1] };',
    ]);
    expect(reader.statements).toEqual([
      'const set = isJsonObject(value) ? unionMember(value) : undefined;',
      'if (set === undefined) return value as Member;',
      'const [key, item] = set;',
      "switch (key) {\n  case 'Circle':\n    return { Circle: de_Circle(item) };\n  case 'Name':\n    return { Name: item as string };\n  default:\n    return { $unknown: [key, item] };\n}",
    ]);
  });
});

describe('defaults on the client side (json.ts): filled in requests and outputs, except where @clientOptional leaves a member optional', () => {
  const box = { Box: { type: 'object', properties: { Mode: { type: 'string', default: 'fast' }, Tier: { type: 'string', default: 'basic', 'x-client-optional': true } } } };
  it.each([
    { name: 'the writer', direction: 'write' as const, want: ["return {\n  Mode: input.Mode === undefined ? 'fast' : input.Mode,\n  Tier: input.Tier,\n};"] },
    { name: 'the reader', direction: 'read' as const, want: ["if (!isJsonObject(value)) return value as Box;", "return {\n  Mode: member(value, 'Mode') ?? 'fast',\n  Tier: member(value, 'Tier'),\n};"] },
  ])('$name', ({ direction, want }) => {
    const { model, bound } = member({ $ref: '#/components/schemas/Box' }, box);
    const json = new JsonCodecs(model, 'client');
    if (direction === 'write') json.write(bound.target, 'v', bound);
    else json.read(bound.target, 'v', bound);
    expect(json.functions()[0]!.statements).toEqual(want);
  });
});

describe('JSON values the server reads (json.ts, server side: strict, defaults filled)', () => {
  const server = (schema: unknown, schemas: Record<string, unknown> = {}) => {
    const { model, bound } = member(schema, schemas);
    return { bound, json: new JsonCodecs(model, 'server'), text: new TextCodecs(model, true) };
  };

  it.each([
    { name: 'a string is checked to be one', given: { type: 'string' }, read: 'expectString(v)' },
    { name: 'a boolean', given: { type: 'boolean' }, read: 'expectBoolean(v)' },
    { name: 'an int32 within its range', given: { type: 'integer', format: 'int32' }, read: "expectInteger(v, 'integer')" },
    { name: 'a long within its range', given: { type: 'integer', format: 'int64' }, read: "expectInteger(v, 'long')" },
    { name: 'a double, or NaN and the infinities as strings', given: { type: 'number' }, read: 'expectFloat(v)' },
    { name: 'a date-time timestamp, in its format only', given: { type: 'string', format: 'date-time' }, read: "expectTimestamp(v, 'date-time')" },
    { name: 'a blob, padded base64 only', given: { type: 'string', format: 'byte' }, read: 'expectBase64(v)' },
    { name: 'a dense list of strings: no nulls, strings only', given: { type: 'array', items: { type: 'string' } }, read: 'expectList(v, expectString)' },
    { name: 'a sparse map of integers keeps its nulls', given: { type: 'object', 'x-sparse': true, additionalProperties: { type: 'integer', format: 'int32' } }, read: "expectSparseMap(v, (value) => expectInteger(value, 'integer'))" },
    { name: 'a document is any JSON', given: {}, read: undefined },
  ])('$name', ({ given, read }) => {
    const { bound, json } = server(given);
    expect(json.read(bound.target, 'v', bound)).toEqual(read);
  });

  it('a structure\'s reader refuses a non-object and reads a member left out as its default, in its wire form', () => {
    const { bound, json } = server(
      { $ref: '#/components/schemas/Box' },
      { Box: { type: 'object', properties: { Mode: { type: 'string', default: 'fast' }, At: { type: 'string', format: 'date-time', default: '1970-01-01T00:00:00Z' }, Count: { type: 'integer', format: 'int32' } } } },
    );
    json.read(bound.target, 'v', bound);
    const [reader] = json.functions();
    expect(reader.statements).toEqual([
      'if (value === undefined) return value as unknown as Box;',
      'const object = expectObject(value);',
      "return {\n  Mode: expectString(member(object, 'Mode') ?? 'fast'),\n  At: expectTimestamp(member(object, 'At') ?? '1970-01-01T00:00:00Z', 'date-time'),\n  Count: expectInteger(member(object, 'Count'), 'integer'),\n};",
    ]);
  });

  it('the server writes a default the implementation leaves out', () => {
    const { bound, json } = server({ $ref: '#/components/schemas/Box' }, { Box: { type: 'object', properties: { Mode: { type: 'string', default: 'fast' } } } });
    json.write(bound.target, 'v', bound);
    expect(json.functions()[0].statements).toEqual(["return {\n  Mode: input.Mode === undefined ? 'fast' : input.Mode,\n};"]);
  });

  it('a union\'s reader: exactly one member it knows', () => {
    const { bound, json } = server({ oneOf: [{ $ref: '#/components/schemas/Circle' }, { title: 'Name', type: 'string' }] }, { Circle: { type: 'object', properties: {} } });
    json.read(bound.target, 'v', bound);
    const reader = json.functions().find((f) => f.type === 'Member')!;
    expect(reader.statements).toEqual([
      'if (value === undefined) return value as unknown as Member;',
      "const [key, item] = expectUnionMember(value, ['Circle', 'Name']);",
      "switch (key) {\n  case 'Circle':\n    return { Circle: de_Circle(item) };\n  case 'Name':\n    return { Name: expectString(item) };\n}",
      '// expectUnionMember has refused every other key.',
      'return { $unknown: [key, item] };',
    ]);
  });

  it.each([
    { name: 'a boolean header', given: { type: 'boolean' }, readHeader: 'expectBooleanText(t)' },
    { name: 'an int32 header', given: { type: 'integer', format: 'int32' }, readHeader: "expectIntegerText(t, 'integer')" },
    { name: 'an HTTP-date header', given: { type: 'string', 'x-timestamp-format': 'http-date' }, readHeader: "expectTimestampText(t, 'http-date')" },
    { name: 'a list of floats', given: { type: 'array', items: { type: 'number' } }, readHeader: 'readList(splitHeaderList(t), (item) => expectFloatText(item))' },
  ])('text: $name', ({ given, readHeader }) => {
    const { bound, text } = server(given);
    expect(text.readHeader(bound, 't')).toEqual(readHeader);
  });
});

describe('HTTP text (http-text.ts)', () => {
  it.each([
    { name: 'a string', given: { type: 'string' }, header: 'v', query: 'v', readHeader: 't' },
    { name: 'an integer', given: { type: 'integer' }, header: 'String(v)', query: 'String(v)', readHeader: 'parseNumberText(t)' },
    { name: 'a float, NaN and the infinities included', given: { type: 'number', format: 'float' }, header: 'String(v)', query: 'String(v)', readHeader: 'parseFloatText(t)' },
    { name: 'a boolean', given: { type: 'boolean' }, header: 'String(v)', query: 'String(v)', readHeader: 'parseBooleanText(t)' },
    { name: 'an HTTP-date timestamp', given: { type: 'string', 'x-timestamp-format': 'http-date' }, header: "timestampText(v, 'http-date')", query: "timestampText(v, 'http-date')", readHeader: "parseTimestamp(t, 'http-date')" },
    { name: 'a blob as base64', given: { type: 'string', format: 'byte' }, header: 'toBase64(v)', query: 'toBase64(v)', readHeader: 'fromBase64(t)' },
    { name: 'a list of strings: quoted where needed in a header, repeated in a query', given: { type: 'array', items: { type: 'string' } }, header: 'joinHeaderList(v)', query: 'v', readHeader: 'splitHeaderList(t)' },
    { name: 'a list of HTTP-dates, never quoted, split in pairs', given: { type: 'array', items: { type: 'string', 'x-timestamp-format': 'http-date' } }, header: "joinHeaderList(v.map((item) => timestampText(item, 'http-date')), false)", query: "v.map((item) => timestampText(item, 'http-date'))", readHeader: "readList(splitHttpDateList(t), (item) => parseTimestamp(item, 'http-date'))" },
  ])('$name', ({ given, header, query, readHeader }) => {
    const { bound, text } = member(given);
    expect([text.headerText(bound, 'v'), text.queryText(bound, 'v'), text.readHeader(bound, 't')]).toEqual([header, query, readHeader]);
  });
});

describe('client/src/protocol.ts bindings beyond the JSON body', () => {
  const model = view({
    paths: {
      '/objects/{Bucket}/{Key+}': {
        put: {
          operationId: 'PutObject',
          parameters: [
            { name: 'Bucket', in: 'path', required: true, schema: { type: 'integer' } },
            { name: 'Key', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'x-meta-', in: 'header', 'x-member-name': 'Metadata', 'x-prefix-headers': 'x-meta-', schema: { type: 'object', additionalProperties: { type: 'string' } } },
            { name: 'params', in: 'query', 'x-member-name': 'Params', schema: { type: 'object', additionalProperties: { type: 'string' } } },
            { name: 'X-Token', in: 'header', 'x-member-name': 'Token', schema: { type: 'string', 'x-idempotency-token': true } },
          ],
          requestBody: { 'x-member-name': 'Content', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { '200': { description: 'OK', 'x-member-name': 'Body', content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      },
    },
  });
  const text = emitClientProtocol(model, HEADER).content;

  it.each([
    { name: 'an integer label written out, a greedy label keeping its slashes', want: 'path: `/objects/${encodeLabel(String(input.Bucket), \'Bucket\')}/${encodeGreedyLabel(input.Key, \'Key\')}`,' },
    { name: 'a query map beside the query members', want: 'queryMap: input.Params,' },
    { name: 'prefix headers, and an idempotency token filled in when left out', want: "headers: {\n      ...withPrefix('x-meta-', input.Metadata),\n      'X-Token': input.Token ?? idempotencyToken(),\n    }," },
    { name: 'a blob payload as it is, with its media type', want: "payload: { body: input.Content, contentType: 'application/octet-stream' }," },
    { name: 'a text payload in the response', want: 'const payload = await readPayloadText(response);\n  return {\n    $metadata: responseMetadata(response),\n    Body: payload,\n  };' },
  ])('$name', ({ want }) => {
    expect(text).toContain(want);
  });
});
