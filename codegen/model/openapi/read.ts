/**
 * The one reader of model documents: an OpenAPI 3.0 or 3.1 document (model/README.md's
 * conventions) → the shape graph. Operations with their HTTP bindings (path-item and operation
 * parameters, JSON body or payload, response headers), errors (`x-error` schemas), service facts.
 * It refuses only what makes a document unreadable; what the generator cannot emit is decided
 * by the generator's view (../service.ts).
 */
import { basename, extname } from 'node:path';
import { ModelError, type LoadedDocument } from '../document.js';
import { child, pointer } from '../pointer.js';
import { References } from '../refs.js';
import type { Binding, BoundMember, ErrorShape, HttpMethod, OperationShape, ServiceFacts, Shape, ShapeModel } from '../shapes.js';
import { readAuth } from './auth.js';
import { derivedOperationName } from './operation-name.js';
import { readPagination, readWaiters } from './operation-traits.js';
import { alternatives, errorStatusesBySchema, isErrorStatus, responseError } from './response-errors.js';
import { isObject, memberTraits, SchemaReader } from './schemas.js';

type Obj = Record<string, any>;

const optional = <T>(list: T[]) => (list.length > 0 ? list : undefined);

/** The media type of AWS's event streams: a response payload of a union's events (`x-event-stream` names the union). */
const EVENT_STREAM = 'application/vnd.amazon.eventstream';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** A media type that carries JSON. */
const isJson = (type: string) => type === 'application/json' || /[/+]json(;|$)/.test(type);

export function readOpenApi(loaded: LoadedDocument): ShapeModel {
  return new DocumentReader(loaded).read();
}

class DocumentReader {
  private readonly name: string;
  private readonly doc: Obj;
  private readonly refs: References;
  private readonly shapes = new Map<string, Shape>();
  private readonly schemas: SchemaReader;
  /** Component schemas by the error statuses whose responses use them (naming errors declared as responses). */
  private errorStatuses = new Map<string, Set<string>>();

  constructor(private readonly loaded: LoadedDocument) {
    this.name = loaded.source.path;
    this.doc = loaded.document;
    this.refs = new References(this.doc, this.name);
    this.schemas = new SchemaReader(this.shapes, this.refs, this.name);
  }

  private fail(at: string, problem: string): never {
    throw new ModelError(this.name, at, problem);
  }

  private origin(at: string) {
    return { document: this.name, pointer: at };
  }

  read(): ShapeModel {
    const doc = this.doc;
    if (!isObject(doc)) this.fail('', 'not an OpenAPI document (the top level is not a mapping)');
    if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) this.fail('/openapi', 'not an OpenAPI 3 document (missing or unsupported `openapi` version)');
    if (!isObject(doc.paths)) this.fail('/paths', 'no `paths` mapping');
    if (!isObject(doc.info)) this.fail('/info', 'no `info` mapping');
    if (typeof doc.info.title !== 'string') this.fail('/info/title', 'no `info.title`');

    const schemas: Obj = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
    for (const [name, node] of Object.entries(schemas)) this.schemas.read(node, pointer('components', 'schemas', name), name);
    const errors = new Map<string, ErrorShape>();
    for (const [name, node] of Object.entries(schemas)) if (isObject(node) && node['x-error'] !== undefined) errors.set(name, this.error(name, node));
    this.errorStatuses = errorStatusesBySchema(doc, this.refs, (holder) => this.jsonSchema(holder));

