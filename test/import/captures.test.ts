// Importing each seed capture reproduces its committed revision document.
//
// Compared structurally (test/import/structure.ts): operation, path, method, members, bindings,
// required, types, lengths, both patterns, enums, errors and statuses, error body members and
// casing, x-member-order, x-carried-over. Documentation is compared after normalisation
// (Markdown markup, dashes, whitespace, spacing before punctuation); what still differs is
// wording, listed below per capture with its reason, and nothing else may differ.

import { describe, expect, it } from 'vitest';
import { differences, structure, wordingDifferences } from './structure.js';
import { type Capture, type ImportSpec, committed, importCapture, undeterminedKeys } from './helpers.js';

interface Seed {
  capture: Capture;
  revision: string;
  spec: ImportSpec;
  /** Documentation keys whose wording differs after normalisation, and why. */
  wording: Record<string, string>;
  undetermined: string[];
}

// The service facts no page states (member order, error bodies, the validation error) come from
// `base`: for reference pages the current revision (2025), whose x-member-order orders every
// member; for the boto3 capture its predecessor 2022, from which its constraints are carried over.
const SEEDS: Seed[] = [
  { capture: '000', revision: '2017', spec: { base: '2025' }, wording: {}, undetermined: [] },
  {
    capture: '004', revision: '2020', spec: { base: '2025' },
    wording: { PolicyLengthExceededException: 'the scrape kept the text of a link it dropped ("… too large. Learn more"); the committed text leaves it out' },
    undetermined: [],
  },
  {
    capture: '003', revision: '2020', spec: { base: '2025', evidence: ['004'] },
    wording: { PolicyLengthExceededException: 'the scrape kept the text of a link it dropped ("… too large. Learn more"); the committed text leaves it out' },
    undetermined: [],
  },
  {
    capture: '001', revision: '2022', spec: { base: '2025' },
    wording: {
      'AddPermission.FunctionName': 'the scrape glued each list label to its code ("Function namemy-function"); the committed text restores the separators',
      'AddPermission.description': 'the scrape dropped the inline code of "such as s3.amazonaws.com or sns.amazonaws.com"; the committed text restores it from captures 004 and 002 (the importer notes the gap)',
    },
    undetermined: [],
  },
  {
    capture: '002', revision: '2025', spec: { base: '2022' }, wording: {},
    // boto3 states no HTTP bindings and 2022 does not have the new member.
    undetermined: ['member InvokedViaFunctionUrl: HTTP binding'],
  },
];

