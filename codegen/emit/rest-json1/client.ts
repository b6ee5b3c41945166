/**
 * restJson1, client side: `client/src/protocol.ts`, one serializer and one deserializer per
 * operation (labels, query, headers, prefix headers, a JSON body or a payload; output from the
 * body, the payload, headers and the status code; errors by name), and the JSON writers and
 * readers of the shapes they use (./json.ts), kept apart from the commands as SDK v3 does. The
 * wire helpers ship with the client runtime (`client/runtime/rest-json1.ts`) and beside this
 * file (`runtime/wire.ts`).
 */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { BoundMember, ErrorShape, Operation, ServiceModel } from '../../model/ir.js';
import { constantQuery, operationErrors, ownMembers, pathTemplate } from '../../model/queries.js';
import { propertyName } from '../../model/symbols.js';
import { shipRuntime } from '../shipped.js';
import { printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { clientNames, commandInputType, commandName, commandOutputType, deserializer, serializer } from '../client/names.js';
import { TextCodecs } from './http-text.js';
import { codecFunction, JsonCodecs, readProperty } from './json.js';
import { ClientEventStreams, isEventStream } from './event-stream.js';
import { isIdempotencyToken, jsonKey } from './traits.js';

const { StructureKind } = tsMorph;

/** The wire helpers both sides share (runtime/wire.ts beside this file), into `folder`. */
export function shipWireRuntime(folder: string, header: string): GeneratedFile[] {
  return shipRuntime(import.meta.url, ['wire.ts'], folder, header);
}

/** The media type a payload member travels as, when the model names none. */
export function payloadMediaType(model: ServiceModel, member: BoundMember): string {
  const kind = model.graph.shapes.get(member.target)?.kind;
  const declared = member.binding.kind === 'payload' ? member.binding.mediaType : undefined;
  if (declared) return declared;
  return kind === 'blob' ? 'application/octet-stream' : kind === 'string' || kind === 'enum' ? 'text/plain' : 'application/json';
}

export function emitClientProtocol(model: ServiceModel, header: string): GeneratedFile {
  const { baseException } = clientNames(model);
  const protocolErrors = model.validationError ? [model.validationError] : [];
  const usedErrors = new Set<string>();
  const runtime = new Set<string>(['buildHttpRequest', 'readError', 'responseMetadata']);
  const json = new JsonCodecs(model);
  const text = new TextCodecs(model);
  const statements: StatementStructures[] = [];
  const events = new ClientEventStreams(model, json, baseException);

  for (const operation of model.operations) {
    statements.push(serializerFunction(model, operation, json, text, runtime));
    statements.push(deserializerFunction(model, operation, json, text, runtime, events));
    const errors = [...operationErrors(model, operation), ...protocolErrors];
    errors.forEach((e) => usedErrors.add(e.name));
    const cases = errors.map((error) => `  case ${quote(error.name)}:\n    throw new ${error.name}(${errorInit(model, error, json, text, runtime)});`);
    statements.push({
      kind: StructureKind.Function,
      isAsync: true,
      name: `${deserializer(operation)}Error`,
      docs: [tsDoc(`The errors ${operation.name} models, by the name the response gives; any other name becomes a plain ${baseException} carrying that name.`)],
      parameters: [
        { name: 'response', type: '__HttpResponse' },
        { name: 'config', type: 'ResolvedClientConfig' },
      ],
      returnType: 'Promise<never>',
      statements: [
        `const { name, ${cases.some((c) => c.includes('body')) ? 'body, ' : ''}message } = await readError(response, config);`,
        'const $metadata = responseMetadata(response);',
        `switch (name) {\n${cases.join('\n')}\n  default:\n    throw new ${baseException}({ name, $fault: response.statusCode >= 500 ? 'server' : 'client', $metadata, message });\n}`,
      ],
    });
  }

  // Event readers ask the JSON codecs for functions of their own: collected first.
  const eventFunctions = events.functions();
  const functions = json.functions();
  const codecs = functions.map((f) => codecFunction(f, false));
  const wire = [...new Set([...json.helpers, ...text.helpers])].sort();
  const types = [...new Set(functions.map((f) => f.type))].sort();
  return printFile('client/src/protocol.ts', header, [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '@smithy/types',
      namedImports: ['HttpRequest as __HttpRequest', 'HttpResponse as __HttpResponse'],
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/config.js', namedImports: ['ResolvedClientConfig'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/rest-json1.js', namedImports: [...runtime].sort() },
    ...(wire.length ? [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/wire.js', namedImports: wire } as StatementStructures] : []),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: [baseException, ...[...usedErrors].sort()] },
    ...(types.length ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './models.js', namedImports: types } as StatementStructures] : []),
    ...events.imports(),
    ...model.operations.map(
      (operation): StatementStructures => ({
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: `./commands/${commandName(operation)}.js`,
        namedImports: [commandInputType(operation), commandOutputType(operation)],
      }),
    ),
    ...statements,
    ...eventFunctions,
    ...codecs,
  ]);
}

