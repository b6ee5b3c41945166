/**
 * Errors a document declares only as 4xx/5xx responses with a JSON schema (no `x-error` marker,
 * as plain OpenAPI documents do): each response schema is an `ErrorShape` with the response's
 * status, a client fault for 4xx and a server fault for 5xx, its members bound to the JSON body.
 *
 * Named from the schema: a component schema used for one status is the error of its own name
 * (`NotFound`); one used for several statuses is one error per status (`Problem404`,
 * `Problem500`), since the status is part of what the error is; an inline schema is named by its
 * `title`, else by the operation and status (`GetBook404Error`).
 */
import { child } from '../pointer.js';
import { References } from '../refs.js';
import type { ErrorShape, Shape } from '../shapes.js';
import { isObject, type SchemaReader } from './schemas.js';

type Obj = Record<string, any>;

export const isErrorStatus = (status: string) => /^[45]\d\d$/.test(status);

/** For each component schema, the error statuses whose responses use it (to name its errors). */
export function errorStatusesBySchema(doc: Obj, refs: References, jsonSchema: (holder: Obj) => { schema: unknown } | undefined): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  for (const [path, rawItem] of Object.entries<unknown>(isObject(doc.paths) ? doc.paths : {})) {
    const item = refs.resolve(rawItem, child('/paths', path)).node;
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op) || !isObject(op.responses)) continue;
      for (const [status, raw] of Object.entries(op.responses)) {
        if (!isErrorStatus(status)) continue;
        const response = refs.resolve(raw, '').node;
        const schema = isObject(response) ? jsonSchema(response)?.schema : undefined;
        for (const name of alternatives(schema).map((s) => References.componentName(s))) {
          if (name !== undefined) uses.set(name, (uses.get(name) ?? new Set()).add(status));
        }
      }
    }
  }
  return uses;
}

/** The schemas a response body names: the alternatives of a `oneOf`, else the schema itself. */
export const alternatives = (schema: unknown): unknown[] => (schema === undefined ? [] : isObject(schema) && Array.isArray(schema.oneOf) ? schema.oneOf : [schema]);

export interface ResponseErrorSite {
  operation: string;
  status: string;
  /** The schema as written (maybe a `$ref`) and its pointer. */
  schema: unknown;
  at: string;
  description?: string;
  document: string;
}

/** The error a response schema declares, registered in `errors` on first sight; its name. */
export function responseError(site: ResponseErrorSite, uses: Map<string, Set<string>>, schemas: SchemaReader, shapes: Map<string, Shape>, errors: Map<string, ErrorShape>): string {
  const component = References.componentName(site.schema);
  const title = isObject(site.schema) && typeof site.schema.title === 'string' ? site.schema.title.replace(/[^A-Za-z0-9_]/g, '') : undefined;
  const name = component !== undefined ? ((uses.get(component)?.size ?? 1) > 1 ? `${component}${site.status}` : component) : title || `${site.operation}${site.status}Error`;
  if (errors.has(name)) return name;
  const target = schemas.read(site.schema, site.at, name).target;
  const shape = shapes.get(target);
  const members = shape?.kind === 'structure' ? shape.members : [];
  errors.set(name, {
    name,
    shape: target,
    status: Number(site.status),
    fault: site.status.startsWith('5') ? 'server' : 'client',
    documentation: shape?.documentation ?? site.description,
    members: members.map((member) => ({ ...member, binding: { kind: 'body', name: member.jsonName ?? member.name } })),
    origin: { document: site.document, pointer: site.at },
  });
  return name;
}
