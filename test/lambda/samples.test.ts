// The sample-value builder: every member filled with a value its constraints accept, at any depth.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAMBDA_JSON, SKIP_REASON, hasLambdaModel, operationNames } from './generation.js';
import { invalidInput, sampleString, sampleStructure, SAMPLE_DATE, violations, type SmithyModel } from './samples.js';

const NS = 'example.samples#';
const model: SmithyModel = {
  shapes: {
    [`${NS}Input`]: {
      type: 'structure',
      members: {
        Name: { target: `${NS}Name`, traits: { 'smithy.api#required': {}, 'smithy.api#httpLabel': {} } },
        Arn: { target: `${NS}Arn` },
        Size: { target: `${NS}Size` },
        Big: { target: 'smithy.api#Long' },
        Ratio: { target: `${NS}Ratio` },
        Mode: { target: `${NS}Mode` },
        Legacy: { target: `${NS}Legacy` },
        When: { target: 'smithy.api#Timestamp' },
        Data: { target: 'smithy.api#Blob' },
        Tags: { target: `${NS}Tags` },
        Items: { target: `${NS}Items` },
        Choice: { target: `${NS}Choice` },
        Nested: { target: `${NS}Nested` },
      },
    },
    [`${NS}Name`]: { type: 'string', traits: { 'smithy.api#pattern': '^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$', 'smithy.api#length': { min: 3, max: 64 } } },
    [`${NS}Arn`]: { type: 'string', traits: { 'smithy.api#pattern': '^arn:aws:lambda:[a-z]{2}-[a-z]+-\\d{1}:\\d{12}:function:[a-z]+$' } },
    [`${NS}Size`]: { type: 'integer', traits: { 'smithy.api#range': { min: 128, max: 10240 } } },
    [`${NS}Ratio`]: { type: 'double', traits: { 'smithy.api#range': { min: 2, max: 3 } } },
    [`${NS}Mode`]: { type: 'enum', members: { ACTIVE: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'Active' } } } },
    [`${NS}Legacy`]: { type: 'string', traits: { 'smithy.api#enum': [{ value: 'old' }, { value: 'older' }] } },
    [`${NS}Tags`]: { type: 'map', key: { target: `${NS}TagKey` }, value: { target: 'smithy.api#String' }, traits: { 'smithy.api#length': { min: 2 } } },
    [`${NS}TagKey`]: { type: 'string', traits: { 'smithy.api#pattern': '^[a-z]+$' } },
    [`${NS}Items`]: { type: 'list', member: { target: `${NS}Nested` }, traits: { 'smithy.api#length': { min: 2, max: 5 } } },
    [`${NS}Choice`]: { type: 'union', members: { Text: { target: 'smithy.api#String' }, Number: { target: 'smithy.api#Integer' } } },
    [`${NS}Nested`]: { type: 'structure', members: { Deep: { target: `${NS}Name`, traits: { 'smithy.api#required': {} } }, Again: { target: `${NS}Nested` } } },
  },
};

