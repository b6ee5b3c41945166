// Reads one OpenAPI document written in the model conventions (model/README.md) into the
// normalized form of model.ts. Anything that makes the document unusable raises ModelError with
// a one-line message, which the CLI turns into exit code 2.

import { readFileSync } from 'node:fs';
import { serviceNameFromTitle } from '../model/names.js';
import { basename, extname } from 'node:path';
import { parseDocument } from 'yaml';
import type { ErrorShape, Member, MemberLocation, Model, Operation } from './model.js';
import { child, pointer, resolvePointer } from './pointer.js';

export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads and normalizes a model file; throws ModelError when it cannot be used. */
export function readModel(file: string): Model {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new ModelError(`${file}: cannot read the model (${reason})`);
  }
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    const line = first.linePos?.[0]?.line;
    // The library appends " at line L, column C:" and an excerpt; the line number is enough here.
    const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ModelError(`${file}: not valid YAML${line ? ` (line ${line})` : ''}: ${message}`);
  }
  return normalizeModel(parsed.toJS({ maxAliasCount: 100 }), file);
}

/** Normalizes an already parsed document; `source` names it in messages. */
export function normalizeModel(document: unknown, source: string): Model {
  const fail = (where: string, what: string): never => {
    throw new ModelError(`${source}: ${what}${where ? ` at ${where}` : ''}`);
  };
  if (!isObject(document)) fail('', 'not an OpenAPI document (the top level is not a mapping)');
  const doc = document as Obj;
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    fail('/openapi', 'not an OpenAPI 3 document (missing or unsupported `openapi` version)');
  }
  if (!isObject(doc.paths)) fail('/paths', 'no `paths` mapping');
  const info = isObject(doc.info) ? doc.info : fail('/info', 'no `info` mapping');
  const title = typeof info.title === 'string' ? info.title : fail('/info/title', 'no `info.title`');

  // Follows local `$ref`s; anything else cannot be compared and makes the model invalid.
  const deref = (node: unknown, at: string): { node: unknown; at: string } => {
    const seen = new Set<string>();
    while (isObject(node) && typeof node.$ref === 'string') {
      const ref = node.$ref;
      if (!ref.startsWith('#')) fail(at, `external reference ${ref} is not supported`);
      if (seen.has(ref)) fail(at, `circular reference ${ref}`);
      seen.add(ref);
      const target = resolvePointer(doc, decodeURI(ref.slice(1)));
      if (target === undefined) fail(at, `unresolved reference ${ref}`);
      at = decodeURI(ref.slice(1));
      node = target;
    }
    return { node, at };
  };

  const labels = new Map<string, string>();
  const errors = new Map<string, ErrorShape>();
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  for (const [name, raw] of Object.entries(schemas)) {
    labels.set(pointer('components', 'schemas', name), `schema ${name}`);
    if (!isObject(raw) || raw['x-error'] === undefined) continue;
    const at = pointer('components', 'schemas', name);
    const xError = raw['x-error'];
    if (!isObject(xError) || typeof xError.status !== 'number') fail(child(at, 'x-error'), '`x-error` needs a numeric `status`');
    const marker = xError as Obj;
    const error: ErrorShape = {
      name,
      pointer: at,
      status: marker.status as number,
      fault: typeof marker.fault === 'string' ? marker.fault : 'client',
      members: readProperties(raw, at, 'body', deref, fail),
    };
    errors.set(name, error);
    labels.set(at, `error ${name}`);
    for (const member of error.members.values()) labels.set(member.pointer, `error ${name} member ${member.name}`);
  }

  const operations = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(doc.paths as Obj)) {
    const itemAt = pointer('paths', path);
    const item = deref(rawItem, itemAt).node;
    if (!isObject(item)) fail(itemAt, 'a path item is not a mapping');
    const pathItem = item as Obj;
    for (const method of METHODS) {
      const rawOp = pathItem[method];
      if (rawOp === undefined) continue;
      const at = child(itemAt, method);
      if (!isObject(rawOp)) fail(at, 'an operation is not a mapping');
      const op = rawOp as Obj;
      const id = typeof op.operationId === 'string' ? op.operationId : fail(at, 'an operation has no `operationId`');
      if (operations.has(id)) fail(at, `operationId ${id} is used twice`);
      operations.set(id, readOperation(op, id, path, method, at, pathItem, itemAt, deref, fail, errors));
      labels.set(at, id);
      if (isObject(op.responses)) for (const status of Object.keys(op.responses)) labels.set(child(at, 'responses', status), `${id} response ${status}`);
    }
  }
  for (const op of operations.values()) {
    for (const member of op.input.values()) labels.set(member.pointer, `${op.id} input ${member.name}`);
    for (const member of op.output.values()) labels.set(member.pointer, `${op.id} output ${member.name}`);
  }

  const xRevision = isObject(info['x-revision']) ? info['x-revision'] : {};
  const fileName = basename(source, extname(source));
  return {
    source,
    revision: typeof xRevision.name === 'string' ? xRevision.name : fileName,
    title,
    serviceName: serviceNameOf(title),
    operations,
    errors,
    document: doc,
    labels,
  };
}

