// Damage recovery: stripped quantifiers (003), stripped member and error names (001).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differences, structure } from './structure.js';
import { capture, committed, fixtures, hasShared, importCapture, sharedSmithy, undeterminedKeys } from './helpers.js';

const PATH = '/2015-03-31/functions/{FunctionName}/policy';
const DAMAGED = ['Action', 'EventSourceToken', 'FunctionName', 'Qualifier', 'SourceArn', 'StatementId'];
const permission2020 = join(fixtures, 'permission-2020.smithy.json');

function documentedPatterns(doc: any): Record<string, string> {
  const op = doc.paths[PATH].post;
  const out: Record<string, string> = {};
  for (const p of op.parameters) if (p.schema['x-documented-pattern']) out[p.name] = p.schema['x-documented-pattern'];
  for (const [n, s] of Object.entries<any>(doc.components.schemas.AddPermissionRequest.properties)) {
    if (s['x-documented-pattern']) out[n] = s['x-documented-pattern'];
  }
  return out;
}

describe('003: patterns that lost their quantifiers', () => {
  it('alone, flags every pattern that could have lost a `+` and keeps it as printed', () => {
    const r = importCapture('003', { base: '2025' });
    expect(undeterminedKeys(r)).toEqual(DAMAGED.map((m) => `member ${m}: pattern`));
    for (const u of r.undetermined) {
      expect(u.reason).toMatch(/lost their quantifiers/);
      expect(u.reason).toMatch(/matches at most 1 character but the page allows up to/);
      expect(u.assumed).toMatch(/as printed$/);
    }
    // The document says so too, and differs from 2020 in exactly those patterns.
    expect(r.parsed.info['x-revision']['x-undetermined'].map((x: any) => x.subject).sort()).toEqual(DAMAGED.map((m) => `member ${m}`));
    const diff = differences(structure(r.parsed), structure(committed('2020')));
    const members = [...new Set(diff.map((d) => d.split('.')[3]))].sort();
    expect(members).toEqual(DAMAGED);
    expect(diff.every((d) => /\.(pattern|x-documented-pattern):/.test(d))).toBe(true);
    // Patterns that cannot have lost one are not flagged.
    expect(documentedPatterns(r.parsed).Principal).toBe('.*');
    expect(documentedPatterns(r.parsed).SourceAccount).toBe('\\d{12}');
  });

  it('with --evidence 004 (the same revision), repairs them from the evidence and records the repair', () => {
    const r = importCapture('003', { base: '2025', evidence: ['004'] });
    expect(r.undetermined).toEqual([]);
    expect(documentedPatterns(r.parsed)).toEqual(documentedPatterns(committed('2020')));
    const repair = r.revision.repairs.find((x) => x.includes('stripped every `+`'));
    expect(repair).toContain('004_c4767a7f3ce6f2dd.txt');
    expect(repair).toContain('StatementId `([a-zA-Z0-9-_])` → `([a-zA-Z0-9-_]+)`');
  });

  it('with --smithy (a hand-written 2020 model), repairs them and takes member order and error casing from the model', () => {
    const r = importCapture('003', { smithy: permission2020 });
    expect(documentedPatterns(r.parsed)).toEqual(documentedPatterns(committed('2020')));
    expect(undeterminedKeys(r)).toEqual(['document: validation error']);
    const diff = differences(structure(r.parsed), structure(committed('2020')));
    // Only the validation error, which no page and no model states, is missing.
    expect(diff.map((d) => d.split(':')[0]).sort()).toEqual(['errors.ValidationException', 'service.validationError']);
  });

  it('is not flagged on an undamaged page (004, 000, 001)', () => {
    for (const c of ['004', '000', '001'] as const) {
      const r = importCapture(c, { base: '2025' });
      expect(r.undetermined.filter((u) => u.fact === 'pattern')).toEqual([]);
    }
  });

  it.skipIf(!hasShared)('with AWS\'s current Smithy model as evidence, repairs only what it shows unchanged (skipped where ../shared/fixtures/smithy/lambda.json is absent)', () => {
    const r = importCapture('003', { base: '2025', smithy: sharedSmithy });
    // FunctionName and Qualifier changed since 2020: the model is no evidence for their old text.
    expect(undeterminedKeys(r)).toEqual(['member FunctionName: pattern', 'member Qualifier: pattern']);
    expect(r.undetermined[0].reason).toMatch(/differs by more than the stripped `\+`/);
    const p = documentedPatterns(r.parsed);
    expect(p.StatementId).toBe('([a-zA-Z0-9-_]+)');
    expect(p.Action).toBe('(lambda:[*]|lambda:[a-zA-Z]+|[*])');
  });
});