describe('sample values', () => {
  const sample = sampleStructure(model, `${NS}Input`, [], { maxDepth: 2 });

  const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:my-function';
  it.each([
    { given: { pattern: '^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?$' }, want: ARN },
    { given: { pattern: '^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$', minLength: 3 }, want: 'my-function' },
    { given: { pattern: '^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$', maxLength: 2 }, want: 'a' },
    { given: { pattern: '^\\d{12}$' }, want: '000000000000' },
    { given: { pattern: '^\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+$', maxLength: 10 }, want: 'a' },
    { given: { pattern: '^[0-9A-Za-z\\.\\-_]*(?<!\\.)$', maxLength: 3 }, want: '' },
    { given: { pattern: '^o-[a-z0-9]{10,32}$' }, want: 'o-aaaaaaaaaa' },
    { given: {}, want: ARN },
    { given: { maxLength: 20 }, want: 'my-function:PROD' },
    { given: { pattern: '^[^:]+$' }, want: 'example value/1' },
    { given: { minLength: 2, maxLength: 2 }, want: 'aa' },
  ])('a string for $given is $want', ({ given, want }) => {
    expect(sampleString(given)).toBe(want);
  });

  it('fills every member at any depth with values that satisfy every constraint', () => {
    expect(violations(model, { target: `${NS}Input` }, sample)).toEqual([]);
    expect(sample).toMatchObject({
      Name: 'my-function', Arn: 'arn:aws:lambda:aa-a-0:000000000000:function:a', Size: 5184, Big: 5_000_000_000, Ratio: 2.5, Mode: 'Active', Legacy: 'old',
      When: SAMPLE_DATE, Data: new TextEncoder().encode('{"sample":true}'), Tags: { a: ARN, ab: ARN }, Choice: { Text: ARN },
    });
    expect((sample.Items as unknown[]).length).toBe(2);
    expect(sample.Nested).toMatchObject({ Deep: 'my-function', Again: { Deep: 'my-function' } });
  });

  it('the checker finds what a value breaks, with its path', () => {
    const broken = { ...sample, Size: 1, Mode: 'Off', Items: [{ Deep: '1' }], Tags: { A: 'x' } };
    expect(violations(model, { target: `${NS}Input` }, broken)).toEqual([
      'Size: 1 outside {"min":128,"max":10240}',
      'Mode: "Off" is not one of the enum values',
      'Tags: length 1 outside {"min":2}',
      'Tags{key A}: "A" does not match ^[a-z]+$',
      'Items: length 1 outside {"min":2,"max":5}',
      'Items[0].Deep: length 1 outside {"min":3,"max":64}',
      'Items[0].Deep: "1" does not match ^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$',
    ]);
  });

  it('an invalid input breaks one body or query member, not a label', () => {
    const invalid = invalidInput(model, `${NS}Input`, sample)!;
    expect(invalid.broken).toBe('Size: 10241, above the maximum 10240');
    expect(violations(model, { target: `${NS}Input` }, invalid.input)).toEqual(['Size: 10241 outside {"min":128,"max":10240}']);
  });
});

describe.skipIf(!hasLambdaModel)(`sample values for every Lambda operation (${hasLambdaModel ? '../shared/fixtures/smithy/lambda.json' : SKIP_REASON})`, () => {
  const lambda = hasLambdaModel ? (JSON.parse(readFileSync(LAMBDA_JSON, 'utf8')) as SmithyModel & { shapes: Record<string, any> }) : { shapes: {} };
  const ids = (name: string) => {
    const op = lambda.shapes[Object.keys(lambda.shapes).find((k) => k.endsWith(`#${name}`))!];
    return [op.input?.target, op.output?.target, ...(op.errors ?? []).map((e: { target: string }) => e.target)].filter(Boolean) as string[];
  };

  it('inputs, outputs and errors of all 85 operations satisfy their constraints, and each invalid input breaks exactly one constraint of the member it names', () => {
    const names = operationNames(lambda);
    expect(names).toHaveLength(85);
    const problems: string[] = [];
    let invalids = 0;
    for (const name of names) {
      for (const id of ids(name)) problems.push(...violations(lambda, { target: id }, sampleStructure(lambda, id)).map((v) => `${id} ${v}`));
      const [inputId] = ids(name);
      const invalid = invalidInput(lambda, inputId!, sampleStructure(lambda, inputId!));
      if (!invalid) continue;
      invalids++;
      const member = invalid.broken.replace(/:.*$/, '');
      const broken = violations(lambda, { target: inputId! }, invalid.input);
      if (broken.length !== 1 || !broken[0]!.startsWith(`${member}:`)) problems.push(`${name}: ${invalid.broken} gives ${JSON.stringify(broken)}`);
    }
    expect(problems).toEqual([]);
    // Three operations have no constrained input member (GetAccountSettings has no input; two take one unconstrained label).
    expect(invalids).toBe(82);
  });
});
