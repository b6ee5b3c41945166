// Every rule fires on a small hand-made pair and stays quiet on identical pairs.

import { describe, expect, it } from 'vitest';
import { DiffContext } from '../../codegen/diff/context.js';
import { diffModels } from '../../codegen/diff/diff.js';
import { RULES } from '../../codegen/diff/rules/index.js';
import { CATALOG } from '../../codegen/diff/catalog.js';
import type { Finding } from '../../codegen/diff/findings.js';
import { baseDoc, diffEdited, model, operation, prop, requestSchema, type Doc } from './helpers.js';

interface Case {
  /** What the edit does, for the test name. */
  edit: string;
  apply: (doc: Doc) => void;
  /** Text the finding's message must contain. */
  says: string | RegExp;
  check?: (finding: Finding) => void;
}

const CASES: Record<string, Case> = {
  'service-name-changed': { edit: 'retitle the service', apply: (d) => (d.info.title = 'Amazon Gadgets'), says: 'Amazon Gadgets' },
  'operation-added': {
    edit: 'add DeleteWidget',
    apply: (d) => (d.paths['/widgets/{WidgetName}'].delete = { operationId: 'DeleteWidget', responses: { '204': { description: 'Deleted.' } } }),
    says: 'DeleteWidget',
    check: (f) => expect(f.impact).toEqual({ typescript: expect.stringContaining('`DeleteWidgetCommand`'), bump: 'minor', declaration: 'DeleteWidgetCommand' }),
  },
  'operation-removed': { edit: 'remove GetWidget', apply: (d) => delete d.paths['/widgets/{WidgetName}/describe'], says: 'GetWidget', check: (f) => expect(f.impact.bump).toBe('major') },
  'operation-path-changed': {
    edit: 'move GetWidget',
    apply: (d) => {
      d.paths['/widgets/{WidgetName}/info'] = d.paths['/widgets/{WidgetName}/describe'];
      delete d.paths['/widgets/{WidgetName}/describe'];
    },
    says: '/widgets/{WidgetName}/info',
  },
  'operation-method-changed': {
    edit: 'GET → POST',
    apply: (d) => {
      const item = d.paths['/widgets/{WidgetName}/describe'];
      item.post = item.get;
      delete item.get;
    },
    says: 'from GET to POST',
  },
  'success-status-changed': {
    edit: '201 → 200',
    apply: (d) => {
      const responses = operation(d).responses;
      responses['200'] = responses['201'];
      delete responses['201'];
    },
    says: 'now succeeds with 200 instead of 201',
  },
  'request-member-added-required': {
    edit: 'add required Size',
    apply: (d) => {
      requestSchema(d).properties.Size = { type: 'number' };
      requestSchema(d).required.push('Size');
    },
    says: '`Size`',
    check: (f) => expect(f.impact).toEqual({ typescript: 'new required member `Size: number` on `CreateWidgetCommandInput`', bump: 'major', declaration: 'CreateWidgetRequest.Size' }),
  },
  'request-member-added-optional': {
    edit: 'add optional Shiny',
    apply: (d) => (requestSchema(d).properties.Shiny = { type: 'boolean' }),
    says: '`Shiny`',
    check: (f) => expect(f.impact).toEqual({ typescript: 'new optional member `Shiny?: boolean | undefined` on `CreateWidgetCommandInput`', bump: 'minor', declaration: 'CreateWidgetRequest.Shiny' }),
  },
  'request-member-removed': { edit: 'remove Notes', apply: (d) => delete requestSchema(d).properties.Notes, says: '`Notes`', check: (f) => expect(f.side).toBe('old') },
  'request-member-became-required': { edit: 'require Notes', apply: (d) => requestSchema(d).required.push('Notes'), says: '`Notes` (body member) is now required' },
  'request-member-became-optional': { edit: 'make Label optional', apply: (d) => (requestSchema(d).required = []), says: '`Label` (body member) is now optional' },
  'request-member-type-changed': {
    edit: 'Count integer → string',
    apply: (d) => (prop(d, 'Count').type = 'string'),
    says: 'from integer to string',
    check: (f) => expect(f.impact.typescript).toContain('from `number` to `string`'),
  },
  'request-member-moved': { edit: 'Version query → header', apply: (d) => (operation(d).parameters[1].in = 'header'), says: 'from query parameter to header' },
  'member-order-changed': { edit: 'swap Label and Color', apply: (d) => (operation(d)['x-member-order'] = ['WidgetName', 'Version', 'Color', 'Label', 'Count', 'Notes', 'Code', 'Tag', 'Dotted']), says: 'member order changed' },
  'pattern-added': {
    edit: 'Notes gains [a-z]*',
    apply: (d) => (prop(d, 'Notes').pattern = '^(?:[a-z]*)$'),
    says: 'gained a pattern',
    check: (f) => expect(f.examples?.[0]).toEqual({ value: '0', acceptedBy: 'old', kind: 'shortest' }),
  },
  'pattern-removed': { edit: 'Label loses its pattern', apply: (d) => delete prop(d, 'Label').pattern, says: 'lost its pattern' },
  'pattern-widened': {
    edit: '[a-z]+ → [a-z0-9]+',
    apply: (d) => (prop(d, 'Label').pattern = '^(?:[a-z0-9]+)$'),
    says: 'pattern widened',
    check: (f) => expect(f.examples?.[0]).toEqual({ value: '0', acceptedBy: 'new', kind: 'shortest' }),
  },
  'pattern-narrowed': {
    edit: '[a-z]+ → [a-c]+',
    apply: (d) => (prop(d, 'Label').pattern = '^(?:[a-c]+)$'),
    says: 'pattern narrowed',
    check: (f) => expect(f.examples?.[0]).toEqual({ value: 'd', acceptedBy: 'old', kind: 'shortest' }),
  },
  'pattern-equivalent': { edit: '[a-z]+ → [a-z][a-z]*', apply: (d) => (prop(d, 'Label').pattern = '^[a-z][a-z]*$'), says: 'accepting the same values' },
  'pattern-incomparable': {
    edit: '[a-z]+ → [b-z0-9]+',
    apply: (d) => (prop(d, 'Label').pattern = '^(?:[b-z0-9]+)$'),
    says: 'each revision accepts values the other rejects',
    check: (f) => expect(f.examples?.filter((e) => e.kind === 'shortest').map((e) => [e.value, e.acceptedBy])).toEqual([['a', 'old'], ['0', 'new']]),
  },
  'pattern-undecidable': {
    edit: 'backreference',
    apply: (d) => (prop(d, 'Label').pattern = '^(?:([a-z]+)-\\1)$'),
    says: 'cannot be decided',
    check: (f) => expect(f.why).toContain('backreference'),
  },
  'length-bound-added': {
    edit: 'Notes gains maxLength 10',
    apply: (d) => (prop(d, 'Notes').maxLength = 10),
    says: 'maxLength of `Notes` (body member) added: none → 10',
    check: (f) => expect(f.examples?.[0]).toEqual({ value: 'aaaaaaaaaaa', acceptedBy: 'old', kind: 'shortest' }),
  },
  'length-bound-removed': { edit: 'Label loses maxLength', apply: (d) => delete prop(d, 'Label').maxLength, says: 'maxLength of `Label` (body member) removed: 20 → none' },
  'length-bound-tightened': { edit: 'Label maxLength 20 → 10', apply: (d) => (prop(d, 'Label').maxLength = 10), says: 'tightened: 20 → 10' },
  'length-bound-relaxed': { edit: 'Label maxLength 20 → 30', apply: (d) => (prop(d, 'Label').maxLength = 30), says: 'relaxed: 20 → 30' },
  'length-bound-equivalent': { edit: '\\d{4} gains maxLength 4', apply: (d) => (prop(d, 'Code').maxLength = 4), says: 'without changing the accepted values' },
  'accepted-values-narrowed': {
    edit: 'Tag a* → b* with maxLength 0',
    apply: (d) => Object.assign(prop(d, 'Tag'), { pattern: '^(?:b*)$', maxLength: 0 }),
    says: 'accepts fewer values',
    check: (f) => expect(f.examples?.[0]).toEqual({ value: 'a', acceptedBy: 'old', kind: 'shortest' }),
  },
  'enum-value-added': {
    edit: 'Color gains GREEN',
    apply: (d) => prop(d, 'Color').enum.push('GREEN'),
    says: '`GREEN`',
    check: (f) => expect(f.impact).toEqual({ typescript: 'union widened on `CreateWidgetCommandInput.Color` (`Color`): `"RED" | "BLUE"` → `"RED" | "BLUE" | "GREEN"`', bump: 'minor', declaration: 'Color' }),
  },
  'enum-value-removed': {
    edit: 'Color loses BLUE',
    apply: (d) => (prop(d, 'Color').enum = ['RED']),
    says: '`BLUE`',
    check: (f) => expect(f.impact.bump).toBe('major'),
  },
  'enum-constraint-added': { edit: 'Notes limited to an enum', apply: (d) => (prop(d, 'Notes').enum = ['A', 'B']), says: 'is now limited to `A`, `B`' },
  'enum-constraint-removed': { edit: 'Color loses its enum', apply: (d) => delete prop(d, 'Color').enum, says: 'no longer limited to an enum' },
  'response-member-added': {
    edit: 'response gains Size',
    apply: (d) => (d.components.schemas.CreateWidgetResponse.properties.Size = { type: 'integer' }),
    says: '`Size`',
    check: (f) => expect(f.impact.typescript).toBe('new optional member `Size?: number | undefined` on `CreateWidgetCommandOutput`'),
  },
  'response-member-removed': { edit: 'response loses Etag', apply: (d) => delete d.components.schemas.CreateWidgetResponse.properties.Etag, says: '`Etag`' },
  'response-member-type-changed': { edit: 'Widget string → object', apply: (d) => (d.components.schemas.CreateWidgetResponse.properties.Widget.type = 'object'), says: 'from string to object' },
  'error-added': {
    edit: 'add ConflictException',
    apply: (d) => {
      d.components.schemas.ConflictException = { type: 'object', 'x-error': { status: 409, fault: 'client' }, properties: { message: { type: 'string' } } };
      operation(d)['x-errors'].push('ConflictException');
    },
    says: 'new error ConflictException (409)',
    check: (f) => expect(f.impact).toEqual({ typescript: 'new exception class `ConflictException` extending `WidgetsServiceException`', bump: 'minor', declaration: 'ConflictException' }),
  },
  'error-removed': {
    edit: 'CreateWidget no longer lists WidgetNotFoundException',
    apply: (d) => (operation(d)['x-errors'] = ['InvalidInputException']),
    says: 'WidgetNotFoundException is no longer listed',
    // GetWidget still lists it, so the class stays.
    check: (f) => expect(f.impact.bump).toBe('patch'),
  },
  'error-status-changed': { edit: 'InvalidInputException 400 → 422', apply: (d) => (d.components.schemas.InvalidInputException['x-error'].status = 422), says: 'status 422 instead of 400' },
  'error-member-added': { edit: 'InvalidInputException gains Reason', apply: (d) => (d.components.schemas.InvalidInputException.properties.Reason = { type: 'string' }), says: '`Reason`' },
  'error-member-removed': { edit: 'WidgetNotFoundException loses Type', apply: (d) => delete d.components.schemas.WidgetNotFoundException.properties.Type, says: '`Type`' },
  'documentation-changed': {
    edit: 'reword Notes',
    apply: (d) => (prop(d, 'Notes').description = 'Free-form notes.'),
    says: 'description of CreateWidget input Notes changed',
    check: (f) => expect([f.before, f.after]).toEqual(['Free text.', 'Free-form notes.']),
  },
  'documented-pattern-changed': { edit: 'reprint Label pattern', apply: (d) => (prop(d, 'Label')['x-documented-pattern'] = '^[a-z]+$'), says: 'documented pattern of `Label`' },
  'constraints-carried-over': {
    edit: 'mark Label carried over',
    apply: (d) => (prop(d, 'Label')['x-carried-over'] = 'base'),
    says: 'carried over from revision base: CreateWidget input Label',
  },
  'artifact-pattern-quantifier': {
    edit: 'Label loses its +',
    apply: (d) => (prop(d, 'Label').pattern = '^(?:[a-z])$'),
    says: 'lost 1 `+`',
    check: (f) => expect(f.ifReal).toEqual({ id: 'pattern-narrowed', level: 'breaking' }),
  },
  'artifact-stray-escaping': {
    edit: 'Dotted loses its backslash',
    apply: (d) => (prop(d, 'Dotted').pattern = '^(?:a.b)$'),
    says: 'differs only by backslashes',
    check: (f) => expect(f.ifReal).toEqual({ id: 'pattern-widened', level: 'info' }),
  },
  'artifact-uri-parameter-required': {
    edit: 'Version suddenly required',
    apply: (d) => (operation(d).parameters[1].required = true),
    says: '`Version` (query parameter) is suddenly marked required',
    check: (f) => expect(f.ifReal).toEqual({ id: 'request-member-became-required', level: 'breaking' }),
  },
};

