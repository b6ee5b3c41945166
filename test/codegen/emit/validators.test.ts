// The validators emitter: straight-line checks per member at any depth, names from the symbol table.
// Mirrors codegen/emit/validators/.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitModels } from '../../../codegen/emit/client/models.js';
import { enumNames } from '../../../codegen/emit/client/names.js';
import { emitValidatorModules, emitValidators } from '../../../codegen/emit/validators/index.js';
import { emitOperationValidator } from '../../../codegen/emit/validators/operation.js';
import { SymbolTable } from '../../../codegen/model/symbols.js';
import { bodyOperation, read } from '../model/helpers.js';
import { HEADER, thingModel, view } from './helpers.js';
import { typeErrors } from './typecheck.js';
import { LAMBDA_SMITHY, lambdaModelPresent, smithyGraph } from '../../../bench/lib/smithy-graph.js';

const VIOLATIONS_RUNTIME = { path: 'validators/violations.ts', content: readFileSync(new URL('../../../codegen/emit/validators/runtime/violations.ts', import.meta.url), 'utf8') };

describe('validators/<Op>.ts for scalar members', () => {
  const model = view(thingModel({ properties: { ItemId: { type: 'string', maxLength: 4 }, 'item-id': { type: 'string', maxLength: 5 }, class: { type: 'string', enum: ['A'] }, constructor: { type: 'integer' } }, required: ['ItemId'] }));
  const text = emitOperationValidator(model.graph, 'PutThing', model.symbols, HEADER).content;

  it.each([
    { name: 'members whose constants collide (ItemId, item-id) get distinct ones', want: "const ITEM_ID_TOO_LONG = tooLong('ItemId', 'itemId', 4);" },
    { name: '… and the second one is numbered', want: "const ITEM_ID_2_WRONG_TYPE = wrongType('item-id', 'item-id', 'string');" },
    { name: 'a reserved word gets a local of its own', want: "const classValue = members['class'];" },
    { name: 'a required member is checked for presence first', want: "if (itemId === undefined || itemId === null) {\n    (violations ??= []).push(violated(ITEM_ID_MISSING, undefined));" },
    { name: 'lengths count code points only near the bound', want: 'if (item_id.length > 5 && codePointLength(item_id) > 5)' },
    { name: 'enums compare against each value', want: "if (classValue !== 'A') (violations ??= []).push(violated(CLASS_NOT_IN_ENUM, classValue));" },
    { name: 'integers are checked as integers', want: "const CONSTRUCTOR_WRONG_TYPE = wrongType('constructor', 'constructor', 'integer');" },
    { name: 'a member named like an inherited property is read only when the input has it', want: "const constructor = (Object.hasOwn(members, 'constructor') ? members['constructor'] : undefined);" },
  ])('$name', ({ want }) => {
    expect(text).toContain(want);
  });

  it('a required nullable member must be there, and null is a value needing no further check', () => {
    const nullable = view(thingModel({ properties: { Note: { type: ['string', 'null'], maxLength: 3 } }, required: ['Note'] }));
    const validator = emitOperationValidator(nullable.graph, 'PutThing', nullable.symbols, HEADER).content;
    expect(validator).toContain("if (note === undefined) {\n    (violations ??= []).push(violated(NOTE_MISSING, undefined));\n  } else if (note !== null) {\n    if (typeof note !== 'string') {");
  });

  it('an enum accepts its internal values (x-enum-internal) but does not list them in its message', () => {
    const internal = view(thingModel({ properties: { Tier: { type: 'string', enum: ['abc', 'def', 'ghi'], 'x-enum-internal': ['ghi'] } } }));
    const validator = emitOperationValidator(internal.graph, 'PutThing', internal.symbols, HEADER).content;
    expect(validator).toContain("if (tier !== 'abc' && tier !== 'def' && tier !== 'ghi')");
    expect(validator).toContain("notInEnum('Tier', 'tier', '[abc, def]')");
  });

  it('type-checks under strict settings together with the models, for names that used not to (TS2451, TS1389)', () => {
    const files = [...emitValidators(model).filter((f) => f.path !== 'validators/violations.ts'), VIOLATIONS_RUNTIME, emitModels(model, enumNames(model), HEADER)];
    expect(typeErrors(files)).toEqual([]);
  });
});

/** The validator module of operation `Op` whose JSON body is `schema`, with extra components. */
function nested(schema: unknown, schemas: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const graph = read({ schemas, paths: bodyOperation(schema), extra });
  return { graph, text: emitOperationValidator(graph, 'Op', new SymbolTable(graph), HEADER).content };
}

