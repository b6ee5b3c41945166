/**
 * Several documents as one model (a revision and its companions): shapes, operations and errors
 * are unioned; the same name defined twice must mean the same thing on the wire.
 */
import { ModelError } from './document.js';
import type { BoundMember, ErrorShape, Shape, ShapeModel } from './shapes.js';

export function mergeModels(models: ShapeModel[]): ShapeModel {
  if (models.length === 0) throw new ModelError('model', '', 'no documents given');
  const [first] = models;
  const merged: ShapeModel = { ...first, shapes: new Map(first.shapes), operations: [...first.operations], errors: new Map(first.errors), sources: [...first.sources], documents: [...first.documents] };
  for (const model of models.slice(1)) {
    const name = model.sources[0].path;
    if (model.service.title !== first.service.title) throw new ModelError(name, '/info/title', `service title "${model.service.title}" differs from "${first.service.title}"`);
    for (const operation of model.operations) {
      if (merged.operations.some((o) => o.name === operation.name)) throw new ModelError(name, '', `operation ${operation.name} is defined twice`);
      merged.operations.push(operation);
    }
    for (const [id, shape] of model.shapes) {
      const known = merged.shapes.get(id);
      if (!known) merged.shapes.set(id, shape);
      else if (!model.errors.has(id.split('$')[0]) && wire(known) !== wire(shape)) throw new ModelError(name, shape.origin.pointer, `shape ${id} differs from its definition in ${known.origin.document}`);
    }
    for (const [errorName, error] of model.errors) {
      const known = merged.errors.get(errorName);
      if (!known) merged.errors.set(errorName, error);
      else if (!sameError(known, error, merged.shapes, model.shapes)) throw new ModelError(name, error.origin.pointer, `error ${errorName} differs from its definition in ${known.origin.document}`);
      // Documentation may be worded differently across documents; the first is kept.
    }
    if (model.service.validationError && first.service.validationError && model.service.validationError !== first.service.validationError) {
      throw new ModelError(name, '/x-validation-error', 'differs from the one declared by another document');
    }
    merged.service = {
      ...merged.service,
      validationError: merged.service.validationError ?? model.service.validationError,
      clientVersion: merged.service.clientVersion ?? model.service.clientVersion,
    };
    merged.sources.push(...model.sources);
    merged.documents.push(...model.documents);
  }
  return merged;
}

/** A shape without what may differ between documents that agree: where it is, and its prose. */
function wire(shape: Shape): string {
  return JSON.stringify(shape, (key, value) => (key === 'origin' || key === 'documentation' ? undefined : value));
}

/** Same on the wire: status, fault, body members in order, header members in any order. */
export function sameError(a: ErrorShape, b: ErrorShape, shapesA?: Map<string, Shape>, shapesB?: Map<string, Shape>): boolean {
  // An enum travels as a string: a document that lists the values and one that does not agree on the wire.
  const kind = (shape: Shape | undefined) => (shape?.kind === 'enum' ? 'string' : shape?.kind === 'intEnum' ? 'integer' : shape?.kind);
  const member = (m: BoundMember, shapes?: Map<string, Shape>) => [m.name, kind(shapes?.get(m.target)) ?? m.target, m.binding, m.default];
  const key = (e: ErrorShape, shapes?: Map<string, Shape>) => {
    const body = e.members.filter((m) => m.binding.kind === 'body').map((m) => member(m, shapes));
    const headers = e.members.filter((m) => m.binding.kind === 'header').map((m) => member(m, shapes)).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    return JSON.stringify([e.status, e.fault, body, headers]);
  };
  return key(a, shapesA) === key(b, shapesB);
}
