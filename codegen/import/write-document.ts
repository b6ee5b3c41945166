// The intermediate DocumentModel → an OpenAPI 3.1 document in the conventions of model/README.md,
// and its YAML text. Key order follows the committed documents; output is deterministic.

import { Document, Scalar, visit } from 'yaml';
import { schemaOf } from './schema.js';
import type { AuthModel, DocumentModel, ErrorMemberModel, ErrorModel, ImportResult, Location, MemberModel } from './types.js';

type Obj = Record<string, any>;

/** Facts of the conventions themselves (model/README.md), not of any service. */
export const conventions = {
  errorTypeHeader: 'X-Amzn-ErrorType',
  defaultRegion: 'us-east-1',
  successDescription: 'The operation succeeded.',
  errorHeaderDescription: 'Names the error; anything after the first `:` is not part of the name.',
  /** The body members an error has when nothing records them: the service's usual ones. */
  defaultErrorMembers: (fault: 'client' | 'server'): ErrorMemberModel[] => [
    { name: 'Type', schema: { type: 'string', default: fault === 'server' ? 'Service' : 'User' }, description: 'Who is at fault: the caller (User) or the service (Service).' },
    { name: 'message', schema: { type: 'string' }, description: 'A human-readable description of the error.' },
  ],
};

/** The conventions' default for an error body member: `Type` says who is at fault. */
export function errorTypeDefault(member: string, fault: 'client' | 'server'): string | undefined {
  return member === 'Type' ? (fault === 'server' ? 'Service' : 'User') : undefined;
}

function memberSchema(m: MemberModel): Obj {
  const s = schemaOf(m.schema);
  if (m.carriedOver) s['x-carried-over'] = m.carriedOver;
  return s;
}

/** Where each binding travels as an OpenAPI parameter. */
const PARAMETER_IN: Partial<Record<Location, string>> = { path: 'path', query: 'query', header: 'header', prefixHeaders: 'header', queryParams: 'query' };

function parameter(m: MemberModel): Obj {
  const p: Obj = { name: wireKey(m), in: PARAMETER_IN[m.location], required: m.location === 'path' ? true : m.required };
  if (m.description) p.description = m.description;
  p.schema = memberSchema(m);
  if (wireKey(m) !== m.name) p['x-member-name'] = m.name;
  if (m.location === 'prefixHeaders') p['x-prefix-headers'] = m.wireName ?? '';
  return p;
}

/** The parameter or header name of a member: its wire name, or its own name for an empty header prefix. */
const wireKey = (m: MemberModel) => (m.wireName ? m.wireName : m.name);

/** A member that is the whole body (`@httpPayload`), as the content of a request body or response. */
function payload(m: MemberModel): Obj {
  // An event stream names its event union beside the schema (`x-event-stream`).
  const media: Obj = { schema: memberSchema(m), ...(m.eventStream !== undefined && { 'x-event-stream': m.eventStream }) };
  return { 'x-member-name': m.name, content: { [m.mediaType ?? 'application/json']: media } };
}

function property(m: MemberModel): Obj {
  const p = memberSchema(m);
  if (m.description) p.description = m.description;
  return p;
}