describe('validators/<Op>.ts at any depth', () => {
  const { graph, text } = nested(
    {
      type: 'object',
      properties: {
        Environment: { type: 'object', properties: { Variables: { type: 'object', propertyNames: { pattern: '^[a-zA-Z]([a-zA-Z0-9_])+$' }, additionalProperties: { type: 'string', maxLength: 8 } } } },
        Layers: { type: 'array', maxItems: 5, items: { type: 'string', minLength: 1, maxLength: 140 } },
        Configs: { type: 'array', items: { $ref: '#/components/schemas/Config' } },
        Tree: { $ref: '#/components/schemas/Node' },
        Timeout: { type: 'integer', minimum: 1, maximum: 900 },
        Ratio: { type: 'number', exclusiveMinimum: 0 },
        Tags: { type: 'array', uniqueItems: true, items: { type: 'string' } },
      },
    },
    {
      Config: { type: 'object', required: ['Arn'], properties: { Arn: { type: 'string', maxLength: 200 } } },
      Node: { type: 'object', properties: { Name: { type: 'string', maxLength: 3 }, Children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
    },
  );

  it.each([
    { name: 'a member of a nested structure is named by its path', want: "const ENVIRONMENT_VARIABLES_WRONG_TYPE = wrongType('Variables', 'environment.variables', 'map');" },
    { name: 'map keys are checked once per map, every key constraint listed', want: "elementsBreak('Variables', 'environment.variables', 'Map keys', ['Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+'])" },
    { name: 'map values likewise', want: "elementsBreak('Variables', 'environment.variables', 'Map value', ['Member must have length less than or equal to 8', 'Member must not be null'])" },
    { name: 'a list member: length and pattern first, then not null', want: "'Member', ['Member must have length less than or equal to 140', 'Member must have length greater than or equal to 1', 'Member must not be null']" },
    { name: 'the list length is its item count', want: 'if (layersItems.length > 5)' },
    { name: 'a structure in a list is checked at its index', want: "violatedAt(CONFIGS_MEMBER_ARN_MISSING, undefined, 'configs' + '.' + (configsIndex + 1) + '.member' + '.arn')" },
    { name: 'a shape that contains itself gets a function, called at its place', want: "violations = checkNode(treeChildrenItem as Readonly<Record<string, unknown>>, 'tree.children' + '.' + (treeChildrenIndex + 1) + '.member', violations, 1);" },
    { name: 'ranges: inclusive bounds', want: "const TIMEOUT_TOO_SMALL = tooSmall('Timeout', 'timeout', 1, false, 'aws');" },
    { name: 'ranges: exclusive bounds', want: 'if ((ratio as number) <= 0)' },
    { name: 'unique items', want: 'if (hasDuplicates(tagsItems))' },
  ])('$name', ({ want }) => {
    expect(text).toContain(want);
  });

  it('type-checks under strict settings', () => {
    const files = [...emitValidatorModules(graph, new SymbolTable(graph), HEADER, ['Op']).filter((f) => f.path !== 'validators/violations.ts'), VIOLATIONS_RUNTIME];
    expect(typeErrors(files)).toEqual([]);
  });
});

describe("validators/<Op>.ts in smithy.framework's wording", () => {
  const validationException = {
    type: 'object',
    'x-error': { status: 400, fault: 'client' },
    required: ['message'],
    properties: { message: { type: 'string' }, fieldList: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
  };
  const { graph, text } = nested(
    { type: 'object', properties: { string: { type: 'string', minLength: 2, maxLength: 8 }, integer: { type: 'integer', minimum: 2, maximum: 8 }, map: { type: 'object', additionalProperties: { type: 'string', pattern: '^[a-m]+$' } } } },
    { ValidationException: validationException },
    { 'x-validation-error': 'ValidationException' },
  );

  it.each([
    { name: 'both length bounds in one rule', want: "lengthOutside('string', '/string', 2, 8)" },
    { name: 'both range bounds in one rule', want: "rangeOutside('integer', '/integer', 2, 8)" },
    { name: 'the pattern as the model writes it', want: "patternMismatch('map', '/map/*', '^[a-m]+$', 'framework')" },
    { name: 'a map value at its JSON pointer', want: "'/map' + '/' + pointerSegment(mapKey)" },
  ])('$name', ({ want }) => {
    expect(text).toContain(want);
  });

  it('type-checks under strict settings', () => {
    const files = [...emitValidatorModules(graph, new SymbolTable(graph), HEADER, ['Op']).filter((f) => f.path !== 'validators/violations.ts'), VIOLATIONS_RUNTIME];
    expect(typeErrors(files)).toEqual([]);
  });
});

describe.skipIf(!lambdaModelPresent())("validators/CreateFunction.ts from AWS's Lambda model (../shared/fixtures/smithy/lambda.json)", () => {
  it('type-checks under strict settings', () => {
    const graph = smithyGraph(LAMBDA_SMITHY, ['CreateFunction']);
    const files = [...emitValidatorModules(graph, new SymbolTable(graph), HEADER, ['CreateFunction']).filter((f) => f.path !== 'validators/violations.ts'), VIOLATIONS_RUNTIME];
    expect(typeErrors(files)).toEqual([]);
  });
});
