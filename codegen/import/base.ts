// Reading a committed revision document (`--base`): the facts it records that a page may not
// state (member order, bindings, error body members and casing, the validation error, document
// level facts) and the constraints a constraint-less format lets us carry over.

import { parse } from 'yaml';
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

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

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
  if (Array.isArray(s.enum)) c.enum = [...s.enum];
  if (s.default !== undefined) c.default = s.default;
  return c;
}

/** Follows local `$ref`s (`#/components/...`) to the node they name. */
function resolve(doc: Obj, node: Obj | undefined): Obj | undefined {
  let current = node;
  for (let hops = 0; typeof current?.$ref === 'string' && current.$ref.startsWith('#/') && hops < 20; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part: string) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((n: Obj | undefined, key: string) => n?.[key], doc);
  }
  return current;
}

export function readBase(text: string, file: string): Base {
  const doc = parse(text) as Obj;
  const schemas: Obj = doc?.components?.schemas ?? {};
  const revisionName = String(doc?.info?.['x-revision']?.name ?? file.replace(/^.*\//, '').replace(/\.ya?ml$/, ''));
  const service: Partial<ServiceModel> = {};
  if (doc?.info?.title) service.title = String(doc.info.title);
  if (doc?.info?.version) service.version = String(doc.info.version);
  const url: string | undefined = doc?.servers?.[0]?.url;
  const host = url ? /^https?:\/\/([^.{}]+)\.\{region\}/.exec(url) : null;
  if (host) service.endpointPrefix = host[1];
  const region = doc?.servers?.[0]?.variables?.region?.default;
  if (region) service.defaultRegion = String(region);
  const signing = doc?.components?.securitySchemes?.sigv4?.['x-aws-sigv4']?.signingName;
  if (signing) service.signingName = String(signing);
  if (doc?.['x-error-type-header']) service.errorTypeHeader = String(doc['x-error-type-header']);

  const errors = new Map<string, ErrorModel>();
  for (const [name, s] of Object.entries(schemas)) {
    if (!s || typeof s !== 'object' || !(s as Obj)['x-error']) continue;
    errors.set(name, errorFromSchema(name, s as Obj));
  }
  const validationName = doc?.['x-validation-error'];
  const validationError = validationName ? errors.get(String(validationName)) : undefined;
  if (validationName) errors.delete(String(validationName));

  const operations: BaseOperation[] = [];
  for (const [path, item] of Object.entries<Obj>(doc?.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const members = new Map<string, BaseMember>();
      for (const raw of op.parameters ?? []) {
        const p = resolve(doc, raw) ?? {};
        // Members are named as the generator names them: a wire name may differ (x-member-name).
        const name = String(p['x-member-name'] ?? p.name);
        members.set(name, {
          name, location: p.in, required: !!p.required, description: p.description,
          schema: constraintsFromSchema(resolve(doc, p.schema)),
        });
      }
      const body = resolve(doc, resolve(doc, op.requestBody)?.content?.['application/json']?.schema);
      const required = new Set<string>(body?.required ?? []);
      for (const [name, s] of Object.entries<Obj>(body?.properties ?? {})) {
        members.set(name, { name, location: 'body', required: required.has(name), description: s.description, schema: constraintsFromSchema(s) });
      }
      const success = Object.keys(op.responses ?? {}).find((k) => /^2\d\d$/.test(k));
      const output = new Map<string, BaseMember>();
      const out = success ? resolve(doc, resolve(doc, op.responses[success])?.content?.['application/json']?.schema) : undefined;
      for (const [name, s] of Object.entries<Obj>(out?.properties ?? {})) {
        output.set(name, { name, location: 'body', required: false, description: s.description, schema: constraintsFromSchema(s) });
      }
      operations.push({
        name: String(op.operationId), method: method.toUpperCase(), path,
        successStatus: success ? Number(success) : 200,
        successDescription: success ? op.responses[success]?.description : undefined,
        memberOrder: Array.isArray(op['x-member-order']) ? op['x-member-order'].map(String) : [],
        members, output,
        errors: Array.isArray(op['x-errors']) ? op['x-errors'].map(String) : [],
      });
    }
  }
  return { name: revisionName, file, service, operations, errors, validationError };
}

function errorFromSchema(name: string, s: Obj): ErrorModel {
  const members: ErrorMemberModel[] = Object.entries<Obj>(s.properties ?? {}).map(([m, p]) => {
    const member: ErrorMemberModel = { name: m, schema: constraintsFromSchema(p) };
    if (p.description) member.description = p.description;
    if (p['x-http-header']) member.httpHeader = p['x-http-header'];
    return member;
  });
  const e: ErrorModel = {
    name, status: s['x-error']?.status, fault: s['x-error']?.fault === 'server' ? 'server' : 'client', members,
  };
  if (s.description) e.description = s.description;
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
