/** The validators' names (model/symbols.ts) for the emitters' view of operations. */
import type { Operation } from '../../model/ir.js';
import { validatorSymbols } from '../../model/symbols.js';

export const validatorName = (operation: Operation) => validatorSymbols.validator(operation.name);
