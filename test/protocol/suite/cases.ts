// The suite's test cases as one flat list: every `@httpRequestTests`, `@httpResponseTests` and
// `@httpMalformedRequestTests` entry, once per side it applies to (a case without `appliesTo` is
// both a client and a server case) and once per `testParameters` expansion. This list is what N
// counts.

import { localName, type NodeValue, type SmithyAst } from '../../../codegen/smithy/ast.js';
import { errorOperations, operationServices, UNBOUND } from './services.js';

export const TRAITS = {
  request: 'smithy.test#httpRequestTests',
  response: 'smithy.test#httpResponseTests',
  malformed: 'smithy.test#httpMalformedRequestTests',
} as const;

export type CaseKind = keyof typeof TRAITS;
export type Side = 'client' | 'server';
type StringMap = Record<string, string>;

/** `smithy.test#HttpRequestTestCase`. */
export interface HttpRequestTestCase {
  id: string;
  protocol: string;
  method: string;
  uri: string;
  host?: string;
  resolvedHost?: string;
  authScheme?: string;
  queryParams?: string[];
  forbidQueryParams?: string[];
  requireQueryParams?: string[];
  headers?: StringMap;
  forbidHeaders?: string[];
  requireHeaders?: string[];
  body?: string;
  bodyMediaType?: string;
  params?: Record<string, NodeValue>;
  vendorParams?: NodeValue;
  documentation?: string;
  tags?: string[];
  appliesTo?: Side;
}

/** `smithy.test#HttpResponseTestCase`. */
export interface HttpResponseTestCase {
  id: string;
  protocol: string;
  code: number;
  headers?: StringMap;
  forbidHeaders?: string[];
  requireHeaders?: string[];
  body?: string;
  bodyMediaType?: string;
  params?: Record<string, NodeValue>;
  documentation?: string;
  tags?: string[];
  appliesTo?: Side;
}

/** `smithy.test#HttpMalformedRequestTestCase`, one expansion of it. */
export interface HttpMalformedRequestTestCase {
  id: string;
  protocol: string;
  request: { method: string; uri: string; host?: string; queryParams?: string[]; headers?: StringMap; body?: string; bodyMediaType?: string };
  response: {
    code: number;
    headers?: StringMap;
    body?: { assertion: { contents?: string; messageRegex?: string }; mediaType: string };
  };
  documentation?: string;
  tags?: string[];
  testParameters?: Record<string, string[]>;
}

interface CaseBase {
  /** Unique across the list: `<kind>/<side>/<id>`, with `#<n>` for the n-th expansion (from 0). */
  key: string;
  id: string;
  side: Side;
  /** The service whose generated code runs the case. */
  service: string;
  /** The operation the case goes through (for an error's response case: the first that lists it). */
  operation: string;
  /** Where the trait is: the operation, or the error structure for error responses. */
  shape: string;
}

export interface RequestCase extends CaseBase { kind: 'request'; test: HttpRequestTestCase }
export interface ResponseCase extends CaseBase { kind: 'response'; test: HttpResponseTestCase; /** Set when the case is an error's response. */ error?: string }
export interface MalformedCase extends CaseBase { kind: 'malformed'; test: HttpMalformedRequestTestCase; expansion?: number }
export type ProtocolCase = RequestCase | ResponseCase | MalformedCase;

export class SuiteError extends Error {}

