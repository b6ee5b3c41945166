/** Questions every emitter asks of the intermediate form, answered in one place. */
import type { ErrorMember, ErrorShape, Operation, ServiceModel } from './ir.js';

/** The operation's modeled errors, in the model's error order. */
export function operationErrors(model: ServiceModel, operation: Operation): ErrorShape[] {
  return model.errors.filter((error) => operation.errors.includes(error.name));
}

/** Every error a client or server must know: the modeled ones and the protocol's validation error. */
export function allErrors(model: ServiceModel): ErrorShape[] {
  const validation = model.validationError;
  // A model may declare the validation error itself (Smithy's framework ValidationException, listed
  // by the operations): it is then one of the modeled errors, not a second class of the same name.
  return validation && !model.errors.some((e) => e.name === validation.name) ? [...model.errors, validation] : [...model.errors];
}

/**
 * An error's members besides `message`, which every exception already has from `Error`.
 * (`Message`, in the casing some errors use on the wire, is a member of its own.)
 */
export function ownMembers(error: ErrorShape): ErrorMember[] {
  return error.members.filter((member) => member.name !== 'message');
}

/** An operation's path template without the query it may fix (`/things?kind=plain` → `/things`). */
export function pathTemplate(path: string): string {
  const at = path.indexOf('?');
  return at === -1 ? path : path.slice(0, at);
}

/**
 * The query parameters an operation's path fixes, as Smithy's `@http(uri: "/things?kind=plain")`
 * writes them (and the importer keeps in the OpenAPI path key): `[['kind', 'plain']]`; a key
 * without `=` has the empty value.
 */
export function constantQuery(path: string): [string, string][] {
  const at = path.indexOf('?');
  return at === -1 ? [] : [...new URLSearchParams(path.slice(at + 1))];
}
