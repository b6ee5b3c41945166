/**
 * An operation's `x-paginated` and `x-waiters` (Smithy's `@paginated` and
 * `smithy.waiters#waitable`, as the importer writes them; codegen/import/smithy-pagination.ts)
 * read into the shape graph. Only their form is checked here; whether the members and paths they
 * name exist is the client emitters' question (codegen/emit/client/paginators.ts, waiters.ts).
 */
import { ModelError } from '../document.js';
import { child } from '../pointer.js';
import type { Pagination, Waiter, WaiterAcceptor, WaiterComparator, WaiterMatcher, WaiterState } from '../shapes.js';
import { isObject } from './schemas.js';

type Obj = Record<string, any>;

/** Smithy's defaults for a waiter that names no delays. */
const DEFAULT_MIN_DELAY = 2;
const DEFAULT_MAX_DELAY = 120;

const STATES: readonly WaiterState[] = ['success', 'failure', 'retry'];
const COMPARATORS: readonly WaiterComparator[] = ['stringEquals', 'booleanEquals', 'allStringEquals', 'anyStringEquals'];
const MATCHERS = ['output', 'inputOutput', 'success', 'errorType'] as const;

export function readPagination(raw: unknown, at: string, document: string): Pagination | undefined {
  if (raw === undefined) return undefined;
  const fail = (where: string, problem: string): never => {
    throw new ModelError(document, where, problem);
  };
  if (!isObject(raw)) fail(at, '`x-paginated` must be a mapping');
  const value = raw as Obj;
  const text = (field: string, required: boolean): string | undefined => {
    const v = value[field];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v === '') fail(child(at, field), `\`x-paginated\` needs \`${field}\` naming a member`);
    return v as string;
  };
  const pagination: Pagination = { inputToken: text('inputToken', true)!, outputToken: text('outputToken', true)!, origin: { document, pointer: at } };
  const items = text('items', false);
  if (items !== undefined) pagination.items = items;
  const pageSize = text('pageSize', false);
  if (pageSize !== undefined) pagination.pageSize = pageSize;
  return pagination;
}

export function readWaiters(raw: unknown, at: string, document: string): Waiter[] | undefined {
  if (raw === undefined) return undefined;
  const fail = (where: string, problem: string): never => {
    throw new ModelError(document, where, problem);
  };
  if (!isObject(raw)) fail(at, '`x-waiters` must be a mapping of waiter names to waiters');
  return Object.keys(raw as Obj).sort().map((name): Waiter => {
    const waiterAt = child(at, name);
    const w = (raw as Obj)[name];
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) fail(waiterAt, `waiter name ${JSON.stringify(name)} is not an identifier`);
    if (!isObject(w)) fail(waiterAt, `waiter ${name} must be a mapping`);
    const delay = (field: 'minDelay' | 'maxDelay', fallback: number): number => {
      const v = w[field];
      if (v === undefined) return fallback;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(child(waiterAt, field), `waiter ${name}: \`${field}\` must be a whole number of seconds, at least 1`);
      return v;
    };
    const minDelay = delay('minDelay', DEFAULT_MIN_DELAY);
    const maxDelay = delay('maxDelay', DEFAULT_MAX_DELAY);
    if (maxDelay < minDelay) fail(child(waiterAt, 'maxDelay'), `waiter ${name}: \`maxDelay\` (${maxDelay}) is less than \`minDelay\` (${minDelay})`);
    if (!Array.isArray(w.acceptors) || w.acceptors.length === 0) fail(child(waiterAt, 'acceptors'), `waiter ${name} has no acceptors`);
    const waiter: Waiter = {
      name,
      minDelay,
      maxDelay,
      acceptors: (w.acceptors as unknown[]).map((a, i) => acceptor(a, child(waiterAt, 'acceptors', i), name, document, fail)),
      origin: { document, pointer: waiterAt },
    };
    if (typeof w.documentation === 'string') waiter.documentation = w.documentation;
    if (w.deprecated === true) waiter.deprecated = true;
    if (Array.isArray(w.tags) && w.tags.length > 0) waiter.tags = w.tags.map(String);
    return waiter;
  });
}

function acceptor(raw: unknown, at: string, waiter: string, document: string, fail: (where: string, problem: string) => never): WaiterAcceptor {
  if (!isObject(raw)) fail(at, `waiter ${waiter}: an acceptor must be a mapping`);
  const a = raw as Obj;
  if (!STATES.includes(a.state)) fail(child(at, 'state'), `waiter ${waiter}: an acceptor's \`state\` must be one of ${STATES.join(', ')}`);
  if (!isObject(a.matcher)) fail(child(at, 'matcher'), `waiter ${waiter}: an acceptor needs a \`matcher\``);
  const keys = Object.keys(a.matcher);
  const kind = keys[0] as (typeof MATCHERS)[number];
  if (keys.length !== 1 || !MATCHERS.includes(kind)) fail(child(at, 'matcher'), `waiter ${waiter}: a matcher has exactly one of ${MATCHERS.join(', ')}`);
  const value: any = a.matcher[kind];
  const matcherAt = child(at, 'matcher', kind);
  let matcher: WaiterMatcher;
  if (kind === 'success') {
    if (typeof value !== 'boolean') fail(matcherAt, `waiter ${waiter}: \`success\` must be true or false`);
    matcher = { kind, success: value };
  } else if (kind === 'errorType') {
    if (typeof value !== 'string' || value === '') fail(matcherAt, `waiter ${waiter}: \`errorType\` must name an error`);
    matcher = { kind, errorType: value.replace(/^.*#/, '') };
  } else {
    if (!isObject(value) || typeof value.path !== 'string' || typeof value.expected !== 'string') fail(matcherAt, `waiter ${waiter}: a path matcher needs \`path\` and \`expected\` strings`);
    if (!COMPARATORS.includes(value.comparator as WaiterComparator)) fail(child(matcherAt, 'comparator'), `waiter ${waiter}: \`comparator\` must be one of ${COMPARATORS.join(', ')}`);
    if (value.comparator === 'booleanEquals' && value.expected !== 'true' && value.expected !== 'false') fail(child(matcherAt, 'expected'), `waiter ${waiter}: booleanEquals expects "true" or "false"`);
    matcher = { kind, path: value.path, expected: value.expected, comparator: value.comparator as WaiterComparator };
  }
  return { state: a.state, matcher, origin: { document, pointer: at } };
}