function serializerFunction(model: ServiceModel, operation: Operation, json: JsonCodecs, text: TextCodecs, runtime: Set<string>): StatementStructures {
  const graph = model.graph;
  const by = (kind: string) => operation.request.filter((m) => m.binding.kind === kind);
  // A member the caller leaves out that is an idempotency token gets a fresh one.
  const value = (m: BoundMember) => {
    const access = readProperty('input', m.name, json.helpers);
    if (!isIdempotencyToken(graph, m)) return { access, required: m.required };
    json.helpers.add('idempotencyToken');
    return { access: `${access} ?? idempotencyToken()`, required: true };
  };
  let path = pathTemplate(operation.path);
  for (const label of by('label')) {
    const binding = label.binding as { name: string; greedy: boolean };
    const encoder = binding.greedy || operation.path.includes(`{${binding.name}+}`) ? 'encodeGreedyLabel' : 'encodeLabel';
    runtime.add(encoder);
    const { access } = value(label);
    const encoded = `\${${encoder}(${text.labelText(label, access)}, ${quote(label.name)})}`;
    path = path.replace(`{${binding.name}+}`, encoded).replace(`{${binding.name}}`, encoded);
  }
  const parts = [`method: ${quote(operation.method)}`, `path: \`${path}\``];
  const query = by('query');
  const names = new Set(query.map((m) => (m.binding as { name: string }).name));
  // The query the path fixes, then the members (a member of the same name wins).
  const fixed = constantQuery(operation.path).filter(([key]) => !names.has(key)).map(([key, v]) => `    ${propertyName(key)}: ${quote(v)},`);
  if (query.length || fixed.length) {
    parts.push(`query: {\n${[...fixed, ...query.map((m) => {
      const { access, required } = value(m);
      return `    ${propertyName((m.binding as { name: string }).name)}: ${json.optional(access, text.queryText(m, access), required)},`;
    })].join('\n')}\n  }`);
  }
  const queryMap = by('queryParams')[0];
  if (queryMap) parts.push(`queryMap: ${readProperty('input', queryMap.name, json.helpers)}`);
  if (operation.hostPrefix) parts.push(`hostPrefix: ${hostPrefixText(operation, value, runtime)}`);
  const headers = by('header').map((m) => {
    const { access, required } = value(m);
    return `    ${quote((m.binding as { name: string }).name)}: ${json.optional(access, text.headerText(m, access), required)},`;
  });
  const prefixed = by('prefixHeaders').map((m) => {
    json.helpers.add('withPrefix');
    return `    ...withPrefix(${quote((m.binding as { prefix: string }).prefix)}, ${readProperty('input', m.name, json.helpers)}),`;
  });
  if (headers.length || prefixed.length) parts.push(`headers: {\n${[...prefixed, ...headers].join('\n')}\n  }`);
  const body = by('body');
  if (body.length) {
    const stringify = json.stringifier(body.map((m) => m.target));
    const entries = body.map((m) => {
      const { access, required } = value(m);
      return `    ${propertyName(jsonKey(graph, m, (m.binding as { name: string }).name))}: ${json.writeMember(access, m, required)},`;
    });
    parts.push(`json: ${stringify}({\n${entries.join('\n')}\n  })`);
  }
  const payload = by('payload')[0];
  if (payload) {
    const { access, required } = value(payload);
    const kind = graph.shapes.get(payload.target)!.kind;
    let encoded: string | undefined;
    if (kind !== 'blob' && kind !== 'string' && kind !== 'enum') {
      encoded = `${json.stringifier([payload.target])}(${json.write(payload.target, access, payload) ?? access})`;
    }
    // An unset structure payload is sent as an empty JSON object (restJson1's
    // RestJsonHttpWithEmptyStructurePayload); an unset union, document, blob or string sends no body.
    const body = kind === 'structure' && !required && encoded ? `${access} === undefined ? '{}' : ${encoded}` : json.optional(access, encoded, required);
    parts.push(`payload: { body: ${body}, contentType: ${quote(payloadMediaType(model, payload))} }`);
  }
  const what = [query.length || queryMap ? 'query members' : '', headers.length || prefixed.length ? 'headers' : '', body.length ? 'a JSON body of the members that are set' : '', payload ? `${payload.name} as the payload` : ''].filter(Boolean);
  return {
    kind: StructureKind.Function,
    isExported: true,
    isAsync: true,
    name: serializer(operation),
    docs: [tsDoc(`Serializes ${operation.name}: labels percent-encoded into \`${operation.path}\`${what.length ? `, ${what.join(', ')}` : ''}.`)],
    parameters: [
      { name: 'input', type: commandInputType(operation) },
      { name: 'config', type: 'ResolvedClientConfig' },
    ],
    returnType: 'Promise<__HttpRequest>',
    statements: [`return buildHttpRequest(config, {\n  ${parts.join(',\n  ')},\n});`],
  };
}