    const operations: OperationShape[] = [];
    const seen = new Set<string>();
    for (const [path, rawItem] of Object.entries(doc.paths as Obj)) {
      const itemAt = pointer('paths', path);
      const item = this.refs.resolve(rawItem, itemAt);
      if (!isObject(item.node)) this.fail(itemAt, 'a path item is not a mapping');
      for (const method of METHODS) {
        const raw = (item.node as Obj)[method];
        if (raw === undefined) continue;
        const at = child(itemAt, method);
        if (!isObject(raw)) this.fail(at, 'an operation is not a mapping');
        const id = typeof raw.operationId === 'string' ? raw.operationId : derivedOperationName(method, path);
        if (seen.has(id)) this.fail(at, typeof raw.operationId === 'string' ? `operationId ${id} is used twice` : `the name derived for ${method.toUpperCase()} ${path}, ${id}, is another operation's operationId`);
        seen.add(id);
        operations.push(this.operation(raw, id, path, method, at, item.node as Obj, item.at, errors));
      }
    }
    return { service: this.service(), shapes: this.shapes, operations, errors, sources: [this.loaded.source], documents: [doc] };
  }

  private service(): ServiceFacts {
    const { doc } = this;
    const info = doc.info as Obj;
    const revision = isObject(info['x-revision']) && typeof info['x-revision'].name === 'string' ? info['x-revision'].name : basename(this.name, extname(this.name));
    const schemes: Record<string, Obj> = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {};
    const sigv4 = Object.values(schemes).find((scheme) => isObject(scheme?.['x-aws-sigv4']));
    const server = Array.isArray(doc.servers) && isObject(doc.servers[0]) ? doc.servers[0] : undefined;
    return {
      title: info.title,
      version: String(info.version ?? ''),
      documentation: typeof info.description === 'string' ? info.description : undefined,
      revision,
      signingName: typeof sigv4?.['x-aws-sigv4']?.signingName === 'string' ? sigv4['x-aws-sigv4'].signingName : undefined,
      auth: optional(readAuth(doc, this.name)),
      endpoint: server
        ? { url: String(server.url), defaults: Object.fromEntries(Object.entries<Obj>(isObject(server.variables) ? (server.variables as Record<string, Obj>) : {}).map(([k, v]) => [k, String(v?.default)])) }
        : undefined,
      errorTypeHeader: typeof doc['x-error-type-header'] === 'string' ? doc['x-error-type-header'] : undefined,
      validationError: typeof doc['x-validation-error'] === 'string' ? doc['x-validation-error'] : undefined,
      clientVersion: typeof info['x-client-version'] === 'string' ? info['x-client-version'] : undefined,
    };
  }

  private error(name: string, node: Obj): ErrorShape {
    const at = pointer('components', 'schemas', name);
    const marker = node['x-error'];
    if (!isObject(marker) || typeof marker.status !== 'number') this.fail(child(at, 'x-error'), '`x-error` needs a numeric `status`');
    const shape = this.shapes.get(name);
    const members = shape?.kind === 'structure' ? shape.members : [];
    return {
      name,
      shape: name,
      status: marker.status,
      fault: marker.fault === 'server' ? 'server' : 'client',
      documentation: typeof node.description === 'string' ? node.description : undefined,
      members: members.map((member) => {
        const header = this.shapes.get(member.target)?.extensions['x-http-header'];
        return { ...member, binding: typeof header === 'string' ? { kind: 'header', name: header } : { kind: 'body', name: member.jsonName ?? member.name } };
      }),
      origin: this.origin(at),
    };
  }

  private operation(op: Obj, id: string, path: string, method: string, at: string, item: Obj, itemAt: string, errors: Map<string, ErrorShape>): OperationShape {
    const input = this.parameters(op, id, path, at, item, itemAt);
    let requestBody: OperationShape['requestBody'];
    if (op.requestBody !== undefined) {
      const body = this.refs.resolve(op.requestBody, child(at, 'requestBody'));
      const content = this.content(body.node, body.at, id, 'input');
      requestBody = { mediaType: content.mediaType, hasSchema: content.hasSchema, origin: this.origin(body.at) };
      input.push(...content.members);
    }

    if (!isObject(op.responses)) this.fail(child(at, 'responses'), `operation ${id} has no \`responses\``);
    const responses: OperationShape['responses'] = [];
    const declared: OperationShape['errors'] = [];
    for (const status of Object.keys(op.responses)) {
      const response = this.refs.resolve(op.responses[status], child(at, 'responses', status));
      const found = isObject(response.node) ? this.jsonSchema(response.node) : undefined;
      const named = alternatives(found?.schema).map((schema, i) => {
        const name = References.componentName(schema);
        if (!isErrorStatus(status) || (name !== undefined && isObject(this.doc.components?.schemas?.[name]) && this.doc.components.schemas[name]['x-error'] !== undefined)) return name;
        // A 4xx/5xx response whose schema is no `x-error` schema declares an error of its own.
        const schemaAt = response.at + found!.at + (isObject(found!.schema) && Array.isArray(found!.schema.oneOf) ? child('', 'oneOf', i) : '');
        const description = isObject(response.node) && typeof response.node.description === 'string' ? response.node.description : undefined;
        const error = responseError({ operation: id, status, schema, at: schemaAt, description, document: this.name }, this.errorStatuses, this.schemas, this.shapes, errors);
        if (!declared.some((e) => e.name === error)) declared.push({ name: error, origin: this.origin(schemaAt) });
        return error;
      });
      responses.push({ status, origin: this.origin(response.at), errors: named.filter((n): n is string => n !== undefined) });
    }
    const successStatus = Object.keys(op.responses).sort().find((status) => /^2\d\d$/.test(status));
    let success: OperationShape['success'];
    const output: BoundMember[] = [];
    if (successStatus) {
      const response = this.refs.resolve(op.responses[successStatus], child(at, 'responses', successStatus));
      const node = isObject(response.node) ? response.node : {};
      success = { status: successStatus, origin: this.origin(child(at, 'responses', successStatus)), description: typeof node.description === 'string' ? node.description : undefined };
      output.push(...this.content(node, response.at, id, 'output').members, ...this.responseHeaders(node, response.at, id), ...this.responseCode(node, response.at, id));
    }

    const listed: OperationShape['errors'] = [];
    if (op['x-errors'] !== undefined) {
      if (!Array.isArray(op['x-errors'])) this.fail(child(at, 'x-errors'), '`x-errors` is not a list');
      op['x-errors'].forEach((name: unknown, i: number) => {
        const entryAt = child(at, 'x-errors', i);
        if (typeof name !== 'string') this.fail(entryAt, '`x-errors` entries must be error names');
        if (!errors.has(name)) this.fail(entryAt, `error ${name} has no schema with \`x-error\``);
        listed.push({ name, origin: this.origin(entryAt) });
      });
    }
    const order = op['x-member-order'];
    const pagination = readPagination(op['x-paginated'], child(at, 'x-paginated'), this.name);
    const waiters = readWaiters(op['x-waiters'], child(at, 'x-waiters'), this.name);
    return {
      name: id,
      method: method.toUpperCase() as HttpMethod,
      path,
      summary: typeof op.summary === 'string' ? op.summary : undefined,
      documentation: typeof op.description === 'string' ? op.description : undefined,
      deprecated: op.deprecated === true ? true : undefined,
      input,
      memberOrder: Array.isArray(order) ? order.filter((m): m is string => typeof m === 'string') : undefined,
      success,
      responses,
      requestBody,
      output,
      ...(op['x-unit-input'] === true && { unitInput: true }),
      ...(op['x-unit-output'] === true && { unitOutput: true }),
      errors: [...listed, ...declared.filter((error) => !listed.some((e) => e.name === error.name))],
      ...(pagination ? { pagination } : {}),
      ...(waiters ? { waiters } : {}),
      ...(typeof op['x-host-prefix'] === 'string' && op['x-host-prefix'] !== '' && { hostPrefix: op['x-host-prefix'] }),
      origin: this.origin(at),
    };
  }

  /** Path-item parameters apply to every operation of the item; the operation's own override them by location and name. */
  private parameters(op: Obj, id: string, path: string, at: string, item: Obj, itemAt: string): BoundMember[] {
    const declared: { raw: unknown; at: string }[] = [];
    if (Array.isArray(item.parameters)) item.parameters.forEach((raw, i) => declared.push({ raw, at: child(itemAt, 'parameters', i) }));
    if (Array.isArray(op.parameters)) op.parameters.forEach((raw, i) => declared.push({ raw, at: child(at, 'parameters', i) }));
    const byKey = new Map<string, BoundMember>();
    for (const { raw, at: paramAt } of declared) {
      const resolved = this.refs.resolve(raw, paramAt);
      if (!isObject(resolved.node)) this.fail(paramAt, 'a parameter is not a mapping');
      const param = resolved.node as Obj;
      if (typeof param.name !== 'string') this.fail(paramAt, 'a parameter has no `name`');
      if (!['path', 'query', 'header', 'cookie'].includes(param.in)) this.fail(paramAt, `parameter ${param.name} has no valid \`in\``);
      if (param.in === 'cookie') continue;
      // Named as generated code names it; the wire name may differ (x-member-name).
      const name = typeof param['x-member-name'] === 'string' ? param['x-member-name'] : param.name;
      const target = this.schemas.read(param.schema ?? {}, child(resolved.at, 'schema'), `${id}$input$${name}`);
      const kind = this.shapes.get(target.target)?.kind;
      const binding: Binding =
        param.in === 'path'
          ? { kind: 'label', name: param.name, greedy: path.includes(`{${param.name}+}`) }
          : param.in === 'query'
            ? kind === 'map' ? { kind: 'queryParams' } : { kind: 'query', name: param.name }
            : typeof param['x-prefix-headers'] === 'string' || (kind === 'map' && param.name.endsWith('-'))
              ? { kind: 'prefixHeaders', prefix: String(param['x-prefix-headers'] ?? param.name) }
              : { kind: 'header', name: param.name };
      byKey.set(`${param.in}:${param.name}`, {
        name,
        target: target.target,
        // A path label is always required: OpenAPI says so, and a request without it has no path.
        required: param.in === 'path' || param.required === true,
        nullable: target.nullable,
        default: target.default,
        documentation: typeof param.description === 'string' ? param.description : target.documentation,
        deprecated: param.deprecated === true ? true : target.deprecated,
        ...memberTraits(param.schema),
        ...memberTraits(param),
        origin: this.origin(resolved.at),
        binding,
      });
    }
    return [...byKey.values()];
  }

  /** The media type carrying JSON (else the first), and its schema. */
  private jsonSchema(holder: Obj): { mediaType: string; schema: unknown; at: string } | undefined {
    if (!isObject(holder.content)) return undefined;
    const types = Object.keys(holder.content);
    const type = types.find((t) => t === 'application/json') ?? types.find(isJson) ?? types[0];
    if (type === undefined) return undefined;
    const media = holder.content[type];
    return { mediaType: type, schema: isObject(media) ? media.schema : undefined, at: child('', 'content', type, 'schema') };
  }

  /**
   * A request or response body: the members of a JSON object body, each bound to the body; any
   * other body is one member bound to the whole payload (`x-member-name`, default `Body`).
   */
  private content(holder: unknown, at: string, operation: string, side: 'input' | 'output'): { mediaType?: string; hasSchema: boolean; members: BoundMember[] } {
    if (!isObject(holder)) return { hasSchema: false, members: [] };
    const found = this.jsonSchema(holder);
    if (!found) return { hasSchema: false, members: [] };
    if (found.schema === undefined) return { mediaType: found.mediaType, hasSchema: false, members: [] };
    const schemaAt = at + found.at;
    if (found.mediaType === EVENT_STREAM) return { mediaType: found.mediaType, hasSchema: true, members: [this.eventStream(holder, at, schemaAt, operation, side)] };
    const named = typeof holder['x-member-name'] === 'string';
    const name = named ? String(holder['x-member-name']) : 'Body';
    // An inline JSON object is the operation's request or response structure; anything else, and
    // a body that names its member (`x-member-name`: Smithy's `@httpPayload`), is one payload member.
    const id = !named && isJson(found.mediaType) && isObject(found.schema) && isObject(found.schema.properties) ? `${operation}${side === 'input' ? 'Request' : 'Response'}` : `${operation}$${side}$${name}`;
    const target = this.schemas.read(found.schema, schemaAt, id);
    const shape = this.shapes.get(target.target);
    if (!named && isJson(found.mediaType) && shape?.kind === 'structure') {
      return { mediaType: found.mediaType, hasSchema: true, members: shape.members.map((member) => ({ ...member, binding: { kind: 'body', name: member.jsonName ?? member.name } })) };
    }
    return {
      mediaType: found.mediaType,
      hasSchema: true,
      members: [{ name, target: target.target, required: holder.required === true, nullable: target.nullable, default: target.default, documentation: target.documentation, origin: this.origin(schemaAt), binding: { kind: 'payload', mediaType: found.mediaType } }],
    };
  }

  /**
   * An event stream: the response's payload member, a union whose members are the events
   * (`x-event-stream` names it beside its `$ref`). Requests that stream are refused.
   */
  private eventStream(holder: Obj, at: string, schemaAt: string, operation: string, side: 'input' | 'output'): BoundMember {
    if (side === 'input') this.fail(schemaAt, `operation ${operation} sends an event stream, which is supported in responses only`);
    const media = holder.content[EVENT_STREAM] as Obj;
    const union = media['x-event-stream'];
    if (typeof union !== 'string' || References.componentName(media.schema) !== union) {
      this.fail(child(at, 'content', EVENT_STREAM), `operation ${operation}'s event stream must name its event union in \`x-event-stream\`, beside a \`$ref\` to that union's schema`);
    }
    const target = this.schemas.read(media.schema, schemaAt, union);
    if (this.shapes.get(target.target)?.kind !== 'union') this.fail(schemaAt, `operation ${operation}'s event stream ${union} is not a union of events`);
    const name = typeof holder['x-member-name'] === 'string' ? String(holder['x-member-name']) : 'Body';
    return { name, target: target.target, required: false, nullable: false, documentation: target.documentation, origin: this.origin(schemaAt), binding: { kind: 'payload', mediaType: EVENT_STREAM, eventStream: true } };
  }

  /** The output member that carries the response's status code (`x-response-code-member`: Smithy's `@httpResponseCode`). */
  private responseCode(response: Obj, at: string, id: string): BoundMember[] {
    const name = response['x-response-code-member'];
    if (name === undefined) return [];
    if (typeof name !== 'string' || name === '') this.fail(child(at, 'x-response-code-member'), '`x-response-code-member` must name a member');
    const target = this.schemas.read({ type: 'integer', format: 'int32' }, child(at, 'x-response-code-member'), `${id}$output$${name}`);
    return [{ name, target: target.target, required: false, nullable: false, origin: this.origin(child(at, 'x-response-code-member')), binding: { kind: 'responseCode' } }];
  }

  private responseHeaders(response: Obj, at: string, id: string): BoundMember[] {
    if (!isObject(response.headers)) return [];
    return Object.entries(response.headers).map(([wire, raw]) => {
      const resolved = this.refs.resolve(raw, child(at, 'headers', wire));
      const header = isObject(resolved.node) ? resolved.node : {};
      const name = typeof header['x-member-name'] === 'string' ? header['x-member-name'] : wire;
      const target = this.schemas.read(header.schema ?? {}, child(resolved.at, 'schema'), `${id}$output$${name}`);
      return {
        name,
        target: target.target,
        required: header.required === true,
        nullable: target.nullable,
        documentation: typeof header.description === 'string' ? header.description : target.documentation,
        ...memberTraits(header.schema),
        ...memberTraits(header),
        origin: this.origin(resolved.at),
        // A map of headers sharing a prefix (`x-prefix-headers`: Smithy's `@httpPrefixHeaders`).
        binding: typeof header['x-prefix-headers'] === 'string' ? { kind: 'prefixHeaders', prefix: header['x-prefix-headers'] } : { kind: 'header', name: wire },
      };
    });
  }
}
