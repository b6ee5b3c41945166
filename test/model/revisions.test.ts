// The AddPermission facts of each revision document in model/revisions/, against the fact tables
// (facts.ts) and directly against the capture text (captures.ts); for 2026, imported from AWS's
// Smithy model, against that model where ../shared is present (skipped visibly elsewhere).
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { capture, memberOf, recoverErrorNames } from './captures.js';
import {
  ADD_PERMISSION,
  CARRIED_OVER_2025,
  CHANGED_IN_2026,
  COMPANIONS,
  PRIMARY_CAPTURE,
  REVISIONS,
  SAMPLES,
  SERVICE_MEMBER_ORDER,
  THROTTLE_REASONS_2026,
  type MemberFact,
} from './facts.js';
import {
  HAS_SMITHY,
  anchor,
  deref,
  errorSchema,
  errorWire,
  findKey,
  loadCompanions,
  loadRevision,
  memberSchemaNode,
  members,
  operation,
  operations,
  requestBodySchema,
  revisionNames,
  successResponse,
  type Json,
  type ModelMember,
} from './load.js';
import {
  smithyDocumentation,
  smithyError,
  smithyIo,
  smithyMemberDocumentation,
  smithyMemberEnums,
  smithyOperation,
} from './smithy.js';

const revisions = revisionNames();
/** The revisions facts.ts has a table for; a revision `npm run regen` added later has none. */
const tabled = revisions.filter((rev) => REVISIONS[rev] !== undefined);

/**
 * Pattern samples of a revision: its own in facts.ts, else, member by member, those of the latest
 * earlier revision whose pattern is the same text. A changed pattern without samples of its own
 * has none here, and the test below says where to write them (regen says so too).
 */
function samplesOf(rev: string): Record<string, { accept: string[]; reject: string[] }> {
  if (SAMPLES[rev]) return SAMPLES[rev];
  const out: Record<string, { accept: string[]; reject: string[] }> = {};
  const earlier = revisions.slice(0, revisions.indexOf(rev)).reverse();
  for (const [name, m] of modelMembers(rev)) {
    if (m.pattern === undefined) continue;
    const from = earlier.find((r) => SAMPLES[r]?.[name] && modelMembers(r).get(name)?.pattern === m.pattern);
    if (from) out[name] = SAMPLES[from][name];
  }
  return out;
}

function addPermission(rev: string): { doc: Json; op: Json; path: string; method: string } {
  const doc = loadRevision(rev);
  const { op, path, method } = operation(doc, ADD_PERMISSION.operationId);
  return { doc, op, path, method };
}

function modelMembers(rev: string): Map<string, ModelMember> {
  const { doc, op } = addPermission(rev);
  return members(doc, op);
}

function names(rev: string): string[] {
  return [...modelMembers(rev).keys()].sort();
}

function errorStatuses(rev: string): Record<string, number> {
  const { doc, op } = addPermission(rev);
  return Object.fromEntries((op['x-errors'] as string[]).map((n) => [n, errorSchema(doc, n)['x-error'].status]));
}

it('every fact table has a revision file (revisions added later by npm run regen have none)', () => {
  expect(tabled).toEqual(Object.keys(REVISIONS).sort());
});

