/** The server's names (model/symbols.ts) for the emitters' view of operations and errors. */
import type { ErrorShape, Operation, ServiceModel } from '../../model/ir.js';
import { serverSymbols } from '../../model/symbols.js';

export const implementationName = (model: ServiceModel) => serverSymbols.implementation(model.serviceName);
export const inputType = (operation: Operation) => serverSymbols.input(operation.name);
export const outputType = (operation: Operation) => serverSymbols.output(operation.name);
export const handlerName = (operation: Operation) => serverSymbols.handler(operation.name);
export const errorConstant = (error: ErrorShape) => serverSymbols.errorConstant(error.name);
export const errorTableName = (operation: Operation) => serverSymbols.errorTable(operation.name);
