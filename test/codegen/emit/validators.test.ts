// The validators emitter: straight-line checks per member, names from the symbol table.
// Mirrors codegen/emit/validators/.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitModels } from '../../../codegen/emit/client/models.js';
import { enumNames } from '../../../codegen/emit/client/names.js';
import { emitValidators } from '../../../codegen/emit/validators/index.js';
import { emitOperationValidator } from '../../../codegen/emit/validators/operation.js';
import { HEADER, thingModel, view } from './helpers.js';
import { typeErrors } from './typecheck.js';

describe('validators/<Op>.ts', () => {
  const model = view(thingModel({ properties: { ItemId: { type: 'string', maxLength: 4 }, 'item-id': { type: 'string', maxLength: 5 }, class: { type: 'string', enum: ['A'] }, constructor: { type: 'integer' } }, required: ['ItemId'] }));
  const text = emitOperationValidator(model.operations[0], model.symbols, HEADER).content;

  it.each([
    { name: 'members whose constants collide (ItemId, item-id) get distinct ones', want: "const ITEM_ID_TOO_LONG = tooLong('ItemId', 'itemId', 4);\nconst ITEM_ID_2_WRONG_TYPE = wrongType('item-id', 'item-id', 'string');" },
    { name: 'a reserved word gets a local of its own', want: 'const classValue = members.class;' },
    { name: 'a required member is checked for presence first', want: "if (itemId === undefined || itemId === null) {\n    (violations ??= []).push(violated(ITEM_ID_MISSING, undefined));" },
    { name: 'lengths count code points only near the bound', want: 'if (item_id.length > 5 && codePointLength(item_id) > 5)' },
    { name: 'enums compare against each value', want: "if (classValue !== 'A') (violations ??= []).push(violated(CLASS_NOT_IN_ENUM, classValue));" },
    { name: 'integers are checked as integers', want: "const CONSTRUCTOR_WRONG_TYPE = wrongType('constructor', 'constructor', 'integer');" },
  ])('$name', ({ want }) => {
    expect(text).toContain(want);
  });

  it('type-checks under strict settings together with the models, for names that used not to (TS2451, TS1389)', () => {
    const violations = { path: 'validators/violations.ts', content: readFileSync(new URL('../../../codegen/emit/validators/runtime/violations.ts', import.meta.url), 'utf8') };
    const files = [...emitValidators(model).filter((f) => f.path !== 'validators/violations.ts'), violations, emitModels(model, enumNames(model), HEADER)];
    expect(typeErrors(files)).toEqual([]);
  });
});