describe.each(tabled)('revision %s: AddPermission', (rev) => {
  const facts = REVISIONS[rev];

  it('is the only operation: POST /2015-03-31/functions/{FunctionName}/policy, operationId AddPermission', () => {
    const { doc, path, method } = addPermission(rev);
    expect([...operations(doc).keys()]).toEqual([ADD_PERMISSION.operationId]);
    expect(path).toBe(ADD_PERMISSION.path);
    expect(method).toBe(ADD_PERMISSION.method);
  });

  it('succeeds with 201 and a JSON AddPermissionResponse {Statement: string}', () => {
    const { doc, op } = addPermission(rev);
    const { status, response } = successResponse(op);
    expect(status).toBe(ADD_PERMISSION.successStatus);
    const ref = response.content?.['application/json']?.schema?.$ref;
    expect(ref).toBe(`#/components/schemas/${ADD_PERMISSION.responseSchema}`);
    const schema = deref(doc, response.content['application/json'].schema);
    expect(schema.type).toBe('object');
    expect(Object.fromEntries(Object.entries<Json>(schema.properties).map(([k, v]) => [k, v.type]))).toEqual(
      ADD_PERMISSION.responseMembers,
    );
  });

  it('takes a required JSON body AddPermissionRequest', () => {
    const { doc, op } = addPermission(rev);
    expect(op.requestBody.required).toBe(true);
    expect(op.requestBody.content['application/json'].schema.$ref).toBe(
      `#/components/schemas/${ADD_PERMISSION.requestSchema}`,
    );
    expect(requestBodySchema(doc, op).type).toBe('object');
  });

  it('has exactly the member set of the table', () => {
    expect(names(rev)).toEqual(Object.keys(facts.members).sort());
  });

  it.each(Object.keys(facts.members))(
    '%s: location, type, required, minLength, maxLength, pattern, x-documented-pattern and enum are the documented values',
    (name) => {
      expect(modelMembers(rev).get(name)).toEqual(facts.members[name]);
    },
  );

  it('writes every pattern anchored: ^(?:P)$ for the documented P, or P when the page prints ^…$', () => {
    for (const [name, m] of modelMembers(rev)) {
      expect(m.pattern === undefined, `${name}: pattern without x-documented-pattern or the reverse`).toBe(
        m.documentedPattern === undefined,
      );
      if (m.documentedPattern !== undefined) expect(m.pattern, name).toBe(anchor(m.documentedPattern));
    }
  });

  it('has exactly the errors of the table, each with its status, listed in x-errors alphabetically', () => {
    const { op } = addPermission(rev);
    expect(op['x-errors']).toEqual(Object.keys(facts.errors).sort());
    expect(errorStatuses(rev)).toEqual(facts.errors);
  });

  it('lists the members in x-member-order in the service order, filtered to this revision', () => {
    const { op } = addPermission(rev);
    expect(op['x-member-order']).toEqual(SERVICE_MEMBER_ORDER.filter((n) => n in facts.members));
  });
});

// ------------------------------------------------------------------------------------------------
// The model against the capture text directly (no table in between).

/** The model member with only the keys a page can state (no anchored pattern). */
function documentedOf(m: ModelMember): Omit<MemberFact, 'pattern'> {
  const { pattern: _anchored, ...rest } = m;
  return rest as Omit<MemberFact, 'pattern'>;
}

describe.each(['2017', '2020', '2022'])('revision %s against the text of its capture', (rev) => {
  const c = capture(PRIMARY_CAPTURE[rev]);

  it(`has the members of ${c.file}, each with its printed location, type, required-ness, lengths, pattern and enum`, () => {
    const model = modelMembers(rev);
    expect([...model.keys()].sort()).toEqual(c.members.map((m) => m.name).sort());
    for (const m of c.members) {
      const { name, ...printed } = m;
      expect(documentedOf(model.get(name)!), name).toEqual(printed);
    }
  });

  it(`has the errors and statuses of ${c.file}`, () => {
    // 001 lost the names: they follow the alphabetical order of 004's list, status by status.
    const errors = rev === '2022' ? recoverErrorNames(c.errors, capture('004').errors) : c.errors;
    expect(Object.fromEntries(errors.map((e) => [e.name, e.status]))).toEqual(errorStatuses(rev));
  });

  it(`has the HTTP binding and success status of ${c.file}`, () => {
    const { op, path, method } = addPermission(rev);
    expect([method, path, successResponse(op).status]).toEqual([c.method, c.path, c.successStatus]);
  });
});

describe('revision 2020 follows capture 004, not the `+`-stripped capture 003', () => {
  it('has 004\'s pattern wherever 003 differs from it', () => {
    const model = modelMembers('2020');
    const c3 = capture('003');
    const c4 = capture('004');
    let differing = 0;
    for (const m4 of c4.members) {
      const m3 = memberOf(c3, m4.name);
      expect(model.get(m4.name)?.documentedPattern, m4.name).toBe(m4.documentedPattern);
      if (m3.documentedPattern !== m4.documentedPattern) {
        differing++;
        expect(model.get(m4.name)?.documentedPattern, m4.name).not.toBe(m3.documentedPattern);
      }
    }
    expect(differing).toBeGreaterThan(0);
  });

  it('StatementId is `([a-zA-Z0-9-_]+)` (one or more), not 003\'s `([a-zA-Z0-9-_])` (exactly one)', () => {
    expect(modelMembers('2020').get('StatementId')?.documentedPattern).toBe('([a-zA-Z0-9-_]+)');
  });
});

