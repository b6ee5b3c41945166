/**
 * A JSON Schema of one operation's input built from the shape graph (nested structures, lists,
 * maps, unions, ranges): what a user of Ajv would compile from the same model. Only the keywords a
 * validator acts on; members in the service's order, so that all-errors validators report in it.
 */
import type { Member, OperationShape, Shape, ShapeModel } from '../../codegen/model/shapes.js';

type Json = Record<string, any>;

const INTEGERS = new Set(['byte', 'short', 'integer', 'long', 'intEnum', 'bigInteger']);

export function graphInputSchema(graph: ShapeModel, operationName: string): Json {
  const operation = graph.operations.find((o) => o.name === operationName);
  if (!operation) throw new Error(`the model has no operation ${operationName}`);
  const definitions: Record<string, Json> = {};
  const shapeOf = (member: Member): Shape => graph.shapes.get(member.target)!;
  const ref = (shape: Shape): Json => {
    const name = shape.id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!(name in definitions)) {
      definitions[name] = {};
      definitions[name] = schemaOf(shape);
    }
    return { $ref: `#/definitions/${name}` };
  };
  const object = (members: Member[]): Json => ({
    type: 'object',
    properties: Object.fromEntries(members.map((m) => [m.name, ref(shapeOf(m))])),
    required: members.filter((m) => m.required).map((m) => m.name),
  });
  function schemaOf(shape: Shape): Json {
    const { length, pattern, range, enum: values, uniqueItems } = shape.constraints;
    const schema: Json = {};
    switch (shape.kind) {
      case 'structure':
        return object(shape.members);
      case 'union':
        return { type: 'object', properties: object(shape.members).properties, minProperties: 1, maxProperties: 1 };
      case 'list':
        Object.assign(schema, { type: 'array', items: ref(shapeOf(shape.member)) });
        if (length?.min !== undefined) schema.minItems = length.min;
        if (length?.max !== undefined) schema.maxItems = length.max;
        if (uniqueItems) schema.uniqueItems = true;
        return schema;
      case 'map':
        Object.assign(schema, { type: 'object', propertyNames: schemaOf(shapeOf(shape.key)), additionalProperties: ref(shapeOf(shape.value)) });
        if (length?.min !== undefined) schema.minProperties = length.min;
        if (length?.max !== undefined) schema.maxProperties = length.max;
        return schema;
      case 'string':
      case 'enum':
        schema.type = 'string';
        if (length?.min !== undefined) schema.minLength = length.min;
        if (length?.max !== undefined) schema.maxLength = length.max;
        if (pattern) schema.pattern = pattern;
        if (values) schema.enum = values;
        return schema;
      case 'boolean':
        return { type: 'boolean' };
      case 'blob':
      case 'timestamp':
      case 'document':
        return {};
      default:
        schema.type = INTEGERS.has(shape.kind) ? 'integer' : 'number';
        if (values) schema.enum = values;
        if (range?.min !== undefined) schema[range.exclusiveMin ? 'exclusiveMinimum' : 'minimum'] = range.min;
        if (range?.max !== undefined) schema[range.exclusiveMax ? 'exclusiveMaximum' : 'maximum'] = range.max;
        return schema;
    }
  }
  return { ...object(orderedInput(operation)), definitions };
}

function orderedInput(operation: OperationShape): Member[] {
  if (!operation.memberOrder) return operation.input;
  const byName = new Map(operation.input.map((m) => [m.name, m]));
  return operation.memberOrder.flatMap((name) => byName.get(name) ?? []);
}