describe('rules', () => {
  it('has a hand-made case for every rule, and no case without a rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('has unique rule ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('has exactly one rule per catalog entry, in the catalog\'s order, with the catalog\'s level, title and why', () => {
    expect(RULES.map((r) => r.id)).toEqual(Object.keys(CATALOG));
    for (const rule of RULES) expect({ level: rule.level, title: rule.title, why: rule.why }).toEqual(CATALOG[rule.id as keyof typeof CATALOG]);
  });

  for (const rule of RULES) {
    const c = CASES[rule.id];
    if (!c) continue;
    describe(rule.id, () => {
      it(`fires (${rule.level}) when: ${c.edit}`, () => {
        const result = diffEdited(c.apply);
        const found = result.findings.filter((f) => f.id === rule.id);
        expect(found, JSON.stringify(result.findings.map((f) => [f.id, f.message]), null, 1)).toHaveLength(1);
        const [finding] = found;
        expect(finding.level).toBe(rule.level);
        expect(finding.location).toMatch(/^\//);
        expect(finding.message).toMatch(c.says);
        expect(finding.message).not.toContain('\n');
        expect(finding.why.length).toBeGreaterThan(10);
        c.check?.(finding);
      });

      it('stays quiet on an identical pair', () => {
        const edited = baseDoc();
        c.apply(edited);
        for (const doc of [baseDoc(), edited]) {
          expect(rule.check(new DiffContext(model(doc, 'a.yaml'), model(doc, 'b.yaml')))).toEqual([]);
        }
      });
    });
  }

  it('states the TypeScript impact from the model, and says why, where no client can be generated', () => {
    const result = diffEdited((d) => (requestSchema(d).properties.Shiny = { type: 'boolean' }));
    expect(result.summary).toMatchObject({
      semver: 'minor',
      semverFrom: 'model',
      surfaceUnavailable: 'no client can be generated from base: base.yaml: no 404 response for WidgetNotFoundException at /paths/~1widgets~1{WidgetName}~1describe/get/responses',
    });
  });

  it('reports nothing at all for the base model against itself', () => {
    expect(diffModels(model(baseDoc(), 'a.yaml'), model(baseDoc(), 'b.yaml')).findings).toEqual([]);
  });

  it('removing an error no operation lists any more removes its exception class (major)', () => {
    const result = diffEdited((d) => {
      operation(d)['x-errors'] = ['InvalidInputException'];
      d.paths['/widgets/{WidgetName}/describe'].get['x-errors'] = [];
    });
    const removed = result.findings.filter((f) => f.id === 'error-removed');
    expect(removed.map((f) => f.impact)).toEqual([
      { typescript: 'exception class `WidgetNotFoundException` removed', bump: 'major', declaration: 'WidgetNotFoundException' },
      { typescript: 'exception class `WidgetNotFoundException` removed', bump: 'major', declaration: 'WidgetNotFoundException' },
    ]);
  });

  it('a suspected artifact replaces the breaking finding it explains', () => {
    const result = diffEdited((d) => (prop(d, 'Label').pattern = '^(?:[a-z])$'));
    expect(result.findings.map((f) => f.id)).not.toContain('pattern-narrowed');
    expect(result.summary.breaking).toBe(0);
    const uri = diffEdited((d) => (operation(d).parameters[1].required = true));
    expect(uri.findings.map((f) => f.id)).not.toContain('request-member-became-required');
  });
});
