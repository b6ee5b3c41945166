/** Names of the validators' symbols. */
import type { Operation } from '../../model/ir.js';

export function validatorName(operation: Operation): string {
  return `validate${operation.name}Input`;
}
