// Reads the model documents and flattens an operation's input members the way model/README.md
// describes them: path and query members are parameters (constraints on their `schema`), every
// other member is a property of the JSON request body schema `<Operation>Request`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const MODEL_DIR = join(ROOT, 'model');
export const REVISIONS_DIR = join(MODEL_DIR, 'revisions');
export const SOURCES_DIR = join(MODEL_DIR, 'sources');
export const COMPANIONS_FILE = join(MODEL_DIR, 'companions.yaml');

/** `../shared` next to the project: present on the team's machines, absent in users' clones. */
export const SHARED_DIR = resolve(ROOT, '..', 'shared');
export const SMITHY_FILE = join(SHARED_DIR, 'fixtures', 'smithy', 'lambda.json');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');
export const HAS_SMITHY = existsSync(SMITHY_FILE);
export const HAS_SEEDS = existsSync(SEEDS_DIR);

// The documents are plain YAML trees; tests walk them as loosely typed JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export type Location = 'path' | 'query' | 'body';

/** One input member, as the model states it. Only keys the model sets are present. */
export interface ModelMember {
  in: Location;
  type: string;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  documentedPattern?: string;
  enum?: string[];
}

export interface ModelOperation {
  path: string;
  method: string;
  op: Json;
}

/** The revision files, in file-name order (the order of revisions, per model/README.md). */
export function revisionNames(): string[] {
  return readdirSync(REVISIONS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => basename(f, '.yaml'));
}

const cache = new Map<string, Json>();

/** Parses a YAML document strictly (duplicate keys are an error). */
export function loadYaml(file: string): Json {
  let doc = cache.get(file);
  if (doc === undefined) {
    doc = parse(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true });
    cache.set(file, doc);
  }
  return doc;
}

export function revisionFile(name: string): string {
  return join(REVISIONS_DIR, `${name}.yaml`);
}

export function loadRevision(name: string): Json {
  return loadYaml(revisionFile(name));
}

export function loadCompanions(): Json {
  return loadYaml(COMPANIONS_FILE);
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of a document, found by walking `paths`. */
export function operations(doc: Json): Map<string, ModelOperation> {
  const out = new Map<string, ModelOperation>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      if (out.has(op.operationId)) throw new Error(`duplicate operationId ${op.operationId}`);
      out.set(op.operationId, { path, method: method.toUpperCase(), op });
    }
  }
  return out;
}