function errorSchema(e: ErrorModel): Obj {
  const s: Obj = { type: 'object' };
  if (e.description) s.description = e.description;
  s['x-error'] = e.status === undefined ? { fault: e.fault } : { status: e.status, fault: e.fault };
  if (e.carriedOver) s['x-carried-over'] = e.carriedOver;
  const properties: Obj = {};
  for (const m of e.members) {
    const p = schemaOf(m.schema);
    if (m.description) p.description = m.description;
    if (m.httpHeader) p['x-http-header'] = m.httpHeader;
    properties[m.name] = p;
  }
  s.properties = properties;
  return s;
}

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export function writeDocument(model: DocumentModel): Obj {
  const { service, revision } = model;
  const xRevision: Obj = { name: revision.name };
  if (revision.era) xRevision.era = revision.era;
  xRevision.sources = revision.sources;
  xRevision.repairs = revision.repairs;
  xRevision.carriedOver = revision.carriedOver;
  xRevision.fromServiceBehavior = revision.fromServiceBehavior;
  xRevision.notes = revision.notes;
  xRevision['x-undetermined'] = revision.undetermined.map((u) => {
    const o: Obj = { subject: u.subject, fact: u.fact, reason: u.reason };
    if (u.assumed !== undefined) o.assumed = u.assumed;
    return o;
  });
  const info: Obj = { title: service.title, version: service.version };
  if (revision.description) info.description = revision.description;
  info['x-revision'] = xRevision;

  const doc: Obj = { openapi: '3.1.0', info };
  doc.servers = [{ url: `https://${service.endpointPrefix}.{region}.amazonaws.com`, variables: { region: { default: service.defaultRegion } } }];
  doc['x-error-type-header'] = service.errorTypeHeader;
  if (model.validationError) doc['x-validation-error'] = model.validationError.name;
  const auth: AuthModel[] = service.auth ?? [{ kind: 'sigv4', signingName: service.signingName }];
  if (auth.length > 0) doc.security = auth.map((scheme) => ({ [SCHEME_NAMES[scheme.kind]]: [] }));

  const errors = new Map(model.errors.map((e) => [e.name, e]));
  const schemas: Obj = {};
  const paths: Obj = {};
  for (const op of model.operations) {
    const o: Obj = { operationId: op.name };
    if (op.summary) o.summary = op.summary;
    if (op.description) o.description = op.description;
    o['x-member-order'] = op.memberOrder;
    o['x-errors'] = op.errors;
    if (op.unitInput) o['x-unit-input'] = true;
    if (op.unitOutput) o['x-unit-output'] = true;
    if (op.paginated) o['x-paginated'] = op.paginated;
    if (op.waiters) o['x-waiters'] = op.waiters;
    if (op.hostPrefix) o['x-host-prefix'] = op.hostPrefix;
    const ordered = [...op.members].sort((a, b) => op.memberOrder.indexOf(a.name) - op.memberOrder.indexOf(b.name));
    const params = ordered.filter((m) => PARAMETER_IN[m.location] !== undefined);
    const body = ordered.filter((m) => m.location === 'body');
    const inputPayload = ordered.find((m) => m.location === 'payload');
    if (params.length) o.parameters = params.map(parameter);
    if (inputPayload) {
      o.requestBody = { ...(inputPayload.description ? { description: inputPayload.description } : {}), required: inputPayload.required, ...payload(inputPayload) };
    } else if (body.length) {
      const required = body.filter((m) => m.required).map((m) => m.name);
      const request: Obj = { type: 'object' };
      if (required.length) request.required = required;
      request.properties = Object.fromEntries(body.map((m) => [m.name, property(m)]));
      schemas[`${op.name}Request`] = request;
      o.requestBody = { required: required.length > 0, content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.name}Request` } } } };
    }
    const responses: Obj = {};
    const success: Obj = { description: op.successDescription };
    const outHeaders = op.output.filter((m) => m.location === 'header' || m.location === 'prefixHeaders');
    const outBody = op.output.filter((m) => m.location === 'body');
    const outPayload = op.output.find((m) => m.location === 'payload');
    const statusMember = op.output.find((m) => m.location === 'responseCode');
    if (statusMember) success['x-response-code-member'] = statusMember.name;
    if (outHeaders.length) {
      success.headers = Object.fromEntries(outHeaders.map((m) => [wireKey(m), responseHeader(m)]));
    }
    if (outPayload) {
      Object.assign(success, payload(outPayload));
    } else if (outBody.length) {
      const required = outBody.filter((m) => m.required).map((m) => m.name);
      schemas[`${op.name}Response`] = { type: 'object', ...(required.length && { required }), properties: Object.fromEntries(outBody.map((m) => [m.name, property(m)])) };
      success.content = { 'application/json': { schema: { $ref: `#/components/schemas/${op.name}Response` } } };
    }
    responses[String(op.successStatus)] = success;
    const byStatus = new Map<number, ErrorModel[]>();
    for (const name of op.errors) {
      const e = errors.get(name);
      if (!e || e.status === undefined) continue;
      byStatus.set(e.status, [...(byStatus.get(e.status) ?? []), e]);
    }
    for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
      const es = byStatus.get(status)!;
      const names = es.map((e) => e.name);
      const headers: Obj = {
        [service.errorTypeHeader]: {
          description: conventions.errorHeaderDescription, required: true,
          schema: { type: 'string', enum: names },
        },
      };
      for (const e of es) {
        for (const m of e.members.filter((x) => x.httpHeader)) {
          headers[m.httpHeader!] = { ...(m.description ? { description: m.description } : {}), schema: schemaOf(m.schema) };
        }
      }
      responses[String(status)] = {
        description: `${listNames(names)}, named by the ${service.errorTypeHeader} header.`,
        headers,
        content: { 'application/json': { schema: { oneOf: names.map((n) => ({ $ref: `#/components/schemas/${n}` })) } } },
      };
    }
    o.responses = responses;
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = o;
  }
  doc.paths = paths;
  for (const [name, s] of Object.entries(model.extraSchemas)) schemas[name] = s;
  for (const e of [...model.errors].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) schemas[e.name] = errorSchema(e);
  if (model.validationError) schemas[model.validationError.name] = errorSchema(model.validationError);
  doc.components = { ...(auth.length > 0 && { securitySchemes: Object.fromEntries(auth.map((scheme) => [SCHEME_NAMES[scheme.kind], securityScheme(scheme)])) }), schemas };
  return doc;
}

