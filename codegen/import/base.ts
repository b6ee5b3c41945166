// Reading a committed revision document (`--base`): the facts it records that a page may not
// state (member order, bindings, error body members and casing, the validation error, document
// level facts) and the constraints a constraint-less format lets us carry over.

import { documentFromText } from '../model/document.js';
import { readOpenApi } from '../model/openapi/read.js';
import { resolvePointer } from '../model/pointer.js';
import type { BoundMember, ErrorShape } from '../model/shapes.js';
import type { Constraints, ErrorMemberModel, ErrorModel, Location, ServiceModel } from './types.js';

type Obj = Record<string, any>;

export interface BaseMember {
  name: string;
  location: Location;
  required: boolean;
  description?: string;
  schema: Constraints;
}

export interface BaseOperation {
  name: string;
  method: string;
  path: string;
  successStatus: number;
  successDescription?: string;
  memberOrder: string[];
  members: Map<string, BaseMember>;
  output: Map<string, BaseMember>;
  errors: string[];
}

export interface Base {
  /** The revision's name (`info.x-revision.name`), used in `x-carried-over`. */
  name: string;
  file: string;
  service: Partial<ServiceModel>;
  operations: BaseOperation[];
  errors: Map<string, ErrorModel>;
  validationError?: ErrorModel;
}

export function constraintsFromSchema(s: Obj | undefined): Constraints {
  const c: Constraints = {};
  if (!s) return c;
  if (s.$ref) c.ref = String(s.$ref).split('/').pop();
  if (s.type !== undefined) c.type = s.type;
  if (s.format !== undefined) c.format = s.format;
  if (s.items) c.items = constraintsFromSchema(s.items);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') c.additionalProperties = constraintsFromSchema(s.additionalProperties);
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const) {
    if (typeof s[k] === 'number') c[k] = s[k];
  }
  if (typeof s.pattern === 'string') c.pattern = s.pattern;
  if (typeof s['x-documented-pattern'] === 'string') c.documentedPattern = s['x-documented-pattern'];
  if (typeof s.contentMediaType === 'string') c.contentMediaType = s.contentMediaType;
  if (Array.isArray(s.enum)) c.enum = [...s.enum];
  if (s.default !== undefined) c.default = s.default;
  return c;
}

/**
 * The revision as the model reader reads it. The constraints are carried over as written: each
 * member's schema node is taken from where the reader found it (its provenance), so that a
 * `$ref` stays a reference and nothing is added that the revision did not say.
 */
export function readBase(text: string, file: string): Base {
  const loaded = documentFromText(text, file);
  const graph = readOpenApi(loaded);
  const doc = loaded.document;
  const written = (at: string): Obj => {
    const node = resolvePointer(doc, at);
    return node !== null && typeof node === 'object' ? (node as Obj) : {};
  };
  const service: Partial<ServiceModel> = { title: graph.service.title };
  if (graph.service.version) service.version = graph.service.version;
  const url = graph.service.endpoint?.url;
  const host = url ? /^https?:\/\/([^.{}]+)\.\{region\}/.exec(url) : null;
  if (host) service.endpointPrefix = host[1];
  const region = graph.service.endpoint?.defaults.region;
  if (region && region !== 'undefined') service.defaultRegion = region;
  if (graph.service.signingName) service.signingName = graph.service.signingName;
  if (graph.service.errorTypeHeader) service.errorTypeHeader = graph.service.errorTypeHeader;

  const errors = new Map<string, ErrorModel>();
  for (const [name, error] of graph.errors) errors.set(name, errorModel(error, written));
  const validationName = graph.service.validationError;
  const validationError = validationName ? errors.get(validationName) : undefined;
  if (validationName) errors.delete(validationName);

  // Parameters carry the constraints of their (resolved) schema; body members those of their property as written.
  const member = (m: BoundMember): BaseMember => {
    const location: Location = m.binding.kind === 'label' ? 'path' : m.binding.kind === 'query' || m.binding.kind === 'header' ? m.binding.kind : 'body';
    if (location === 'body') {
      const property = written(m.origin.pointer);
      return { name: m.name, location, required: m.required, description: property.description, schema: constraintsFromSchema(property) };
    }
    const schema = graph.shapes.get(m.target);
    return { name: m.name, location, required: written(m.origin.pointer).required === true, description: written(m.origin.pointer).description, schema: constraintsFromSchema(schema ? written(schema.origin.pointer) : undefined) };
  };
  const operations: BaseOperation[] = graph.operations.map((op) => ({
    name: op.name,
    method: op.method,
    path: op.path,
    successStatus: op.success ? Number(op.success.status) : 200,
    successDescription: op.success?.description,
    memberOrder: op.memberOrder ?? [],
    members: new Map(op.input.map((m) => [m.name, member(m)])),
    output: new Map(op.output.filter((m) => m.binding.kind === 'body').map((m) => [m.name, { ...member(m), required: false }])),
    errors: op.errors.map((e) => e.name),
  }));
  return { name: graph.service.revision, file, service, operations, errors, validationError };
}

function errorModel(error: ErrorShape, written: (at: string) => Obj): ErrorModel {
  const members: ErrorMemberModel[] = error.members.map((m) => {
    const p = written(m.origin.pointer);
    const member: ErrorMemberModel = { name: m.name, schema: constraintsFromSchema(p) };
    if (p.description) member.description = p.description;
    if (m.binding.kind === 'header') member.httpHeader = m.binding.name;
    return member;
  });
  const e: ErrorModel = { name: error.name, status: error.status, fault: error.fault, members };
  if (error.documentation) e.description = error.documentation;
  return e;
}

/** The base operation a page describes: by name when the page names it, else by method and path. */
export function findBaseOperation(base: Base | undefined, name?: string, method?: string, path?: string): BaseOperation | undefined {
  if (!base) return undefined;
  if (name) {
    const byName = base.operations.find((o) => o.name === name);
    if (byName) return byName;
  }
  if (method && path) return base.operations.find((o) => o.method === method && o.path === path);
  if (!name && base.operations.length === 1) return base.operations[0];
  return undefined;
}
