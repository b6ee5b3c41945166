import { describe, expect, it } from 'vitest';
import {
  NO_VIOLATIONS,
  renderViolations,
  validateAddPermissionInput,
  validateGetPolicyInput,
  validateRemovePermissionInput,
} from '../../generated/validators/index.js';
import { emitValidatorModules } from '../../codegen/emit/validators/index.js';
import type { ShapeModel } from '../../codegen/model/shapes.js';
import { SymbolTable } from '../../codegen/model/symbols.js';
import { writeOutput } from '../../codegen/output.js';
import { generateInto, scratch } from './helpers.js';
import { bodyOperation, read } from './model/helpers.js';
import { LAMBDA_SMITHY, lambdaModelPresent, smithyGraph } from '../../bench/lib/smithy-graph.js';
import { CREATE_FUNCTION_INVALID, CREATE_FUNCTION_VALID } from '../../bench/lib/create-function-inputs.js';

const VALID = { FunctionName: 'my-function', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' };
const messages = (input: Record<string, unknown>) => validateAddPermissionInput(input).map((v) => v.message);

describe('generated AddPermission validator', () => {
  it('accepts a valid input without allocating: the shared frozen empty result', () => {
    expect(validateAddPermissionInput(VALID)).toBe(NO_VIOLATIONS);
    expect(Object.isFrozen(NO_VIOLATIONS)).toBe(true);
  });

  it('words a pattern violation exactly as the service does, quoting the documented pattern', () => {
    expect(messages({ ...VALID, StatementId: 'example.com' })).toEqual([
      "Value 'example.com' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)",
    ]);
  });

  it('matches patterns against the whole value', () => {
    expect(messages({ ...VALID, StatementId: 's3 ' })).toEqual([
      "Value 's3 ' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)",
    ]);
    expect(messages({ ...VALID, Principal: 'a b' })).toEqual([
      "Value 'a b' at 'principal' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+",
    ]);
    expect(messages({ ...VALID, SourceAccount: '1234567890123' })).toEqual([
      "Value '1234567890123' at 'sourceAccount' failed to satisfy constraint: Member must satisfy regular expression pattern: \\d{12}",
      "Value '1234567890123' at 'sourceAccount' failed to satisfy constraint: Member must have length less than or equal to 12",
    ]);
  });

  it('reports a missing required member as null', () => {
    const { StatementId: _omitted, ...rest } = VALID;
    expect(messages(rest)).toEqual(["Value null at 'statementId' failed to satisfy constraint: Member must not be null"]);
    expect(messages({ ...VALID, StatementId: null })).toEqual(["Value null at 'statementId' failed to satisfy constraint: Member must not be null"]);
  });

  it('words length violations as the service does', () => {
    expect(messages({ ...VALID, FunctionName: 'f'.repeat(257) })).toEqual([
      `Value '${'f'.repeat(257)}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 256`,
    ]);
    expect(messages({ ...VALID, Qualifier: '' })).toEqual([
      "Value '' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: \\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+",
      "Value '' at 'qualifier' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ]);
    expect(messages({ ...VALID, PrincipalOrgID: 'o-abc' })).toEqual([
      "Value 'o-abc' at 'principalOrgID' failed to satisfy constraint: Member must satisfy regular expression pattern: ^o-[a-z0-9]{10,32}$",
      "Value 'o-abc' at 'principalOrgID' failed to satisfy constraint: Member must have length greater than or equal to 12",
    ]);
  });

  it('words an enum violation with the allowed set in model order', () => {
    expect(messages({ ...VALID, FunctionUrlAuthType: 'BASIC' })).toEqual([
      "Value 'BASIC' at 'functionUrlAuthType' failed to satisfy constraint: Member must satisfy enum value set: [NONE, AWS_IAM]",
    ]);
  });

  it('checks member types', () => {
    expect(messages({ ...VALID, InvokedViaFunctionUrl: 'yes' })).toEqual([
      "Value 'yes' at 'invokedViaFunctionUrl' failed to satisfy constraint: Member must be of type boolean",
    ]);
    expect(messages({ ...VALID, StatementId: 42 })).toEqual(["Value '42' at 'statementId' failed to satisfy constraint: Member must be of type string"]);
    expect(validateAddPermissionInput({ ...VALID, InvokedViaFunctionUrl: false })).toBe(NO_VIOLATIONS);
  });

  it('ignores unknown members, as the service does', () => {
    expect(validateAddPermissionInput({ ...VALID, Unknown: 'x', statementId: 'bad value' })).toBe(NO_VIOLATIONS);
  });

  it("returns every violation in the service's member order, and renders them as one message", () => {
    const violations = validateAddPermissionInput({
      Qualifier: 'bad qualifier',
      FunctionUrlAuthType: 'BASIC',
      StatementId: 'example.com',
      FunctionName: 'my-function',
      Principal: 's3.amazonaws.com',
    });
    expect(violations.map((v) => [v.member, v.constraint])).toEqual([
      ['StatementId', 'pattern'],
      ['Action', 'required'],
      ['Qualifier', 'pattern'],
      ['FunctionUrlAuthType', 'enum'],
    ]);
    expect(renderViolations(violations)).toBe(
      '4 validation errors detected: ' +
        "Value 'example.com' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+); " +
        "Value null at 'action' failed to satisfy constraint: Member must not be null; " +
        "Value 'bad qualifier' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: \\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+; " +
        "Value 'BASIC' at 'functionUrlAuthType' failed to satisfy constraint: Member must satisfy enum value set: [NONE, AWS_IAM]",
    );
    expect(renderViolations(violations.slice(0, 1))).toBe(
      "1 validation error detected: Value 'example.com' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)",
    );
  });
});

describe('generated companion validators', () => {
  it('GetPolicy checks the name and qualifier with the current constraints', () => {
    expect(validateGetPolicyInput({ FunctionName: 'my-function', Qualifier: '$LATEST.PUBLISHED' })).toBe(NO_VIOLATIONS);
    expect(validateGetPolicyInput({ FunctionName: 'f'.repeat(257) }).map((v) => v.message)).toEqual([
      `Value '${'f'.repeat(257)}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 256`,
    ]);
  });

  it('RemovePermission checks the statement id label', () => {
    expect(validateRemovePermissionInput({ FunctionName: 'f', StatementId: 'a.b' })).toBe(NO_VIOLATIONS);
    expect(validateRemovePermissionInput({ FunctionName: 'f', StatementId: 'a b' }).map((v) => v.message)).toEqual([
      "Value 'a b' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_.]+)",
    ]);
  });
});

describe('lengths count characters, not UTF-16 units', () => {
  it('accepts 20 astral characters where the maximum is 20, and rejects 21', async () => {
    const out = scratch('validators-widgets');
    await generateInto(['test/fixtures/widgets.yaml'], out);
    const { validatePaintWidgetInput } = await import(`${out}/validators/index.ts`);
    const twenty = '😀'.repeat(20);
    expect(twenty.length).toBe(40);
    expect(validatePaintWidgetInput({ WidgetName: twenty, Color: 'RED' })).toEqual([]);
    expect(validatePaintWidgetInput({ WidgetName: `${twenty}😀`, Color: 'RED' }).map((v: { message: string }) => v.message)).toEqual([
      `Value '${twenty}😀' at 'widgetName' failed to satisfy constraint: Member must have length less than or equal to 20`,
    ]);
    expect(validatePaintWidgetInput({ WidgetName: 'w', Color: 'RED', Label: 'Ab', Coats: 1.5 }).map((v: { message: string }) => v.message)).toEqual([
      "Value '1.5' at 'coats' failed to satisfy constraint: Member must be of type integer",
    ]);
  });
});

// --- Every shape, at any depth: validators emitted from a shape graph, written to a scratch folder and run. ---

type Validator = (input: object) => readonly { member: string; path: string; constraint: string; message: string }[];
interface ValidatorModule {
  renderViolations(v: readonly unknown[]): string;
  validationExceptionBody(v: readonly unknown[]): { message: string; fieldList?: { path: string; message: string }[] };
  NO_VIOLATIONS: readonly unknown[];
  [validator: string]: unknown;
}

async function loadValidators(name: string, graph: ShapeModel, operations: string[]): Promise<ValidatorModule> {
  const out = scratch(`validators-${name}`);
  writeOutput(out, emitValidatorModules(graph, new SymbolTable(graph), '// test\n', operations));
  return import(`${out}/validators/index.ts`);
}

const NESTED_SCHEMAS = {
  Config: { type: 'object', required: ['Arn'], properties: { Arn: { type: 'string', maxLength: 20 }, Path: { type: 'string', pattern: '^/mnt/[a-z]+$' } } },
  Node: { type: 'object', properties: { Name: { type: 'string', maxLength: 3 }, Children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
  Choice: { oneOf: [{ title: 'Text', type: 'string', maxLength: 2 }, { title: 'Count', type: 'integer', minimum: 0 }] },
};

const NESTED_BODY = {
  type: 'object',
  required: ['Name'],
  properties: {
    Name: { type: 'string', minLength: 1 },
    Environment: { type: 'object', properties: { Variables: { type: 'object', propertyNames: { pattern: '^[a-zA-Z]([a-zA-Z0-9_])+$' }, additionalProperties: { type: 'string', maxLength: 8 } } } },
    Layers: { type: 'array', maxItems: 2, items: { type: 'string', minLength: 1, maxLength: 140 } },
    Architectures: { type: 'array', items: { type: 'string', enum: ['x86_64', 'arm64'] } },
    Configs: { type: 'array', items: { $ref: '#/components/schemas/Config' } },
    Tree: { $ref: '#/components/schemas/Node' },
    Timeout: { type: 'integer', minimum: 1, maximum: 900 },
    Ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1.5 },
    Tags: { type: 'array', uniqueItems: true, items: { type: 'object', properties: { Key: { type: 'string' } } } },
    Zip: { type: 'string', format: 'byte', maxLength: 4 },
    At: { type: 'string', format: 'date-time' },
    Pick: { $ref: '#/components/schemas/Choice' },
  },
};

describe('validators at any depth, in AWS wording', async () => {
  const graph = read({ schemas: NESTED_SCHEMAS, paths: bodyOperation(NESTED_BODY) });
  const module = await loadValidators('nested', graph, ['Op']);
  const validate = module.validateOpInput as Validator;
  const messages = (input: object) => validate(input).map((v) => v.message);
  const VALID = {
    Name: 'f',
    Environment: { Variables: { STAGE: 'prod', A1: '' } },
    Layers: ['arn:layer:1'],
    Architectures: ['arm64'],
    Configs: [{ Arn: 'a', Path: '/mnt/data' }],
    Tree: { Name: 'a', Children: [{ Name: 'b', Children: [{ Name: 'c' }] }] },
    Timeout: 900,
    Ratio: 1.5,
    Tags: [{ Key: 'a' }, { Key: 'b' }],
    Zip: new Uint8Array([1, 2, 3, 4]),
    At: new Date(0),
    Pick: { Count: 3 },
  };

  it('accepts a valid nested input with the shared empty result', () => {
    expect(validate(VALID)).toBe(module.NO_VIOLATIONS);
  });

  it.each([
    {
      name: 'a map key breaking its pattern: once, on the map, quoted as the service prints maps',
      given: { Environment: { Variables: { A: 'x', B: 'y' } } },
      want: ["Value '{A=x, B=y}' at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]"],
    },
    {
      name: 'a map value too long',
      given: { Environment: { Variables: { STAGE: 'production' } } },
      want: ["Value '{STAGE=production}' at 'environment.variables' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 8, Member must not be null]"],
    },
    {
      name: 'a list member breaking its constraints: once, every constraint listed (an empty string prints as [])',
      given: { Layers: [''] },
      want: ["Value '[]' at 'layers' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 140, Member must have length greater than or equal to 1, Member must not be null]"],
    },
    {
      name: 'an enum list member',
      given: { Architectures: ['x86'] },
      want: ["Value '[x86]' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]"],
    },
    {
      name: 'a list with too many items',
      given: { Layers: ['a', 'b', 'c'] },
      want: ["Value '[a, b, c]' at 'layers' failed to satisfy constraint: Member must have length less than or equal to 2"],
    },
    {
      name: 'a member of a structure in a list, named by its 1-based index',
      given: { Configs: [{ Arn: 'a' }, { Path: '/tmp/x' }] },
      want: [
        "Value null at 'configs.2.member.arn' failed to satisfy constraint: Member must not be null",
        "Value '/tmp/x' at 'configs.2.member.path' failed to satisfy constraint: Member must satisfy regular expression pattern: /mnt/[a-z]+",
      ],
    },
    {
      name: 'a shape that contains itself, checked at every depth',
      given: { Tree: { Name: 'a', Children: [{ Name: 'b', Children: [{ Name: 'long' }] }] } },
      want: ["Value 'long' at 'tree.children.1.member.children.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 3"],
    },
    {
      name: 'integer ranges, as the service words them',
      given: { Timeout: 0 },
      want: ["Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    },
    {
      name: 'integer ranges, the upper bound',
      given: { Timeout: 901 },
      want: ["Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900"],
    },
    {
      name: 'float ranges with an exclusive bound',
      given: { Ratio: 0 },
      want: ["Value '0' at 'ratio' failed to satisfy constraint: Member must have value greater than 0"],
    },
    {
      name: 'float ranges, the inclusive upper bound',
      given: { Ratio: 1.75 },
      want: ["Value '1.75' at 'ratio' failed to satisfy constraint: Member must have value less than or equal to 1.5"],
    },
    {
      name: 'unique items compare structures by content',
      given: { Tags: [{ Key: 'a' }, { Key: 'a' }] },
      want: ["Value '[{Key=a}, {Key=a}]' at 'tags' failed to satisfy constraint: Member must have unique values"],
    },
    {
      name: 'a union member is checked by its own constraints',
      given: { Pick: { Text: 'abc' } },
      want: ["Value 'abc' at 'pick.text' failed to satisfy constraint: Member must have length less than or equal to 2"],
    },
    {
      name: 'a union with two members set',
      given: { Pick: { Text: 'a', Count: 1 } },
      want: ["Value '{Text=a, Count=1}' at 'pick' failed to satisfy constraint: Member must have exactly one member set"],
    },
    {
      name: 'a union with none set',
      given: { Pick: {} },
      want: ["Value '{}' at 'pick' failed to satisfy constraint: Member must have exactly one member set"],
    },
    {
      name: 'a wrong type where a list belongs',
      given: { Layers: 'arn' },
      want: ["Value 'arn' at 'layers' failed to satisfy constraint: Member must be of type list"],
    },
    {
      name: 'a wrong type where a structure belongs',
      given: { Environment: ['x'] },
      want: ["Value '[x]' at 'environment' failed to satisfy constraint: Member must be of type structure"],
    },
  ])('$name', ({ given, want }) => {
    expect(messages({ Name: 'f', ...given })).toEqual(want);
  });

  it('checks a shape that contains itself down to a bounded depth, and reports deeper input instead of overflowing the stack', () => {
    let tree: Record<string, unknown> = { Name: 'leaf' };
    for (let i = 0; i < 20_000; i++) tree = { Children: [tree] };
    const violations = validate({ Name: 'f', Tree: tree });
    expect(violations.map((v) => v.constraint)).toEqual(['depth']);
    expect(violations[0].message).toMatch(/^Value '\{Children=\[\{Children=.*' at 'tree(\.children\.1\.member){101}' failed to satisfy constraint: Member must have nesting depth less than or equal to 100$/);
  });

  it('checks blobs by their bytes and timestamps as dates; a wire value left undecoded is a wrong type', () => {
    expect(messages({ Name: 'f', Zip: new Uint8Array(5) })).toEqual(["Value '[0, 0, 0, 0, 0]' at 'zip' failed to satisfy constraint: Member must have length less than or equal to 4"]);
    expect(messages({ Name: 'f', Zip: 'AAAA', At: 'yesterday' })).toEqual([
      "Value 'AAAA' at 'zip' failed to satisfy constraint: Member must be of type blob",
      "Value 'yesterday' at 'at' failed to satisfy constraint: Member must be of type timestamp",
    ]);
  });

  it('renders many violations at any depth as one message, in member order', () => {
    const violations = validate({ Layers: ['a', 'b', 'c'], Name: '', Timeout: 0 });
    expect(violations.map((v) => [v.path, v.constraint])).toEqual([
      ['name', 'minLength'],
      ['layers', 'maxLength'],
      ['timeout', 'minimum'],
    ]);
    expect(module.renderViolations(violations)).toBe(
      '3 validation errors detected: ' +
        "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '[a, b, c]' at 'layers' failed to satisfy constraint: Member must have length less than or equal to 2; " +
        "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(module.validationExceptionBody(violations).fieldList).toBeUndefined();
  });
});

// The smithy.framework#ValidationException wording: expected bodies of the restJson1 compliance suite's
// malformed-request tests (RestJsonValidation: malformed-length, -pattern, -range, -enum, -required,
// -uniqueItems, recursive-structures), for shapes built the same way.
const VALIDATION_EXCEPTION = {
  type: 'object',
  'x-error': { status: 400, fault: 'client' },
  required: ['message'],
  properties: { message: { type: 'string' }, fieldList: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
};
const FRAMEWORK_SCHEMAS = {
  ValidationException: VALIDATION_EXCEPTION,
  // A union member that refers to a schema is named after it (the reader's rule).
  RecursiveUnion: { oneOf: [{ title: 'string', type: 'string', enum: ['abc', 'def'] }, { $ref: '#/components/schemas/RecursiveUnion' }] },
  PatternUnion: { oneOf: [{ title: 'first', type: 'string', pattern: '^[a-m]+$' }, { title: 'second', type: 'string' }] },
};
const FRAMEWORK_BODY = {
  type: 'object',
  properties: {
    string: { type: 'string', minLength: 2, maxLength: 8 },
    minString: { type: 'string', minLength: 2 },
    maxString: { type: 'string', maxLength: 8 },
    blob: { type: 'string', format: 'byte', minLength: 2, maxLength: 8 },
    list: { type: 'array', minItems: 2, maxItems: 8, items: { type: 'string', minLength: 2, maxLength: 8 } },
    patternList: { type: 'array', items: { type: 'string', pattern: '^[a-m]+$' } },
    map: { type: 'object', propertyNames: { pattern: '^[a-m]+$' }, additionalProperties: { type: 'string', pattern: '^[a-m]+$' } },
    union: { $ref: '#/components/schemas/PatternUnion' },
    recursive: { $ref: '#/components/schemas/RecursiveUnion' },
    byte: { type: 'integer', format: 'int8', minimum: 2, maximum: 8 },
    float: { type: 'number', format: 'float', minimum: 2.2, maximum: 8.8 },
    minFloat: { type: 'number', format: 'float', minimum: 2.2 },
    maxInteger: { type: 'integer', maximum: 8 },
    enumString: { type: 'string', enum: ['abc', 'def', 'jkl'] },
    stringList: { type: 'array', uniqueItems: true, items: { type: 'string' } },
    structureListWithNoKey: { type: 'array', items: { type: 'object', required: ['hi'], properties: { hi: { type: 'string' } } } },
  },
};

describe("validators in smithy.framework's wording", async () => {
  const graph = read({ schemas: FRAMEWORK_SCHEMAS, paths: bodyOperation(FRAMEWORK_BODY), extra: { 'x-validation-error': 'ValidationException' } });
  const module = await loadValidators('framework', graph, ['Op']);
  const validate = module.validateOpInput as Validator;

  it.each([
    { given: { string: 'a' }, path: '/string', want: "Value with length 1 at '/string' failed to satisfy constraint: Member must have length between 2 and 8, inclusive" },
    { given: { minString: 'a' }, path: '/minString', want: "Value with length 1 at '/minString' failed to satisfy constraint: Member must have length greater than or equal to 2" },
    { given: { maxString: 'abcdefghijklmnopqrstuvwxyz' }, path: '/maxString', want: "Value with length 26 at '/maxString' failed to satisfy constraint: Member must have length less than or equal to 8" },
    { given: { blob: new Uint8Array([97]) }, path: '/blob', want: "Value with length 1 at '/blob' failed to satisfy constraint: Member must have length between 2 and 8, inclusive" },
    { given: { list: ['abc'] }, path: '/list', want: "Value with length 1 at '/list' failed to satisfy constraint: Member must have length between 2 and 8, inclusive" },
    { given: { list: ['a', 'abc'] }, path: '/list/0', want: "Value with length 1 at '/list/0' failed to satisfy constraint: Member must have length between 2 and 8, inclusive" },
    { given: { patternList: ['xyz'] }, path: '/patternList/0', want: "Value at '/patternList/0' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$" },
    { given: { map: { xyz: 'abc' } }, path: '/map', want: "Value at '/map' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$" },
    { given: { map: { abc: 'xyz' } }, path: '/map/abc', want: "Value at '/map/abc' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$" },
    { given: { union: { first: 'xyz' } }, path: '/union/first', want: "Value at '/union/first' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$" },
    { given: { recursive: { RecursiveUnion: { RecursiveUnion: { string: 'xyz' } } } }, path: '/recursive/RecursiveUnion/RecursiveUnion/string', want: "Value at '/recursive/RecursiveUnion/RecursiveUnion/string' failed to satisfy constraint: Member must satisfy enum value set: [abc, def]" },
    { given: { byte: 9 }, path: '/byte', want: "Value at '/byte' failed to satisfy constraint: Member must be between 2 and 8, inclusive" },
    { given: { float: 2.1 }, path: '/float', want: "Value at '/float' failed to satisfy constraint: Member must be between 2.2 and 8.8, inclusive" },
    { given: { minFloat: 2.1 }, path: '/minFloat', want: "Value at '/minFloat' failed to satisfy constraint: Member must be greater than or equal to 2.2" },
    { given: { maxInteger: 9 }, path: '/maxInteger', want: "Value at '/maxInteger' failed to satisfy constraint: Member must be less than or equal to 8" },
    { given: { enumString: 'ABC' }, path: '/enumString', want: "Value at '/enumString' failed to satisfy constraint: Member must satisfy enum value set: [abc, def, jkl]" },
    { given: { stringList: ['abc', 'abc'] }, path: '/stringList', want: "Value at '/stringList' failed to satisfy constraint: Member must have unique values" },
    { given: { structureListWithNoKey: [{}] }, path: '/structureListWithNoKey/0/hi', want: "Value at '/structureListWithNoKey/0/hi' failed to satisfy constraint: Member must not be null" },
  ])('$path: $want', ({ given, path, want }) => {
    const violations = validate(given);
    expect(module.validationExceptionBody(violations)).toEqual({ message: `1 validation error detected. ${want}`, fieldList: [{ message: want, path }] });
  });

  it('lists every violation in fieldList, and counts them in the message', () => {
    const body = module.validationExceptionBody(validate({ string: 'a', byte: 1 }));
    expect(body.message).toBe(
      "2 validation errors detected. Value with length 1 at '/string' failed to satisfy constraint: Member must have length between 2 and 8, inclusive; " +
        "Value at '/byte' failed to satisfy constraint: Member must be between 2 and 8, inclusive",
    );
    expect(body.fieldList?.map((f) => f.path)).toEqual(['/string', '/byte']);
  });

  it('escapes a map key in the JSON pointer', () => {
    expect(validate({ map: { 'a/b~': 'xyz' } }).map((v) => v.path)).toEqual(['/map', '/map/a~1b~0']);
  });
});

describe.skipIf(!lambdaModelPresent())("CreateFunction from AWS's Lambda model (../shared/fixtures/smithy/lambda.json)", async () => {
  const graph = lambdaModelPresent() ? smithyGraph(LAMBDA_SMITHY, ['CreateFunction']) : undefined;
  const module = graph ? await loadValidators('lambda-create', graph, ['CreateFunction']) : undefined;
  const validate = (input: object) => (module!.validateCreateFunctionInput as Validator)(input);

  it('accepts a full valid input and reports nested violations as Lambda words them', () => {
    expect(validate(CREATE_FUNCTION_VALID[0])).toBe(module!.NO_VIOLATIONS);
    expect(validate(CREATE_FUNCTION_VALID[1])).toBe(module!.NO_VIOLATIONS);
    expect(module!.renderViolations(validate(CREATE_FUNCTION_INVALID[0]))).toBe(
      '4 validation errors detected: ' +
        "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value '[]' at 'layers' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 140, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+, Member must not be null]; " +
        "Value '/data' at 'fileSystemConfigs.1.member.localMountPath' failed to satisfy constraint: Member must satisfy regular expression pattern: /mnt/[a-zA-Z0-9-_.]+; " +
        "Value '20000' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value less than or equal to 10240",
    );
  });
});