/**
 * The operation's host prefix (Smithy's `@endpoint`) as a template literal: each `{Label}` filled
 * from the input member of that name marked `@hostLabel`, checked to be a valid host label.
 */
function hostPrefixText(operation: Operation, value: (m: BoundMember) => { access: string }, runtime: Set<string>): string {
  const text = operation.hostPrefix!.replace(/[`\\$]/g, (c: string) => `\\${c}`);
  return `\`${text.replace(/\{([^}]+)\}/g, (_: string, name: string) => {
    const member = operation.request.find((m) => m.name === name && m.hostLabel);
    if (!member) throw new Error(`${operation.name}: the host prefix ${operation.hostPrefix} names {${name}}, but no input member ${name} is marked as a host label`);
    runtime.add('hostLabel');
    return `\${hostLabel(${value(member).access}, ${quote(name)})}`;
  })}\``;
}

function deserializerFunction(model: ServiceModel, operation: Operation, json: JsonCodecs, text: TextCodecs, runtime: Set<string>, events: ClientEventStreams): StatementStructures {
  const graph = model.graph;
  const lines: string[] = [];
  const members: string[] = [];
  const body = operation.response.filter((m) => m.binding.kind === 'body');
  const payload = operation.response.find((m) => m.binding.kind === 'payload');
  if (payload && isEventStream(payload)) {
    // An event stream is read as it arrives, by the caller's iteration.
  } else if (body.length) {
    runtime.add('readJsonBody');
    lines.push('const data = await readJsonBody(response);');
  } else if (payload) {
    const kind = graph.shapes.get(payload.target)!.kind;
    const reader = kind === 'blob' ? 'readPayloadBytes' : kind === 'string' || kind === 'enum' ? 'readPayloadText' : 'readJsonPayload';
    runtime.add(reader);
    lines.push(`const payload = await ${reader}(response);`);
  } else {
    runtime.add('readJsonBody');
    lines.push('await readJsonBody(response);');
  }
  for (const m of operation.response) {
    const name = propertyName(m.name);
    switch (m.binding.kind) {
      case 'header':
        runtime.add('responseHeader');
        members.push(`  ${name}: ${text.readHeader(m, `responseHeader(response, ${quote(m.binding.name)})`)},`);
        break;
      case 'prefixHeaders':
        runtime.add('responseHeaders');
        json.helpers.add('prefixedHeaders');
        members.push(`  ${name}: prefixedHeaders(responseHeaders(response), ${quote(m.binding.prefix)}),`);
        break;
      case 'responseCode':
        members.push(`  ${name}: response.statusCode,`);
        break;
      case 'payload':
        if (isEventStream(m)) {
          members.push(`  ${name}: ${events.read(operation, m)},`);
          break;
        }
        // Bytes and text are the payload as it is; JSON payloads are read as their shape.
        members.push(`  ${name}: ${['blob', 'string', 'enum'].includes(graph.shapes.get(m.target)!.kind) ? 'payload' : (json.read(m.target, 'payload', m) ?? 'payload')},`);
        break;
      case 'body': {
        members.push(`  ${name}: ${json.readMember('data', m, jsonKey(graph, m, m.binding.name), json.wireDefault(m))},`);
        break;
      }
      default:
        break;
    }
  }
  lines.push(members.length ? `return {\n  $metadata: responseMetadata(response),\n${members.join('\n')}\n};` : 'return { $metadata: responseMetadata(response) };');
  return {
    kind: StructureKind.Function,
    isExported: true,
    isAsync: true,
    name: deserializer(operation),
    docs: [tsDoc(`Deserializes ${operation.name}: ${operation.successStatus} with its output, or throws the error the response names.`)],
    parameters: [
      { name: 'response', type: '__HttpResponse' },
      { name: 'config', type: 'ResolvedClientConfig' },
    ],
    returnType: `Promise<${commandOutputType(operation)}>`,
    statements: [`if (response.statusCode >= 300) return ${deserializer(operation)}Error(response, config);`, ...lines],
  };
}

/** The exception's members: header members from their headers, body members from the JSON body. */
function errorInit(model: ServiceModel, error: ErrorShape, json: JsonCodecs, text: TextCodecs, runtime: Set<string>): string {
  const own = new Set(ownMembers(error).map((m) => m.name));
  const members = error.bound
    .filter((m) => own.has(m.name))
    .map((m) => {
      if (m.binding.kind === 'header') {
        runtime.add('responseHeader');
        return `${propertyName(m.name)}: ${text.readHeader(m, `responseHeader(response, ${quote(m.binding.name)})`)}`;
      }
      return `${propertyName(m.name)}: ${json.readMember('body', m, jsonKey(model.graph, m, m.binding.kind === 'body' ? m.binding.name : m.name))}`;
    });
  return `{ $metadata, message${members.length ? `, ${members.join(', ')}` : ''} }`;
}
