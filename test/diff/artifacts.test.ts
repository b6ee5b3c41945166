// Suspected documentation artifacts: a capture that lost a `+` (as capture 003 did against 004).

import { describe, expect, it } from 'vitest';
import { escapeOnlyDifference, formattingOnlyDifference, quantifierOnlyDifference } from '../../codegen/diff/artifacts.js';
import { diffModels } from '../../codegen/diff/diff.js';
import { normalizeModel } from '../../codegen/diff/load.js';
import { realRevision } from './helpers.js';

describe('artifact detection on text', () => {
  it('spots quantifiers lost or gained, and nothing else', () => {
    expect(quantifierOnlyDifference('([a-zA-Z0-9-_]+)', '([a-zA-Z0-9-_])')).toEqual({ extra: ['+'], side: 'a' });
    expect(quantifierOnlyDifference('a[b]', 'a+[b]*')).toEqual({ extra: ['+', '*'], side: 'b' });
    expect(quantifierOnlyDifference('a\\+', 'a\\')).toBeUndefined();
    expect(quantifierOnlyDifference('a+', 'b')).toBeUndefined();
    expect(quantifierOnlyDifference('a+', 'a+')).toBeUndefined();
  });

  it('spots stray escaping and backticks', () => {
    expect(escapeOnlyDifference('a\\.b', 'a.b')).toBe(true);
    expect(escapeOnlyDifference('a.b', 'a.c')).toBe(false);
    expect(formattingOnlyDifference('Use `lambda:*` here.', 'Use lambda:\\* here.')).toBe(true);
    expect(formattingOnlyDifference('Use it.', 'Use them.')).toBe(false);
  });
});

describe('a capture that lost a single `+`', () => {
  // 2020 as capture 004 has it, against the same page as capture 003 would give it: StatementId without its `+`.
  const damaged = structuredClone(realRevision('2020').document) as any;
  const statementId = damaged.components.schemas.AddPermissionRequest.properties.StatementId;
  statementId.pattern = '^(?:([a-zA-Z0-9-_]))$';
  statementId['x-documented-pattern'] = '([a-zA-Z0-9-_])';
  const result = diffModels(realRevision('2020'), normalizeModel(damaged, '2020-capture-003.yaml'));

  it('is flagged as a suspected artifact, with the reason, instead of a breaking narrowing', () => {
    expect(result.findings.map((f) => f.id)).toEqual(['artifact-pattern-quantifier']);
    const [f] = result.findings;
    expect(f.level).toBe('artifact');
    expect(f.message).toBe('AddPermission: pattern of `StatementId` (body member) lost 1 `+`: `([a-zA-Z0-9-_]+)` → `([a-zA-Z0-9-_])`');
    expect(f.why).toMatch(/scrapers are known to drop/);
    expect(f.ifReal).toEqual({ id: 'pattern-narrowed', level: 'breaking' });
    expect(f.examples?.[0]).toEqual({ value: 'aa', acceptedBy: 'old', kind: 'shortest' });
    // The bump comes from the generated client's declarations: the pattern printed in StatementId's doc comment changes, a patch.
    expect(result.summary).toMatchObject({ breaking: 0, artifact: 1, semver: 'patch' });
  });

  it('works the other way round (the repaired capture gained the `+`)', () => {
    const back = diffModels(normalizeModel(damaged, '2020-capture-003.yaml'), realRevision('2020'));
    expect(back.findings.map((f) => [f.id, f.ifReal?.id])).toEqual([['artifact-pattern-quantifier', 'pattern-widened']]);
    expect(back.findings[0].message).toContain('gained 1 `+`');
  });
});

describe('documentation that differs only by escaping or backticks', () => {
  it('is a suspected artifact, not a documentation change', async () => {
    const { diffEdited, prop } = await import('./helpers.js');
    const result = diffEdited((d) => (prop(d, 'Label').description = 'Use lowercase letters.'));
    expect(result.findings.map((f) => [f.id, f.level])).toEqual([['artifact-stray-escaping', 'artifact']]);
    expect(result.findings[0]).toMatchObject({ before: 'Use `lowercase` letters.', after: 'Use lowercase letters.', ifReal: { id: 'documentation-changed' } });
  });
});
