// The rules apply at any depth: a member nested in a structure inside a list is diffed like a
// top-level one and reported with its path.

import { describe, expect, it } from 'vitest';
import type { DiffResult } from '../../codegen/diff/diff.js';
import { diffModels } from '../../codegen/diff/diff.js';
import { baseDoc, model, requestSchema, type Doc } from './helpers.js';

/** The base model with a `Parts` list of structures, against a copy changed by `edit`. */
function diffNested(edit: (parts: Doc) => void): DiffResult {
  const withParts = () => {
    const doc = baseDoc();
    requestSchema(doc).properties.Parts = {
      type: 'array',
      items: { type: 'object', required: ['Id'], properties: { Id: { type: 'string', pattern: '^[a-z]+$' }, Size: { type: 'integer' }, Labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 5 } } } },
    };
    return doc;
  };
  const changed = withParts();
  edit(requestSchema(changed).properties.Parts.items);
  return diffModels(model(withParts(), 'base.yaml'), model(changed, 'changed.yaml'));
}

const brief = (result: DiffResult) => result.findings.map((f) => `${f.id} ${f.location}: ${f.message}`);

describe('rules at any depth', () => {
  it('finds a pattern narrowed on a member of a structure inside a list, with its path', () => {
    const result = diffNested((item) => (item.properties.Id.pattern = '^[a-c]+$'));
    expect(brief(result)).toEqual([
      'pattern-narrowed /components/schemas/CreateWidgetRequest/properties/Parts/items/properties/Id: CreateWidget: `Parts[].Id` (body member) pattern narrowed: `^[a-z]+$` → `^[a-c]+$`',
    ]);
    expect(result.findings[0].impact.typescript).toMatch(/^no type change \(`string`\)/);
  });

  it('finds a length bound tightened on the values of a map inside a list', () => {
    const result = diffNested((item) => (item.properties.Labels.additionalProperties.maxLength = 3));
    expect(brief(result)).toEqual([
      'length-bound-tightened /components/schemas/CreateWidgetRequest/properties/Parts/items/properties/Labels/additionalProperties/maxLength: CreateWidget: maxLength of `Parts[].Labels{}` (body member) tightened: 5 → 3',
    ]);
  });

  it('reports a nested member that became required, and a new nested member once, where it starts', () => {
    const result = diffNested((item) => {
      item.required.push('Size');
      item.properties.Color = { type: 'object', properties: { Name: { type: 'string' } } };
    });
    expect(result.findings.map((f) => [f.id, f.message])).toEqual([
      ['request-member-became-required', 'CreateWidget: request member `Parts[].Size` (body member) is now required'],
      ['request-member-added-optional', 'CreateWidget: new optional request member `Parts[].Color` (body member)'],
    ]);
  });

  it('names the nested member\'s TypeScript type in the impact', () => {
    const result = diffNested((item) => (item.properties.Size = { type: 'string' }));
    expect(result.findings.map((f) => f.impact.typescript)).toEqual(['`Parts[].Size` on `CreateWidgetCommandInput` changes from `number` to `string`']);
  });
});