describe('001: member and error names stripped', () => {
  it('recovers member names from the Request Syntax block without any other source', () => {
    const r = importCapture('001');
    const op = r.parsed.paths[PATH].post;
    expect(op.parameters.map((p: any) => [p.name, p.in])).toEqual([['FunctionName', 'path'], ['Qualifier', 'query']]);
    expect(Object.keys(r.parsed.components.schemas.AddPermissionRequest.properties).sort()).toEqual(
      ['Action', 'EventSourceToken', 'FunctionUrlAuthType', 'Principal', 'PrincipalOrgID', 'RevisionId', 'SourceAccount', 'SourceArn', 'StatementId'],
    );
    expect(r.revision.repairs[0]).toMatch(/^Member names recovered from the Request Syntax block/);
  });

  it('without a source of error names, names the errors as placeholders and lists each one', () => {
    const r = importCapture('001');
    const names = r.undetermined.filter((u) => u.fact === 'name');
    expect(names.map((u) => u.assumed)).toEqual([
      'UnnamedError400At1', 'UnnamedError400At2', 'UnnamedError412At3', 'UnnamedError409At4',
      'UnnamedError404At5', 'UnnamedError500At6', 'UnnamedError429At7',
    ]);
  });

  it('recovers error names from another capture\'s list (--evidence 004), checked against each status', () => {
    const r = importCapture('001', { evidence: ['004'] });
    expect(r.undetermined.filter((u) => u.fact === 'name')).toEqual([]);
    expect(r.parsed.paths[PATH].post['x-errors']).toEqual(committed('2022').paths[PATH].post['x-errors']);
    expect(r.revision.repairs.join()).toMatch(/Error names recovered from the alphabetical order of the error list .* \(400, 400, 412, 409, 404, 500, 429\)/);
  });

  it('recovers names when the page lost an error: the descriptions decide between the two 400s', () => {
    const text = capture('001').replace(/\n\nThe permissions policy for the resource is too large\. For more information, see Lambda quotas\.\n\nHTTP Status Code: 400\n/, '\n');
    expect(text).not.toBe(capture('001'));
    const r = importCapture('001', { base: '2022' }, text);
    expect(r.parsed.paths[PATH].post['x-errors']).toEqual([
      'InvalidParameterValueException', 'PreconditionFailedException', 'ResourceConflictException',
      'ResourceNotFoundException', 'ServiceException', 'TooManyRequestsException',
    ]);
    expect(r.undetermined).toEqual([]);
  });

  it('does not invent a name for an error no source knows', () => {
    const text = capture('001').replace(
      /(HTTP Status Code: 409\n)/,
      '$1\n\nThe function is being updated; try again later.\n\nHTTP Status Code: 409\n',
    );
    const r = importCapture('001', { base: '2022' }, text);
    const unknown = r.undetermined.filter((u) => u.fact === 'name');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toEqual(expect.objectContaining({ subject: 'error entry 5 (HTTP 409)', assumed: 'UnnamedError409At5' }));
    expect(unknown[0].reason).toMatch(/a new error\?/);
    // The others are still recovered.
    expect(r.parsed.paths[PATH].post['x-errors']).toContain('ResourceNotFoundException');
  });

  it('refuses to assign member names when the syntax block and the sections disagree in number', () => {
    const text = capture('001').replace('"RevisionId": "string", ', '');
    const r = importCapture('001', { base: '2022' }, text);
    expect(r.undetermined.filter((u) => u.fact === 'name' && u.subject.startsWith('request body entry'))).toHaveLength(9);
  });
});
