/** Names of the server's symbols. */
import type { ErrorShape, Operation, ServiceModel } from '../../model/ir.js';
import { constantCase } from '../../model/names.js';

export const implementationName = (model: ServiceModel) => `${model.serviceName}Implementation`;
export const inputType = (operation: Operation) => `${operation.name}Input`;
export const outputType = (operation: Operation) => `${operation.name}Output`;
export const handlerName = (operation: Operation) => `handle${operation.name}`;
export const errorConstant = (error: ErrorShape) => constantCase(error.name);
export const errorTableName = (operation: Operation) => `${constantCase(operation.name)}_ERRORS`;
