/**
 * A JSON Schema of one operation's input, derived from the model the generator reads (through
 * the generator's own model reader): path, query and body members as one object, as the
 * generated validator sees them. This is what a user of Ajv would compile from the same model.
 */
import type { Member } from '../../codegen/model/ir.js';
import { currentModelPaths } from '../../codegen/model/current.js';
import { readModel } from '../../codegen/model/read-openapi.js';

type Json = Record<string, any>;

export interface InputSchema {
  type: 'object';
  properties: Record<string, Json>;
  required: string[];
}

/** The documents `npm run generate` reads: the last of model/revisions/ and the companions. */
const MODEL_PATHS = currentModelPaths();

/** The current revision, as reports name it. */
export const CURRENT_MODEL = MODEL_PATHS[0];

/** Only the keywords a validator acts on. */
function schemaOf(member: Member): Json {
  const { minLength, maxLength, pattern, enum: values } = member.constraints;
  const schema: Json = { type: member.type };
  if (minLength !== undefined) schema.minLength = minLength;
  if (maxLength !== undefined) schema.maxLength = maxLength;
  if (pattern) schema.pattern = pattern.anchored;
  if (values) schema.enum = values;
  return schema;
}

export function operationInputSchema(operationName: string, modelPaths = MODEL_PATHS): InputSchema {
  const operation = readModel(modelPaths).operations.find((o) => o.name === operationName);
  if (!operation) throw new Error(`${modelPaths.join(' + ')} has no operation ${operationName}`);
  // Members come in the service's order, so that all-errors validators report in the same order.
  return {
    type: 'object',
    properties: Object.fromEntries(operation.input.map((member) => [member.name, schemaOf(member)])),
    required: operation.input.filter((member) => member.required).map((member) => member.name),
  };
}