/** The name generated code uses for the client and its base exception: the generator's own rule. */
export const serviceNameOf = serviceNameFromTitle;

type Deref = (node: unknown, at: string) => { node: unknown; at: string };
type Fail = (where: string, what: string) => never;

function readOperation(
  op: Obj,
  id: string,
  path: string,
  method: string,
  at: string,
  pathItem: Obj,
  itemAt: string,
  deref: Deref,
  fail: Fail,
  errors: Map<string, ErrorShape>,
): Operation {
  const input = new Map<string, Member>();
  // Path-item parameters apply to every operation; the operation's own override them by name.
  const declared: { raw: unknown; at: string }[] = [];
  if (Array.isArray(pathItem.parameters)) pathItem.parameters.forEach((raw, i) => declared.push({ raw, at: child(itemAt, 'parameters', i) }));
  if (Array.isArray(op.parameters)) op.parameters.forEach((raw, i) => declared.push({ raw, at: child(at, 'parameters', i) }));
  for (const { raw, at: paramAt } of declared) {
    const resolved = deref(raw, paramAt);
    if (!isObject(resolved.node)) fail(paramAt, 'a parameter is not a mapping');
    const param = resolved.node as Obj;
    if (typeof param.name !== 'string') fail(paramAt, 'a parameter has no `name`');
    if (param.in !== 'path' && param.in !== 'query' && param.in !== 'header' && param.in !== 'cookie') {
      fail(paramAt, `parameter ${String(param.name)} has no valid \`in\``);
    }
    if (param.in === 'cookie') continue;
    const location = param.in as MemberLocation;
    const schemaAt = child(resolved.at, 'schema');
    const schema = deref(param.schema ?? {}, schemaAt);
    // Named as the generated code names it; the wire name may differ (x-member-name).
    const memberName = typeof param['x-member-name'] === 'string' ? param['x-member-name'] : (param.name as string);
    input.set(memberName, {
      ...constraintsOf(schema.node, schema.at),
      name: memberName,
      location,
      required: param.required === true,
      pointer: resolved.at,
      schemaPointer: schema.at,
      description: typeof param.description === 'string' ? param.description : undefined,
    });
  }

  if (op.requestBody !== undefined) {
    const body = deref(op.requestBody, child(at, 'requestBody'));
    const schema = jsonSchemaOf(body.node, body.at, deref);
    if (schema) {
      for (const [name, member] of readProperties(schema.node, schema.at, 'body', deref, fail)) input.set(name, member);
    }
  }

  let successStatus: string | undefined;
  let successPointer: string | undefined;
  let output = new Map<string, Member>();
  const responses = isObject(op.responses) ? op.responses : fail(child(at, 'responses'), `operation ${id} has no \`responses\``);
  for (const status of Object.keys(responses).sort()) {
    if (!/^2\d\d$/.test(status)) continue;
    successStatus = status;
    successPointer = child(at, 'responses', status);
    const response = deref(responses[status], successPointer);
    const schema = jsonSchemaOf(response.node, response.at, deref);
    if (schema) output = readProperties(schema.node, schema.at, 'body', deref, fail);
    break;
  }

  const errorNames = new Map<string, string>();
  if (op['x-errors'] !== undefined) {
    if (!Array.isArray(op['x-errors'])) fail(child(at, 'x-errors'), '`x-errors` is not a list');
    (op['x-errors'] as unknown[]).forEach((name, i) => {
      const entryAt = child(at, 'x-errors', i);
      if (typeof name !== 'string') fail(entryAt, '`x-errors` entries must be error names');
      if (!errors.has(name as string)) fail(entryAt, `error ${String(name)} has no schema with \`x-error\``);
      errorNames.set(name as string, entryAt);
    });
  }

  const order = Array.isArray(op['x-member-order']) ? op['x-member-order'].filter((m): m is string => typeof m === 'string') : [];
  return {
    id,
    pointer: at,
    path,
    method,
    successStatus,
    successPointer,
    memberOrder: order,
    memberOrderPointer: child(at, 'x-member-order'),
    input,
    output,
    errors: errorNames,
  };
}