describe('seed captures reproduce the committed revisions', () => {
  for (const seed of SEEDS) {
    const label = `${seed.capture}${seed.spec.evidence ? ` with --evidence ${seed.spec.evidence.join(',')}` : ''} --base ${seed.spec.base} → ${seed.revision}.yaml`;
    describe(label, () => {
      const result = importCapture(seed.capture, seed.spec);
      const want = committed(seed.revision);

      it('has no structural difference from the committed document', () => {
        expect(differences(structure(result.parsed), structure(want))).toEqual([]);
      });

      it('differs in documentation only by the listed wording', () => {
        expect(wordingDifferences(result.parsed, want)).toEqual(Object.keys(seed.wording).sort());
      });

      it('lists exactly what it could not determine, in the result and in the document', () => {
        expect(undeterminedKeys(result)).toEqual([...seed.undetermined].sort());
        expect(result.parsed.info['x-revision']['x-undetermined']).toHaveLength(seed.undetermined.length);
      });
    });
  }

  it('000 keeps the escaped Markdown out of the text and the patterns untouched', () => {
    const r = importCapture('000', { base: '2025' });
    expect(r.revision.repairs.join()).toMatch(/Markdown escapes/);
    const fn = r.parsed.paths['/2015-03-31/functions/{FunctionName}/policy'].post.parameters[0];
    expect(fn.schema['x-documented-pattern']).toContain('(:(\\$LATEST|');
    expect(r.parsed.components.schemas.AddPermissionResponse.properties.Statement.description).toContain('a backslash ("\\") as an escape');
  });

  it('004 (no headings, no title) finds sections from the syntax blocks and the name from the base', () => {
    const r = importCapture('004', { base: '2025' });
    expect(r.parsed.paths['/2015-03-31/functions/{FunctionName}/policy'].post.operationId).toBe('AddPermission');
    expect(r.revision.notes.join()).toMatch(/does not print the operation's name/);
    expect(r.revision.repairs.join()).toMatch(/rejoined where the scrape broke sentences at inline code/);
  });

  it('002 (boto3) carries constraints and error statuses over from the base and marks them', () => {
    const r = importCapture('002', { base: '2022' });
    const body = r.parsed.components.schemas.AddPermissionRequest.properties;
    expect(body.StatementId['x-carried-over']).toBe('2022');
    expect(body.RevisionId['x-carried-over']).toBeUndefined(); // nothing to carry: 2022 documents none
    expect(body.FunctionUrlAuthType).toEqual(expect.objectContaining({ enum: ['NONE', 'AWS_IAM'] }));
    expect(body.FunctionUrlAuthType['x-carried-over']).toBeUndefined(); // stated by the page itself
    expect(r.parsed.components.schemas.ServiceException['x-carried-over']).toBe('2022');
    expect(r.revision.carriedOver.join('\n')).toMatch(/lists no constraints/);
  });
});

describe('chronological imports (base = the previous revision) say what they could not know', () => {
  it('000 without any base: page order and default error bodies, every service fact listed as undetermined', () => {
    const r = importCapture('000');
    const diff = differences(structure(r.parsed), structure(committed('2017')));
    expect(diff.map((d) => d.split(':')[0]).sort()).toEqual([
      'errors.ResourceNotFoundException.members.Message',
      'errors.ResourceNotFoundException.members.message',
      'errors.ServiceException.members.Message',
      'errors.ServiceException.members.message',
      'errors.TooManyRequestsException.members.Reason',
      'errors.TooManyRequestsException.members.retryAfterSeconds',
      'errors.ValidationException',
      'operations.AddPermission.memberOrder',
      'operations.AddPermission.responses.429.headers',
      'service.title',
      'service.validationError',
    ]);
    expect(undeterminedKeys(r)).toEqual([
      'document: signingName',
      'document: title',
      'document: validation error',
      'errors InvalidParameterValueException, PolicyLengthExceededException, ResourceConflictException, ResourceNotFoundException, ServiceException, TooManyRequestsException: body members and casing',
      'operation AddPermission: x-member-order',
    ]);
    const op = r.parsed.paths['/2015-03-31/functions/{FunctionName}/policy'].post;
    expect(op['x-member-order']).toEqual(['FunctionName', 'Qualifier', 'Action', 'EventSourceToken', 'Principal', 'SourceAccount', 'SourceArn', 'StatementId']);
    expect(r.parsed.components.schemas.ServiceException.properties).toHaveProperty('message'); // the stated default
  });

  it('004 with --base 2017: the new RevisionId is placed last and its position listed as undetermined', () => {
    const r = importCapture('004', { base: '2017' });
    expect(differences(structure(r.parsed), structure(committed('2020')))).toEqual([]);
    expect(undeterminedKeys(r)).toEqual([
      'error PreconditionFailedException: body members and casing',
      'member RevisionId: position in x-member-order',
    ]);
  });

  it('001 with --base 2020: the two new members are appended in page order, which is not the service\'s, and say so', () => {
    const r = importCapture('001', { base: '2020' });
    const diff = differences(structure(r.parsed), structure(committed('2022')));
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(/^operations\.AddPermission\.memberOrder:/);
    expect(undeterminedKeys(r)).toEqual([
      'member FunctionUrlAuthType: position in x-member-order',
      'member PrincipalOrgID: position in x-member-order',
    ]);
  });

  it('002 without a base: constraints, bindings and error statuses are listed, not invented', () => {
    const r = importCapture('002');
    const keys = undeterminedKeys(r);
    expect(keys).toContain('operation AddPermission: HTTP method and path');
    expect(keys.some((k) => /^members FunctionName, StatementId, .*: length and pattern constraints$/.test(k))).toBe(true);
    expect(keys.filter((k) => / HTTP status$/.test(k))).toHaveLength(7);
    expect(r.parsed.components.schemas.AddPermissionRequest.properties.StatementId.pattern).toBeUndefined();
  });
});
