/** The validators' names (model/symbols.ts), for an operation of the emitters' view or by its name. */
import { validatorSymbols } from '../../model/symbols.js';

export const validatorName = (operation: { name: string } | string) => validatorSymbols.validator(typeof operation === 'string' ? operation : operation.name);