/** The JSON body schema of a request body or response, if it has one. */
function jsonSchemaOf(holder: unknown, at: string, deref: Deref): { node: unknown; at: string } | undefined {
  if (!isObject(holder) || !isObject(holder.content)) return undefined;
  const types = Object.keys(holder.content);
  const type = types.find((t) => t === 'application/json') ?? types.find((t) => t.endsWith('json')) ?? types[0];
  if (type === undefined) return undefined;
  const media = holder.content[type];
  if (!isObject(media) || media.schema === undefined) return undefined;
  return deref(media.schema, child(at, 'content', type, 'schema'));
}

function readProperties(schema: unknown, at: string, location: MemberLocation, deref: Deref, fail: Fail): Map<string, Member> {
  const members = new Map<string, Member>();
  if (!isObject(schema)) return members;
  if (schema.properties !== undefined && !isObject(schema.properties)) fail(child(at, 'properties'), '`properties` is not a mapping');
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const [name, raw] of Object.entries((schema.properties as Obj | undefined) ?? {})) {
    const propAt = child(at, 'properties', name);
    const resolved = deref(raw, propAt);
    const constraints = constraintsOf(resolved.node, resolved.at);
    // A description next to a $ref documents this use of the shape; otherwise the shape's own.
    const own = isObject(raw) && typeof raw.description === 'string' ? raw.description : undefined;
    members.set(name, {
      ...constraints,
      description: own ?? constraints.description,
      name,
      location,
      required: required.includes(name),
      pointer: propAt,
      schemaPointer: resolved.at,
    });
  }
  return members;
}

type Constraints = Omit<Member, 'name' | 'location' | 'required' | 'pointer' | 'schemaPointer'>;

function constraintsOf(schema: unknown, _at: string): Constraints {
  if (!isObject(schema)) return { type: 'unknown' };
  const number = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const string = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    type: typeOf(schema),
    itemType: isObject(schema.items) ? typeOf(schema.items) : undefined,
    minLength: number(schema.minLength),
    maxLength: number(schema.maxLength),
    pattern: string(schema.pattern),
    documentedPattern: string(schema['x-documented-pattern']),
    enum: Array.isArray(schema.enum) ? schema.enum : undefined,
    description: string(schema.description),
    carriedOver: schema['x-carried-over'] === undefined ? undefined : String(schema['x-carried-over']),
  };
}

function typeOf(schema: Obj): string {
  const declared = schema.type;
  if (typeof declared === 'string') return declared;
  if (Array.isArray(declared)) {
    const types = declared.filter((t) => t !== 'null');
    if (types.length === 1 && typeof types[0] === 'string') return types[0];
    return declared.join('|');
  }
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return 'string';
  if (isObject(schema.properties)) return 'object';
  return 'unknown';
}