describe('revision 2025 against the text of capture 002 (boto3)', () => {
  const c = capture('002');

  it('has the members of 002, each with its type, required-ness and enum', () => {
    const model = modelMembers('2025');
    expect([...model.keys()].sort()).toEqual(c.members.map((m) => m.name).sort());
    for (const m of c.members) {
      const mm = model.get(m.name)!;
      expect({ type: mm.type, required: mm.required, enum: mm.enum }, m.name).toEqual({
        type: m.type,
        required: m.required,
        enum: m.enum,
      });
    }
  });

  it('lists x-member-order exactly as 002\'s Request Syntax does', () => {
    expect(addPermission('2025').op['x-member-order']).toEqual(c.requestSyntax);
  });

  it('has the errors 002 names', () => {
    expect(addPermission('2025').op['x-errors']).toEqual(c.errors.map((e) => e.name).sort());
  });
});

// ------------------------------------------------------------------------------------------------
// What each revision adds over the one before, as issue 2 states it.

function added<T>(after: T[], before: T[]): T[] {
  return after.filter((x) => !before.includes(x));
}

describe('what each revision adds', () => {
  it('2017 has no RevisionId, no PreconditionFailedException and no 412 response', () => {
    const { doc, op } = addPermission('2017');
    expect(names('2017')).not.toContain('RevisionId');
    expect(op['x-errors']).not.toContain('PreconditionFailedException');
    expect(doc.components.schemas.PreconditionFailedException).toBeUndefined();
    expect(Object.keys(op.responses)).not.toContain('412');
  });

  it('2020 adds RevisionId (optional string) and PreconditionFailedException (412)', () => {
    expect(added(names('2020'), names('2017'))).toEqual(['RevisionId']);
    expect(added(Object.keys(errorStatuses('2020')), Object.keys(errorStatuses('2017')))).toEqual([
      'PreconditionFailedException',
    ]);
    expect(modelMembers('2020').get('RevisionId')).toEqual({ in: 'body', type: 'string', required: false });
    expect(errorStatuses('2020').PreconditionFailedException).toBe(412);
    expect(Object.keys(addPermission('2020').op.responses)).toContain('412');
  });

  it('2020 makes FunctionName and SourceArn partition- and GovCloud-aware', () => {
    for (const name of ['FunctionName', 'SourceArn']) {
      expect(modelMembers('2017').get(name)?.documentedPattern).not.toContain('(-gov)?');
      expect(modelMembers('2020').get(name)?.documentedPattern).toContain('(-gov)?');
      expect(modelMembers('2020').get(name)?.documentedPattern).toMatch(/\(aws\[a-zA-Z(0-9)?-\]\*\)/);
    }
  });

  it('2022 adds PrincipalOrgID (12..34, ^o-[a-z0-9]{10,32}$) and FunctionUrlAuthType (NONE|AWS_IAM)', () => {
    expect(added(names('2022'), names('2020'))).toEqual(['FunctionUrlAuthType', 'PrincipalOrgID']);
    const m = modelMembers('2022');
    expect(m.get('PrincipalOrgID')).toEqual({
      in: 'body',
      type: 'string',
      required: false,
      minLength: 12,
      maxLength: 34,
      pattern: '^o-[a-z0-9]{10,32}$',
      documentedPattern: '^o-[a-z0-9]{10,32}$',
    });
    expect(m.get('FunctionUrlAuthType')).toEqual({
      in: 'body',
      type: 'string',
      required: false,
      enum: ['NONE', 'AWS_IAM'],
    });
  });

  it('2022 changes Principal to [^\\s]+ and gives SourceAccount a maximum length of 12', () => {
    const before = modelMembers('2020');
    const m = modelMembers('2022');
    expect(before.get('Principal')?.documentedPattern).toBe('.*');
    expect(m.get('Principal')?.documentedPattern).toBe(String.raw`[^\s]+`);
    expect(m.get('Principal')?.pattern).toBe(String.raw`^(?:[^\s]+)$`);
    expect(before.get('SourceAccount')?.maxLength).toBeUndefined();
    expect(m.get('SourceAccount')?.maxLength).toBe(12);
    expect(m.get('SourceAccount')?.minLength).toBeUndefined();
  });

  it('2022 adds no error', () => {
    expect(errorStatuses('2022')).toEqual(errorStatuses('2020'));
  });

  it('2025 adds InvokedViaFunctionUrl as an optional boolean, and nothing else', () => {
    expect(added(names('2025'), names('2022'))).toEqual(['InvokedViaFunctionUrl']);
    expect(added(names('2022'), names('2025'))).toEqual([]);
    expect(modelMembers('2025').get('InvokedViaFunctionUrl')).toEqual({ in: 'body', type: 'boolean', required: false });
    expect(errorStatuses('2025')).toEqual(errorStatuses('2022'));
  });

  it('keeps the required members FunctionName, StatementId, Action and Principal in every tabled revision', () => {
    for (const rev of tabled) {
      const required = [...modelMembers(rev)].filter(([, m]) => m.required).map(([n]) => n).sort();
      expect(required, rev).toEqual(['Action', 'FunctionName', 'Principal', 'StatementId']);
      expect(requestBodySchema(addPermission(rev).doc, addPermission(rev).op).required.sort(), rev).toEqual([
        'Action',
        'Principal',
        'StatementId',
      ]);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// 2025: constraints no 2025 capture states are carried over from 2022, and marked.

describe('revision 2025: carried-over constraints', () => {
  const doc = loadRevision('2025');
  const { op } = operation(doc, 'AddPermission');
  const model25 = modelMembers('2025');
  const model22 = modelMembers('2022');

  it.each(CARRIED_OVER_2025)('%s keeps the 2022 constraints unchanged and is marked x-carried-over: "2022"', (name) => {
    expect(model25.get(name)).toEqual(model22.get(name));
    expect(memberSchemaNode(doc, op, name)['x-carried-over']).toBe('2022');
  });

  it('marks exactly the members that have a length or pattern constraint', () => {
    const constrained = [...model25]
      .filter(([, m]) => m.minLength !== undefined || m.maxLength !== undefined || m.pattern !== undefined)
      .map(([n]) => n);
    expect(constrained.sort()).toEqual([...CARRIED_OVER_2025].sort());
    for (const name of ['RevisionId', 'FunctionUrlAuthType', 'InvokedViaFunctionUrl']) {
      // RevisionId has no constraint; 002 states FunctionUrlAuthType's enum itself; InvokedViaFunctionUrl is new.
      expect(memberSchemaNode(doc, op, name)['x-carried-over'], name).toBeUndefined();
    }
  });

  it('marks every error schema of the operation x-carried-over: "2022" (002 gives names only), with 2022\'s status', () => {
    const doc22 = loadRevision('2022');
    for (const name of op['x-errors'] as string[]) {
      const schema = errorSchema(doc, name);
      expect(schema['x-carried-over'], name).toBe('2022');
      expect(schema['x-error'], name).toEqual(errorSchema(doc22, name)['x-error']);
      expect(schema.description, name).toBe(errorSchema(doc22, name).description);
    }
  });

  it('uses no other revision than "2022" in any x-carried-over marker, and marks nothing else', () => {
    const marks = findKey(doc, 'x-carried-over');
    expect(new Set(marks.map((m) => m.value))).toEqual(new Set(['2022']));
    expect(marks.length).toBe(CARRIED_OVER_2025.length + (op['x-errors'] as string[]).length);
  });

  it('says so in info.x-revision.carriedOver', () => {
    expect(doc.info['x-revision'].carriedOver.length).toBeGreaterThan(0);
  });

  it.each(['2017', '2020', '2022', '2026'])('revision %s carries nothing over and has no x-carried-over marker', (rev) => {
    const d = loadRevision(rev);
    expect(findKey(d, 'x-carried-over')).toEqual([]);
    expect(d.info['x-revision'].carriedOver).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
// 2026: what the revision imported from AWS's Smithy model changes against 2025. These facts need no
// fixture: they are read from the committed documents.

describe('revision 2026 against 2025', () => {
  const m25 = modelMembers('2025');
  const m26 = modelMembers('2026');
  const doc25 = loadRevision('2025');
  const doc26 = loadRevision('2026');

  it('adds and removes no member and no error, and keeps the HTTP binding and x-member-order', () => {
    expect(names('2026')).toEqual(names('2025'));
    expect(errorStatuses('2026')).toEqual(errorStatuses('2025'));
    expect(addPermission('2026').op['x-member-order']).toEqual(addPermission('2025').op['x-member-order']);
    expect([addPermission('2026').method, addPermission('2026').path]).toEqual([addPermission('2025').method, addPermission('2025').path]);
  });

  it(`changes the constraints of ${CHANGED_IN_2026.join(', ')} only; every other member keeps 2025's facts exactly`, () => {
    const changed = [...m26.keys()].filter((n) => !isDeepStrictEqual(m25.get(n), m26.get(n)));
    expect(changed.sort()).toEqual([...CHANGED_IN_2026].sort());
  });

  it('FunctionName: maxLength 140 → 256, and the pattern admits ISO regions, `.` in names and `$LATEST.PUBLISHED`', () => {
    expect([m25.get('FunctionName')?.minLength, m25.get('FunctionName')?.maxLength]).toEqual([1, 140]);
    expect([m26.get('FunctionName')?.minLength, m26.get('FunctionName')?.maxLength]).toEqual([1, 256]);
    const re25 = new RegExp(m25.get('FunctionName')!.pattern!);
    const re26 = new RegExp(m26.get('FunctionName')!.pattern!);
    for (const v of [
      'my.function',
      'my-function:$LATEST.PUBLISHED',
      'arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f',
    ]) {
      expect(re25.test(v), `2025 rejects ${v}`).toBe(false);
      expect(re26.test(v), `2026 accepts ${v}`).toBe(true);
    }
    for (const v of SAMPLES['2025'].FunctionName.accept) expect(re26.test(v), `2026 still accepts ${v}`).toBe(true);
  });

  it('Qualifier: the pattern `\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+`, anchored ^(?:…)$; lengths 1..128 unchanged', () => {
    expect(m26.get('Qualifier')?.documentedPattern).toBe(String.raw`\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+`);
    expect(m26.get('Qualifier')?.pattern).toBe(String.raw`^(?:\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+)$`);
    expect([m26.get('Qualifier')?.minLength, m26.get('Qualifier')?.maxLength]).toEqual([1, 128]);
  });

  it('SourceAccount: states minLength 0, and keeps maxLength 12 and \\d{12}', () => {
    expect(m25.get('SourceAccount')?.minLength).toBeUndefined();
    expect(m26.get('SourceAccount')).toEqual({ ...m25.get('SourceAccount'), minLength: 0 });
  });

  it('TooManyRequestsException: members in Smithy\'s order (retryAfterSeconds first), and Reason gains an enum', () => {
    const schema = errorSchema(doc26, 'TooManyRequestsException');
    expect(Object.keys(schema.properties)).toEqual(['retryAfterSeconds', 'Type', 'message', 'Reason']);
    expect(schema.properties.Reason).toMatchObject({ type: 'string', enum: THROTTLE_REASONS_2026 });
    expect(errorSchema(doc25, 'TooManyRequestsException').properties.Reason.enum).toBeUndefined();
  });

  it('every error keeps 2025\'s wire shape: status, fault, body members in order, header-bound members', () => {
    for (const name of [...(addPermission('2026').op['x-errors'] as string[]), doc26['x-validation-error']]) {
      expect(errorWire(errorSchema(doc26, name)), name).toEqual(errorWire(errorSchema(doc25, name)));
    }
    expect(errorWire(errorSchema(doc26, 'TooManyRequestsException')).headers).toEqual({ retryAfterSeconds: 'Retry-After' });
  });

  it('keeps the `Type` default of every error (User for client faults, Service for server faults)', () => {
    for (const name of addPermission('2026').op['x-errors'] as string[]) {
      const schema = errorSchema(doc26, name);
      expect(schema.properties.Type.default, name).toBe(schema['x-error'].fault === 'server' ? 'Service' : 'User');
      expect(schema.properties.Type.default, name).toBe(errorSchema(doc25, name).properties.Type.default);
    }
  });

  it('agrees with companions.yaml on FunctionName and Qualifier (the same Smithy shapes), in model and tables', () => {
    const companions = loadCompanions();
    for (const op of Object.keys(COMPANIONS)) {
      const theirs = members(companions, operation(companions, op).op);
      for (const name of ['FunctionName', 'Qualifier']) {
        expect(m26.get(name), `${op}.${name}`).toEqual(theirs.get(name));
        expect(REVISIONS['2026'].members[name], `${op}.${name}`).toEqual(COMPANIONS[op].members[name]);
      }
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Revisions imported from AWS's Smithy model, against that model. Users' clones have no ../shared:
// these tests are skipped there, and say so in their names.

const SMITHY = 'against ../shared/fixtures/smithy/lambda.json (needs ../shared: skipped where it is absent, as in users\' clones)';
const fromSmithy = revisions.filter((rev) => REVISIONS[rev]?.smithy !== undefined);

/**
 * A member in the form smithy.ts reads Smithy in: the pattern without Smithy's `^…$` as
 * x-documented-pattern, anchored `^(?:…)$`. A revision keeps `^P$` where an earlier page printed
 * it so (PrincipalOrgID); that is the same pattern, and only its spelling is normalised here.
 */
function smithyForm<T extends { documentedPattern?: string; pattern?: string }>(m: T): T {
  const p = m.documentedPattern;
  if (p === undefined || !(p.startsWith('^') && p.endsWith('$'))) return m;
  const bare = p.slice(1, -1);
  return { ...m, documentedPattern: bare, pattern: `^(?:${bare})$` };
}

/** Smithy documentation HTML as plain words, lists marked `- ` as the Markdown of the model marks them. */
function htmlPlain(html: string): string {
  return plain(
    html
      .replace(/<li>\s*/g, '- ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** A model description and Smithy's documentation say the same words (both absent counts too). */
function expectSameText(model: string | undefined, smithy: string | undefined, what: string) {
  expect(model === undefined, `${what}: documented in the model exactly when documented in Smithy`).toBe(smithy === undefined);
  if (model !== undefined && smithy !== undefined) expect(plain(model), what).toBe(htmlPlain(smithy));
}

it('revision 2026 is the one revision imported from AWS\'s Smithy model', () => {
  expect(fromSmithy).toEqual(['2026']);
});

describe.each(fromSmithy)(`revision %s: AddPermission ${SMITHY}`, (rev) => {
  const { doc, op, path, method } = addPermission(rev);

  it.skipIf(!HAS_SMITHY)('HTTP method, URI and success status match Smithy', () => {
    const s = smithyOperation('AddPermission');
    expect([method, path, successResponse(op).status]).toEqual([s.method, s.uri, s.code]);
  });

  it.skipIf(!HAS_SMITHY)('every member, with location, type, required-ness, lengths, patterns and enum, matches Smithy (model and fact table)', () => {
    const s = smithyOperation('AddPermission');
    const model = Object.fromEntries([...modelMembers(rev)].map(([k, m]) => [k, smithyForm(m)]));
    const table = Object.fromEntries(Object.entries(REVISIONS[rev].members).map(([k, m]) => [k, smithyForm(m)]));
    expect(model).toEqual(s.members);
    expect(table).toEqual(s.members);
  });

  it.skipIf(!HAS_SMITHY)('keeps a pattern in Smithy\'s own `^…$` form only where an earlier page printed it so, and notes it', () => {
    const s = smithyOperation('AddPermission');
    const notes = doc.info['x-revision'].notes.join('\n');
    for (const [name, m] of modelMembers(rev)) {
      if (m.documentedPattern === undefined || m.documentedPattern === s.members[name].documentedPattern) continue;
      expect(m.documentedPattern, name).toBe(`^${s.members[name].documentedPattern}$`);
      expect(m.pattern, name).toBe(m.documentedPattern);
      const earlier = revisions.slice(0, revisions.indexOf(rev)).map((r) => modelMembers(r).get(name)?.documentedPattern);
      expect(earlier, name).toContain(m.documentedPattern);
      expect(notes, name).toContain(`AddPermission.${name}`);
    }
  });

  it.skipIf(!HAS_SMITHY)('x-member-order is Smithy\'s input member order, the service order', () => {
    const s = smithyOperation('AddPermission');
    expect(op['x-member-order']).toEqual(s.memberOrder);
    expect(SERVICE_MEMBER_ORDER).toEqual(s.memberOrder);
  });

  it.skipIf(!HAS_SMITHY)('errors and their statuses match Smithy (model and fact table)', () => {
    const s = smithyOperation('AddPermission');
    expect(errorStatuses(rev)).toEqual(s.errors);
    expect(REVISIONS[rev].errors).toEqual(s.errors);
  });

  it.skipIf(!HAS_SMITHY)('output members match Smithy', () => {
    expect(ADD_PERMISSION.responseMembers).toEqual(smithyOperation('AddPermission').output);
  });

  it.skipIf(!HAS_SMITHY)('every error schema has Smithy\'s status, fault, members in Smithy\'s order, header bindings and enums', () => {
    for (const name of op['x-errors'] as string[]) {
      const schema = errorSchema(doc, name);
      const s = smithyError(name);
      expect(Object.keys(schema.properties), name).toEqual(s.members);
      expect(errorWire(schema), name).toEqual({
        status: s.status,
        fault: s.fault,
        body: s.members.filter((m) => !(m in s.headers)),
        headers: s.headers,
      });
      const enums = Object.fromEntries(
        Object.entries<Json>(schema.properties).filter(([, p]) => p.enum !== undefined).map(([k, p]) => [k, p.enum]),
      );
      expect(enums, name).toEqual(smithyMemberEnums(name));
    }
    expect(smithyMemberEnums('TooManyRequestsException')).toEqual({ Reason: THROTTLE_REASONS_2026 });
  });

  it.skipIf(!HAS_SMITHY)('the operation\'s and every member\'s documentation is Smithy\'s, word for word', () => {
    expectSameText(op.description, smithyDocumentation('AddPermission'), 'AddPermission');
    const docs = smithyMemberDocumentation(smithyIo('AddPermission').input);
    expect(Object.keys(docs).sort()).toEqual(names(rev));
    for (const [name, text] of Object.entries(docs)) {
      const param = op.parameters?.find((p: Json) => p.name === name);
      expectSameText(param ? param.description : memberSchemaNode(doc, op, name).description, text, name);
    }
    const output = smithyMemberDocumentation(smithyIo('AddPermission').output);
    const response = doc.components.schemas[ADD_PERMISSION.responseSchema].properties;
    for (const [name, text] of Object.entries(output)) expectSameText(response[name].description, text, `response ${name}`);
  });

  it.skipIf(!HAS_SMITHY)('every error\'s and error member\'s documentation is Smithy\'s, word for word', () => {
    for (const name of op['x-errors'] as string[]) {
      const schema = errorSchema(doc, name);
      expectSameText(schema.description, smithyDocumentation(name), name);
      for (const [member, text] of Object.entries(smithyMemberDocumentation(name))) {
        expectSameText(schema.properties[member].description, text, `${name}.${member}`);
      }
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Every anchored pattern is a JavaScript regular expression that matches whole values.

describe.each(revisions)('revision %s: anchored patterns', (rev) => {
  const patterned = [...modelMembers(rev)].filter(([, m]) => m.pattern !== undefined);

  it('has samples for every member with a pattern, and for no other member', () => {
    const sampled = Object.keys(samplesOf(rev)).filter((n) => modelMembers(rev).has(n));
    const missing = patterned.map(([n]) => n).filter((n) => !sampled.includes(n));
    expect(missing, `a changed pattern needs accept/reject samples: add SAMPLES['${rev}'] entries for ${missing.join(', ')} in test/model/facts.ts`).toEqual([]);
    expect(sampled.sort()).toEqual(patterned.map(([n]) => n).sort());
  });

  it.each(patterned.filter(([n]) => samplesOf(rev)[n]).map(([n, m]) => [n, m.pattern!]))('%s: %s compiles and matches whole values only', (name, pattern) => {
    const samples = samplesOf(rev)[name];
    for (const flags of ['', 'u']) {
      const re = new RegExp(pattern, flags);
      for (const v of samples.accept) expect(re.test(v), `${name} /${flags} should accept ${JSON.stringify(v)}`).toBe(true);
      for (const v of samples.reject) expect(re.test(v), `${name} /${flags} should reject ${JSON.stringify(v)}`).toBe(false);
    }
  });
});

describe('anchored patterns: the examples of the issue', () => {
  it('StatementId 2020 accepts "s3" and rejects "example.com"', () => {
    const re = new RegExp(modelMembers('2020').get('StatementId')!.pattern!);
    expect(re.test('s3')).toBe(true);
    expect(re.test('example.com')).toBe(false);
  });

  it('Principal 2022 rejects "" and "a b"', () => {
    const re = new RegExp(modelMembers('2022').get('Principal')!.pattern!);
    expect(re.test('')).toBe(false);
    expect(re.test('a b')).toBe(false);
    expect(re.test('s3.amazonaws.com')).toBe(true);
  });

  it('Qualifier 2026 accepts "$LATEST.PUBLISHED", which 2025 rejects, and reads the alternation as whole values', () => {
    const re25 = new RegExp(modelMembers('2025').get('Qualifier')!.pattern!);
    const re26 = new RegExp(modelMembers('2026').get('Qualifier')!.pattern!);
    expect(re25.test('$LATEST.PUBLISHED')).toBe(false);
    expect(re26.test('$LATEST.PUBLISHED')).toBe(true);
    // Smithy's unanchored reading of `^\$(LATEST…)|[…]+$` would accept these; whole-value matching does not.
    expect(re26.test('$LATEST junk')).toBe(false);
    expect(re26.test('junk $LATEST')).toBe(false);
  });
});

// ------------------------------------------------------------------------------------------------
// Documentation text: each member's and each error's text comes from the revision's own capture.
// Markup differs (Markdown in the model and 000, reStructuredText in 002, none in the scraped
// pages) and the scrapers broke lines, so both sides are reduced to plain words first. Only the
// first paragraph of a member's text is compared: the scrapers mangled the lists that follow
// (001 prints "Function namemy-function").

function plain(text: string): string {
  return text
    .replace(/`([^`<]+?)\s*<[^>]+>`_{1,2}/g, '$1') // rst link
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1') // Markdown link
    .replace(/\\(.)/g, '$1') // Markdown escape (000)
    .replace(/`+/g, '')
    .replace(/\*\*/g, '')
    .replace(/\*(\w+)\*/g, '$1')
    .replace(/[•–]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;)])/g, '$1') // scrapers leave a space before punctuation that followed inline code
    .trim();
}

function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0];
}

describe.each([
  ['2017', '000'],
  ['2020', '004'],
  ['2020', '003'],
  ['2022', '001'],
  ['2025', '002'],
])('revision %s: documentation text against capture %s', (rev, number) => {
  const c = capture(number);
  const { doc, op } = addPermission(rev);

  it.each(c.members.map((m) => m.name))('%s: the first paragraph of its text is the capture\'s', (name) => {
    const param = op.parameters?.find((p: Json) => p.name === name);
    const description: string = param ? param.description : memberSchemaNode(doc, op, name).description;
    expect(description, name).toBeTypeOf('string');
    expect(plain(c.texts[name])).toContain(plain(firstParagraph(description)));
  });

  // 002 (boto3) names the errors without any text; 2025's error texts are carried over from 2022.
  if (number === '002') return;

  it('every error\'s text is the capture\'s', () => {
    const names = c.errors.map((e, i) => e.name ?? capture('004').errors[i].name!);
    c.errorTexts.forEach((text, i) => {
      const description: string = errorSchema(doc, names[i]).description ?? '';
      if (text === '') expect(description, names[i]).toBe('');
      else expect(plain(text), names[i]).toContain(plain(description));
    });
  });
});
