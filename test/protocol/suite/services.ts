// The services of the suite and what belongs to each: its operations (directly and through its
// resources), and for each error structure the operations that can answer with it.

import type { AstShape, SmithyAst } from '../../../codegen/smithy/ast.js';

/** Every operation a service binds, through its resources too, sorted by shape id. */
export function serviceOperations(ast: SmithyAst, serviceId: string): string[] {
  const found = new Set<string>();
  const visit = (shape: AstShape | undefined) => {
    if (!shape) return;
    for (const key of ['operations', 'collectionOperations'] as const) for (const { target } of shape[key] ?? []) found.add(target);
    for (const key of ['create', 'put', 'read', 'update', 'delete', 'list'] as const) if (shape[key]) found.add(shape[key]!.target);
    for (const { target } of shape.resources ?? []) visit(ast.shapes[target]);
  };
  visit(ast.shapes[serviceId]);
  return [...found].sort();
}

/**
 * Operations that no service binds (the suite has a few) are run as a service of their own per
 * namespace, named `unbound:<namespace>`: their cases count like any other.
 */
export const UNBOUND = 'unbound:';

/** The operations generated together as one service: a service's, or the unbound ones of a namespace. */
export function operationsOf(ast: SmithyAst, service: string): string[] {
  if (!service.startsWith(UNBOUND)) return serviceOperations(ast, service);
  const bound = operationServices(ast);
  const namespace = service.slice(UNBOUND.length);
  return Object.keys(ast.shapes).filter((id) => ast.shapes[id].type === 'operation' && !bound.has(id) && id.startsWith(`${namespace}#`)).sort();
}

/** Service shape ids of the model, sorted. */
export function services(ast: SmithyAst): string[] {
  return Object.keys(ast.shapes).filter((id) => ast.shapes[id].type === 'service').sort();
}

/** Operation id → the service that binds it (the first by id, should several). */
export function operationServices(ast: SmithyAst): Map<string, string> {
  const owner = new Map<string, string>();
  for (const service of services(ast)) for (const op of serviceOperations(ast, service)) if (!owner.has(op)) owner.set(op, service);
  return owner;
}

/** Error structure id → the operations (of one service) that list it, sorted. */
export function errorOperations(ast: SmithyAst, errorId: string): string[] {
  const lists = (shape: AstShape) => (shape.errors ?? []).some((e) => e.target === errorId);
  const found = new Set(Object.keys(ast.shapes).filter((id) => ast.shapes[id].type === 'operation' && lists(ast.shapes[id])));
  // An error the service itself lists can answer any of its operations.
  for (const service of services(ast)) if (lists(ast.shapes[service])) for (const op of serviceOperations(ast, service)) found.add(op);
  return [...found].sort();
}
