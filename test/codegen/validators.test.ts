import { describe, expect, it } from 'vitest';
import {
  NO_VIOLATIONS,
  renderViolations,
  validateAddPermissionInput,
  validateGetPolicyInput,
  validateRemovePermissionInput,
} from '../../generated/validators/index.js';
import { generateInto, scratch } from './helpers.js';

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