export function operation(doc: Json, operationId: string): ModelOperation {
  const found = operations(doc).get(operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

/** Resolves a local `#/components/...` reference. */
export function deref(doc: Json, node: Json): Json {
  if (node && typeof node.$ref === 'string') {
    const ref: string = node.$ref;
    if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref}`);
    let cur: Json = doc;
    for (const part of ref.slice(2).split('/')) {
      cur = cur?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (cur === undefined) throw new Error(`dangling $ref ${ref}`);
    return cur;
  }
  return node;
}

function constraintsOf(schema: Json): Omit<ModelMember, 'in' | 'required'> {
  const m: Omit<ModelMember, 'in' | 'required'> = { type: schema.type };
  if (schema.minLength !== undefined) m.minLength = schema.minLength;
  if (schema.maxLength !== undefined) m.maxLength = schema.maxLength;
  if (schema.pattern !== undefined) m.pattern = schema.pattern;
  if (schema['x-documented-pattern'] !== undefined) m.documentedPattern = schema['x-documented-pattern'];
  if (schema.enum !== undefined) m.enum = schema.enum;
  return m;
}

/** The JSON request body schema of an operation, or undefined when it takes no body. */
export function requestBodySchema(doc: Json, op: Json): Json | undefined {
  const body = op.requestBody;
  if (body === undefined) return undefined;
  return deref(doc, deref(doc, body).content?.['application/json']?.schema);
}

/** The member's own schema node (parameter schema or body property), for x- markers. */
export function memberSchemaNode(doc: Json, op: Json, name: string): Json {
  for (const p of op.parameters ?? []) {
    const param = deref(doc, p);
    if (param.name === name) return deref(doc, param.schema);
  }
  const body = requestBodySchema(doc, op);
  const prop = body?.properties?.[name];
  if (prop === undefined) throw new Error(`no member ${name}`);
  return deref(doc, prop);
}

/** The parameter object (for path/query members), or undefined for body members. */
export function parameterNode(doc: Json, op: Json, name: string): Json | undefined {
  for (const p of op.parameters ?? []) {
    const param = deref(doc, p);
    if (param.name === name) return param;
  }
  return undefined;
}

/** Every input member of an operation, in document order (parameters, then body properties). */
export function members(doc: Json, op: Json): Map<string, ModelMember> {
  const out = new Map<string, ModelMember>();
  for (const p of op.parameters ?? []) {
    const param = deref(doc, p);
    if (param.in !== 'path' && param.in !== 'query') {
      throw new Error(`unexpected parameter location ${param.in} for ${param.name}`);
    }
    if (out.has(param.name)) throw new Error(`duplicate member ${param.name}`);
    out.set(param.name, {
      in: param.in,
      required: param.required === true,
      ...constraintsOf(deref(doc, param.schema)),
    });
  }
  const body = requestBodySchema(doc, op);
  if (body !== undefined) {
    const required: string[] = body.required ?? [];
    for (const [name, prop] of Object.entries<Json>(body.properties ?? {})) {
      if (out.has(name)) throw new Error(`member ${name} is both a parameter and a body property`);
      out.set(name, { in: 'body', required: required.includes(name), ...constraintsOf(deref(doc, prop)) });
    }
  }
  return out;
}

/** The one 2xx response of an operation. */
export function successResponse(op: Json): { status: number; response: Json } {
  const ok = Object.keys(op.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
  if (ok.length !== 1) throw new Error(`expected one 2xx response, found ${ok.join(', ') || 'none'}`);
  return { status: Number(ok[0]), response: op.responses[ok[0]] };
}

/** Named error schema → its `x-error`. */
export function errorSchema(doc: Json, name: string): Json {
  const schema = doc.components?.schemas?.[name];
  if (schema === undefined) throw new Error(`no error schema ${name}`);
  return schema;
}

/** `^(?:P)$` for a documented pattern P, or P itself when the page already prints `^…$`. */
export function anchor(documented: string): string {
  return documented.startsWith('^') && documented.endsWith('$') ? documented : `^(?:${documented})$`;
}

/** Every occurrence of a key anywhere in a tree, with its JSON pointer. */
export function findKey(node: Json, key: string, pointer = ''): Array<{ pointer: string; value: Json }> {
  const out: Array<{ pointer: string; value: Json }> = [];
  if (node === null || typeof node !== 'object') return out;
  for (const [k, v] of Object.entries<Json>(node)) {
    const here = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (k === key) out.push({ pointer: here, value: v });
    out.push(...findKey(v, key, here));
  }
  return out;
}

/** What an error schema puts on the wire (model/README.md, "Errors"). */
export interface ErrorWire {
  status: number;
  fault: string;
  /** JSON body members, in order, with their exact casing. */
  body: string[];
  /** Header-bound members → header name; compared as a set (their order is not a wire fact). */
  headers: Record<string, string>;
}

/**
 * The wire facts of an error schema: status, fault, body members in order and header-bound members.
 * Documentation and the position of header-bound members among the properties are not wire facts.
 */
export function errorWire(schema: Json): ErrorWire {
  const props = Object.entries<Json>(schema.properties ?? {});
  return {
    status: schema['x-error'].status,
    fault: schema['x-error'].fault,
    body: props.filter(([, p]) => p['x-http-header'] === undefined).map(([k]) => k),
    headers: Object.fromEntries(props.filter(([, p]) => p['x-http-header'] !== undefined).map(([k, p]) => [k, p['x-http-header']])),
  };
}