const SCHEME_NAMES: Record<AuthModel['kind'], string> = { sigv4: 'sigv4', bearer: 'bearer', apiKey: 'apiKey' };

function securityScheme(scheme: AuthModel): Obj {
  switch (scheme.kind) {
    case 'sigv4':
      return { type: 'apiKey', in: 'header', name: 'Authorization', description: 'AWS Signature Version 4.', 'x-aws-sigv4': { signingName: scheme.signingName } };
    case 'bearer':
      return { type: 'http', scheme: 'bearer', description: 'A bearer token in the Authorization header.' };
    case 'apiKey':
      return { type: 'apiKey', in: scheme.in, name: scheme.name, description: `An API key in the ${scheme.name} ${scheme.in === 'header' ? 'header' : 'query parameter'}.` };
  }
}

function responseHeader(m: MemberModel): Obj {
  const h: Obj = { ...(m.description ? { description: m.description } : {}) };
  if (m.location === 'prefixHeaders') Object.assign(h, { 'x-member-name': m.name, 'x-prefix-headers': m.wireName ?? '' });
  else if (wireKey(m) !== m.name) h['x-member-name'] = m.name;
  if (m.required) h.required = true;
  h.schema = memberSchema(m);
  return h;
}

export function toYaml(doc: Obj, header: string[] = []): string {
  const d = new Document(doc, { aliasDuplicateObjects: false });
  // Strings a YAML 1.1 reader would take for dates or numbers are quoted, as in the committed documents.
  visit(d, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d\d?-\d\d?([Tt ].*)?$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const body = d.toString({ lineWidth: 0, blockQuote: 'literal', defaultStringType: 'PLAIN', singleQuote: false });
  return (header.length ? `${header.join('\n')}\n` : '') + body;
}

export function finishDocument(model: DocumentModel): ImportResult {
  const document = writeDocument(model);
  return { document, yaml: toYaml(document, model.header), undetermined: model.revision.undetermined, revision: model.revision };
}
