// Smithy's `@paginated` and `smithy.waiters#waitable` traits as the importer writes them: an
// operation's pagination with the service's defaults filled in (Smithy lets the service declare
// the tokens and page size once for every operation that is itself marked), and its waiters as
// the model gives them. Both are carried, not interpreted: the model reader checks them
// (codegen/model/openapi/operation-traits.ts) and the client emitters compile them.

import type { PaginatedModel, WaiterModel } from './types.js';

type Obj = Record<string, any>;

export const PAGINATED = 'smithy.api#paginated';
export const WAITABLE = 'smithy.waiters#waitable';

const PAGINATED_FIELDS = ['inputToken', 'outputToken', 'items', 'pageSize'] as const;

/**
 * The operation's pagination, when the operation carries `@paginated`: its own fields over the
 * service's. A service-level trait alone marks no operation.
 */
export function paginationOf(operationTraits: Obj | undefined, serviceTraits: Obj | undefined): PaginatedModel | undefined {
  const own = operationTraits?.[PAGINATED];
  if (own === undefined) return undefined;
  const merged: Obj = { ...(serviceTraits?.[PAGINATED] ?? {}), ...own };
  const out: PaginatedModel = {};
  for (const field of PAGINATED_FIELDS) if (typeof merged[field] === 'string') out[field] = merged[field];
  return out;
}

/** The operation's waiters by name, each as the model declares it (acceptors in order). */
export function waitersOf(operationTraits: Obj | undefined): Record<string, WaiterModel> | undefined {
  const waitable = operationTraits?.[WAITABLE];
  if (waitable === undefined || waitable === null || typeof waitable !== 'object') return undefined;
  const out: Record<string, WaiterModel> = {};
  for (const name of Object.keys(waitable).sort()) {
    const w: Obj = waitable[name] ?? {};
    const waiter: WaiterModel = { acceptors: Array.isArray(w.acceptors) ? w.acceptors : [] };
    if (typeof w.documentation === 'string') waiter.documentation = w.documentation;
    if (typeof w.minDelay === 'number') waiter.minDelay = w.minDelay;
    if (typeof w.maxDelay === 'number') waiter.maxDelay = w.maxDelay;
    if (w.deprecated === true) waiter.deprecated = true;
    if (Array.isArray(w.tags) && w.tags.length > 0) waiter.tags = w.tags.map(String);
    out[name] = waiter;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
