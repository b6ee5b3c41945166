/**
 * Model reader: OpenAPI 3.1 documents in the project's conventions (model/README.md) → the
 * intermediate form. Pure apart from reading the files; every fact comes from the documents.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { parse } from 'yaml';
import type {
  Constraints,
  ErrorMember,
  ErrorShape,
  Member,
  MemberType,
  Operation,
  ServiceModel,
  SourceDocument,
} from './ir.js';
import { serviceNameFromTitle } from './names.js';

type Json = Record<string, any>;

export class ModelError extends Error {
  constructor(source: string, pointer: string, problem: string) {
    super(`${source}${pointer ? ` at ${pointer}` : ''}: ${problem}`);
    this.name = 'ModelError';
  }
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head'] as const;

export interface LoadedDocument {
  source: SourceDocument;
  document: Json;
}

export function loadDocument(path: string, cwd = process.cwd()): LoadedDocument {
  const shown = isAbsolute(path) ? relative(cwd, path) : path;
  return parseDocumentText(readFileSync(path, 'utf8'), shown);
}

/** A document from its text; `path` is how it is named in messages and in generated headers. */
export function parseDocumentText(text: string, path: string): LoadedDocument {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new ModelError(path, '', `not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!document || typeof document !== 'object' || !String((document as Json).openapi ?? '').startsWith('3.')) {
    throw new ModelError(path, '', 'not an OpenAPI 3 document');
  }
  return {
    source: { path: path.split('\\').join('/'), sha256: createHash('sha256').update(text).digest('hex') },
    document: document as Json,
  };
}

/** Reads and merges documents; operations and errors are unioned, and must not contradict. */
export function readModel(paths: string[], cwd = process.cwd()): ServiceModel {
  return buildModel(paths.map((p) => loadDocument(p, cwd)));
}

export function buildModel(documents: LoadedDocument[]): ServiceModel {
  if (documents.length === 0) throw new ModelError('model', '', 'no documents given');
  const first = documents[0].document;
  const title = String(first.info?.title ?? '');
  if (!title) throw new ModelError(documents[0].source.path, '/info/title', 'missing service title');
  const operations = new Map<string, Operation>();
  const errors = new Map<string, { shape: ErrorShape; from: string }>();
  let validationError: ErrorShape | undefined;

  for (const { source, document } of documents) {
    const reader = new DocumentReader(source.path, document);
    if (String(document.info?.title) !== title) {
      throw new ModelError(source.path, '/info/title', `service title "${document.info?.title}" differs from "${title}"`);
    }
    for (const operation of reader.operations()) {
      if (operations.has(operation.name)) throw new ModelError(source.path, '', `operation ${operation.name} is defined twice`);
      operations.set(operation.name, operation);
      for (const name of operation.errors) addError(errors, reader.error(name), source.path);
    }
    const validation = reader.validationError();
    if (validation) {
      if (validationError && !sameError(validationError, validation)) {
        throw new ModelError(source.path, '/x-validation-error', 'differs from the one declared by another document');
      }
      validationError = validation;
    }
  }

  const sigv4 = Object.values<Json>(first.components?.securitySchemes ?? {}).find((s) => s['x-aws-sigv4']);
  const server = first.servers?.[0];
  return {
    title,
    serviceName: serviceNameFromTitle(title),
    apiVersion: String(first.info?.version ?? ''),
    documentation: first.info?.description,
    signingName: sigv4?.['x-aws-sigv4']?.signingName,
    endpoint: server
      ? {
          url: String(server.url),
          defaults: Object.fromEntries(Object.entries<Json>(server.variables ?? {}).map(([k, v]) => [k, String(v.default)])),
        }
      : undefined,
    errorTypeHeader: String(first['x-error-type-header'] ?? 'X-Amzn-ErrorType'),
    validationError,
    operations: [...operations.values()].sort((a, b) => compare(a.name, b.name)),
    errors: [...errors.values()].map((e) => e.shape).sort((a, b) => compare(a.name, b.name)),
    sources: documents.map((d) => d.source),
    clientVersion: documents.map((d) => d.document.info?.['x-client-version']).find((v) => typeof v === 'string'),
  };
}

function addError(errors: Map<string, { shape: ErrorShape; from: string }>, shape: ErrorShape, from: string): void {
  const known = errors.get(shape.name);
  if (!known) {
    errors.set(shape.name, { shape, from });
    return;
  }
  if (!sameError(known.shape, shape)) {
    throw new ModelError(from, `/components/schemas/${shape.name}`, `error ${shape.name} differs from its definition in ${known.from}`);
  }
  // Documentation may be worded differently across documents; keep the first.
}

/** Same on the wire: status, fault, body members in order, header members in any order. */
function sameError(a: ErrorShape, b: ErrorShape): boolean {
  const wire = (e: ErrorShape) => {
    const member = (m: ErrorMember) => [m.name, m.type, m.location, m.headerName, m.defaultValue];
    const body = e.members.filter((m) => m.location === 'body').map(member);
    const headers = e.members.filter((m) => m.location === 'header').map(member).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    return JSON.stringify([e.status, e.fault, body, headers]);
  };
  return wire(a) === wire(b);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

class DocumentReader {
  constructor(
    private readonly source: string,
    private readonly doc: Json,
  ) {}

  fail(pointer: string, problem: string): never {
    throw new ModelError(this.source, pointer, problem);
  }

  /** Follows a local `$ref` (`#/a/b`), returning the target and its pointer. */
  deref(node: Json, pointer: string): [Json, string] {
    let current = node;
    let at = pointer;
    for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
      if (hops > 20) this.fail(at, 'reference cycle');
      const ref: string = current.$ref;
      if (!ref.startsWith('#/')) this.fail(at, `only local references are supported (${ref})`);
      at = ref.slice(1);
      current = ref
        .slice(2)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<any>((n, key) => (n == null ? undefined : n[key]), this.doc);
      if (current === undefined) this.fail(pointer, `unresolved reference ${ref}`);
    }
    return [current, at];
  }

  *operations(): Generator<Operation> {
    for (const [path, item] of Object.entries<Json>(this.doc.paths ?? {})) {
      for (const method of METHODS) {
        if (item[method]) yield this.operation(path, method, item[method], `/paths/${escapePointer(path)}/${method}`);
      }
    }
  }

  operation(path: string, method: string, op: Json, at: string): Operation {
    const name = op.operationId;
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) this.fail(at, 'operationId must be an identifier');
    const members: Member[] = [];
    (op.parameters ?? []).forEach((raw: Json, i: number) => members.push(this.parameter(raw, `${at}/parameters/${i}`)));
    for (const label of path.match(/\{[^}]+\}/g) ?? []) {
      const labelName = label.slice(1, -1);
      if (!members.some((m) => m.location === 'path' && m.name === labelName)) this.fail(at, `path label {${labelName}} has no path parameter`);
    }
    if (op.requestBody) {
      const [body, bodyAt] = this.deref(op.requestBody, `${at}/requestBody`);
      const schemaNode = body.content?.['application/json']?.schema;
      if (!schemaNode) this.fail(bodyAt, 'request body must be application/json with a schema');
      members.push(...this.objectMembers(schemaNode, `${bodyAt}/content/application~1json/schema`, 'body'));
    }
    const input = this.ordered(members, op['x-member-order'], at);

    const statuses = Object.keys(op.responses ?? {});
    const success = statuses.filter((s) => /^2\d\d$/.test(s));
    if (success.length !== 1) this.fail(`${at}/responses`, 'exactly one 2xx response is expected');
    const [response, responseAt] = this.deref(op.responses[success[0]], `${at}/responses/${success[0]}`);
    const outSchema = response.content?.['application/json']?.schema;
    const output = outSchema ? this.objectMembers(outSchema, `${responseAt}/content/application~1json/schema`, 'body') : [];

    const errors: string[] = op['x-errors'] ?? [];
    if (!Array.isArray(errors)) this.fail(`${at}/x-errors`, 'must be a list of error names');
    for (const errorName of errors) this.checkErrorResponse(op, errorName, at);

    return {
      name,
      method: method.toUpperCase() as Operation['method'],
      path,
      successStatus: Number(success[0]),
      summary: op.summary,
      documentation: op.description,
      input,
      output,
      errors: [...errors],
    };
  }

  /** Every listed error must also be reachable through the response of its status. */
  checkErrorResponse(op: Json, errorName: string, at: string): void {
    const shape = this.error(errorName);
    const response = op.responses?.[String(shape.status)];
    if (!response) this.fail(`${at}/responses`, `no ${shape.status} response for ${errorName}`);
    const [resolved, responseAt] = this.deref(response, `${at}/responses/${shape.status}`);
    const schema = resolved.content?.['application/json']?.schema ?? {};
    const refs: string[] = (schema.oneOf ?? [schema]).map((s: Json) => s.$ref);
    if (!refs.includes(`#/components/schemas/${errorName}`)) this.fail(responseAt, `${errorName} is not among this status's error schemas`);
  }

  ordered(members: Member[], order: unknown, at: string): Member[] {
    if (order === undefined) return members;
    if (!Array.isArray(order)) this.fail(`${at}/x-member-order`, 'must be a list of member names');
    const byName = new Map(members.map((m) => [m.name, m]));
    const result: Member[] = [];
    for (const name of order) {
      const member = byName.get(name);
      if (!member) this.fail(`${at}/x-member-order`, `names ${name}, which is not an input member`);
      result.push(member);
      byName.delete(name);
    }
    if (byName.size > 0) this.fail(`${at}/x-member-order`, `does not name ${[...byName.keys()].join(', ')}`);
    return result;
  }

  parameter(raw: Json, pointer: string): Member {
    const [param, at] = this.deref(raw, pointer);
    const location = param.in;
    if (!['path', 'query', 'header'].includes(location)) this.fail(at, `unsupported parameter location ${location}`);
    const [schema, schemaAt] = this.deref(param.schema ?? {}, `${at}/schema`);
    return {
      name: param['x-member-name'] ?? param.name,
      location,
      wireName: param.name,
      required: location === 'path' || param.required === true,
      type: this.scalarType(schema, schemaAt),
      documentation: param.description ?? schema.description,
      constraints: this.constraints(schema, schemaAt),
    };
  }

  objectMembers(node: Json, pointer: string, location: 'body'): Member[] {
    const [schema, at] = this.deref(node, pointer);
    if (schema.type !== 'object') this.fail(at, 'must be an object schema');
    const required = new Set<string>(schema.required ?? []);
    return Object.entries<Json>(schema.properties ?? {}).map(([name, raw]) => {
      const [prop, propAt] = this.deref(raw, `${at}/properties/${escapePointer(name)}`);
      return {
        name,
        location,
        wireName: name,
        required: required.has(name),
        type: this.scalarType(prop, propAt),
        documentation: prop.description,
        constraints: this.constraints(prop, propAt),
      };
    });
  }

  scalarType(schema: Json, at: string): MemberType {
    const type = schema.type;
    if (type === 'string' || type === 'boolean' || type === 'integer' || type === 'number') return type;
    return this.fail(at, `unsupported member type ${JSON.stringify(type)} (scalars only)`);
  }

  constraints(schema: Json, at: string): Constraints {
    const result: Constraints = {};
    if (schema.minLength !== undefined) result.minLength = this.count(schema.minLength, `${at}/minLength`);
    if (schema.maxLength !== undefined) result.maxLength = this.count(schema.maxLength, `${at}/maxLength`);
    if (schema.pattern !== undefined) {
      const written = String(schema.pattern);
      if (!isAnchored(written)) this.fail(`${at}/pattern`, 'patterns are whole-value matches and must be written anchored (^…$)');
      try {
        new RegExp(written);
      } catch (error) {
        this.fail(`${at}/pattern`, `not a valid regular expression (${(error as Error).message})`);
      }
      // `^a|b$` is anchored only at its ends; grouping makes every alternative a whole-value match.
      const anchored = hasTopLevelAlternation(written) ? `^(?:${written})$` : written;
      result.pattern = { anchored, documented: String(schema['x-documented-pattern'] ?? stripAnchors(written)) };
    }
    if (schema.enum !== undefined) {
      if (!Array.isArray(schema.enum) || schema.enum.some((v: unknown) => typeof v !== 'string')) this.fail(`${at}/enum`, 'enum values must be strings');
      result.enum = [...schema.enum];
    }
    return result;
  }

  count(value: unknown, at: string): number {
    if (!Number.isInteger(value) || (value as number) < 0) this.fail(at, 'must be a non-negative integer');
    return value as number;
  }

  error(name: string): ErrorShape {
    const at = `/components/schemas/${escapePointer(name)}`;
    const schema = this.doc.components?.schemas?.[name];
    if (!schema) this.fail(at, `error ${name} has no schema`);
    const info = schema['x-error'];
    if (!info || !Number.isInteger(info.status)) this.fail(at, 'an error schema needs x-error.status');
    const members: ErrorMember[] = Object.entries<Json>(schema.properties ?? {}).map(([memberName, raw]) => {
      const [prop, propAt] = this.deref(raw, `${at}/properties/${escapePointer(memberName)}`);
      const header = prop['x-http-header'];
      return {
        name: memberName,
        type: this.scalarType(prop, propAt),
        location: header ? 'header' : 'body',
        headerName: header,
        defaultValue: prop.default === undefined ? undefined : String(prop.default),
        documentation: prop.description,
      };
    });
    const messageMember = members.find((m) => m.location === 'body' && m.name.toLowerCase() === 'message')?.name;
    return {
      name,
      status: info.status,
      fault: info.fault === 'server' ? 'server' : 'client',
      documentation: schema.description,
      members,
      messageMember,
    };
  }

  validationError(): ErrorShape | undefined {
    const name = this.doc['x-validation-error'];
    return typeof name === 'string' ? this.error(name) : undefined;
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Starts with `^` and ends with a `$` that is not escaped. */
function isAnchored(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return false;
  let backslashes = 0;
  for (let i = pattern.length - 2; i >= 0 && pattern[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** Whether a `|` stands outside every group and character class. */
function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

function stripAnchors(pattern: string): string {
  const inner = pattern.slice(1, -1);
  return inner.startsWith('(?:') && inner.endsWith(')') ? inner.slice(3, -1) : inner;
}