/** Every case of every service in the model, in a stable order (kind, shape id, declared order, side). */
export function extractCases(ast: SmithyAst): ProtocolCase[] {
  const owners = operationServices(ast);
  const serviceOf = (op: string) => owners.get(op) ?? `${UNBOUND}${op.slice(0, op.indexOf('#'))}`;
  const out: ProtocolCase[] = [];
  const ids = Object.keys(ast.shapes).sort();
  for (const kind of Object.keys(TRAITS) as CaseKind[]) {
    for (const shapeId of ids) {
      const list = ast.shapes[shapeId].traits?.[TRAITS[kind]];
      if (!Array.isArray(list)) continue;
      const isError = ast.shapes[shapeId].type === 'structure';
      let operation = shapeId;
      if (isError) {
        const ops = errorOperations(ast, shapeId);
        if (!ops.length) throw new SuiteError(`error ${shapeId} has response tests but no operation lists it`);
        operation = ops[0];
      }
      const service = serviceOf(operation);
      for (const raw of list as Record<string, NodeValue>[]) {
        const base = { service, operation, shape: shapeId };
        if (kind === 'malformed') {
          expandParameters(raw as unknown as HttpMalformedRequestTestCase).forEach((test, n, all) => {
            const expansion = all.length > 1 || test.testParameters ? n : undefined;
            out.push({ ...base, kind, side: 'server', id: test.id, key: `malformed/server/${test.id}${expansion === undefined ? '' : `#${n}`}`, test, expansion });
          });
          continue;
        }
        const test = raw as unknown as HttpRequestTestCase & HttpResponseTestCase;
        for (const side of sidesOf(test.appliesTo)) {
          const key = `${kind}/${side}/${test.id}`;
          if (kind === 'request') out.push({ ...base, kind, side, id: test.id, key, test });
          else out.push({ ...base, kind, side, id: test.id, key, test, ...(isError ? { error: shapeId } : {}) });
        }
      }
    }
  }
  const seen = new Set<string>();
  for (const c of out) {
    if (seen.has(c.key)) throw new SuiteError(`two cases share the key ${c.key}`);
    seen.add(c.key);
  }
  return out;
}

function sidesOf(appliesTo: unknown): Side[] {
  if (appliesTo === undefined) return ['client', 'server'];
  if (appliesTo === 'client' || appliesTo === 'server') return [appliesTo];
  throw new SuiteError(`appliesTo must be "client" or "server", not ${JSON.stringify(appliesTo)}`);
}

/**
 * One malformed-request case per index of its `testParameters` lists (all of one length), with
 * `$name:L` (the value as it is) and `$name:S` (the value as a quoted string literal) replaced in
 * every string of the request, the response, the tags and the documentation, and `$$` read as `$`.
 * A case without parameters is itself, untouched.
 */
export function expandParameters(test: HttpMalformedRequestTestCase): HttpMalformedRequestTestCase[] {
  const parameters = test.testParameters;
  if (!parameters || !Object.keys(parameters).length) return [test];
  const lengths = new Set(Object.values(parameters).map((values) => values.length));
  if (lengths.size !== 1) throw new SuiteError(`${test.id}: the testParameters lists differ in length`);
  const [length] = lengths;
  return Array.from({ length }, (_, index) => {
    const values = Object.fromEntries(Object.entries(parameters).map(([name, list]) => [name, list[index]]));
    const fill = (text: string) => substitute(text, values, test.id);
    return {
      ...test,
      request: mapStrings(test.request, fill),
      response: mapStrings(test.response, fill),
      ...(test.tags ? { tags: test.tags.map(fill) } : {}),
      ...(test.documentation !== undefined ? { documentation: fill(test.documentation) } : {}),
    };
  });
}

/** `$name:L` / `$name:S` / `$$` in one string; any other `$` is an error in the suite. */
export function substitute(text: string, values: Record<string, string>, caseId = 'a case'): string {
  return text.replace(/\$(\$|([A-Za-z_][A-Za-z0-9_]*):([LS]))/g, (whole, _inner, name: string | undefined, format: string | undefined) => {
    if (whole === '$$') return '$';
    const value = values[name!];
    if (value === undefined) throw new SuiteError(`${caseId}: no test parameter named ${name}`);
    return format === 'S' ? JSON.stringify(value) : value;
  });
}

/** Strings in keys and values of a node, at any depth, through `fill`. */
function mapStrings<T>(value: T, fill: (text: string) => string): T {
  if (typeof value === 'string') return fill(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fill)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fill(k), mapStrings(v, fill)])) as T;
  }
  return value;
}

/** Counts per kind, for the summary and the tests. */
export function countByKind(cases: readonly ProtocolCase[]): Record<CaseKind, number> {
  const counts: Record<CaseKind, number> = { request: 0, response: 0, malformed: 0 };
  for (const c of cases) counts[c.kind]++;
  return counts;
}

export const operationName = (id: string): string => localName(id);
