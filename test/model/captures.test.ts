// The fact tables in facts.ts are what the captures print: each table is compared with the facts
// the parsers in captures.ts read from the capture text. (revisions.test.ts then compares the model
// with the tables and with the captures.)
import { describe, expect, it } from 'vitest';
import { capture, captureText, memberOf, recoverErrorNames, type Capture, type CapturedMember } from './captures.js';
import {
  ADD_PERMISSION,
  ERRORS_2017,
  ERRORS_2020,
  ERRORS_2022,
  ERRORS_2025,
  MEMBERS_2017,
  MEMBERS_2020,
  MEMBERS_2022,
  MEMBERS_2025,
  SERVICE_MEMBER_ORDER,
  type ErrorTable,
  type MemberFact,
  type MemberTable,
} from './facts.js';

/** A table entry without the anchored pattern, which no page prints. */
function documented(f: MemberFact): Omit<MemberFact, 'pattern'> {
  const { pattern: _anchored, ...rest } = f;
  return rest;
}

function asFact(m: CapturedMember): Omit<MemberFact, 'pattern'> {
  const { name: _name, ...rest } = m;
  return rest as Omit<MemberFact, 'pattern'>;
}

function tableOfCapture(c: Capture): Record<string, Omit<MemberFact, 'pattern'>> {
  return Object.fromEntries(c.members.map((m) => [m.name, asFact(m)]));
}

function documentedTable(t: MemberTable): Record<string, Omit<MemberFact, 'pattern'>> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, documented(v)]));
}

function errorList(t: ErrorTable): Array<{ name: string; status: number }> {
  return Object.entries(t)
    .map(([name, status]) => ({ name, status }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function expectHttpBinding(c: Capture): void {
  expect(c.method).toBe(ADD_PERMISSION.method);
  expect(c.path).toBe(ADD_PERMISSION.path);
  expect(c.queryMembers).toEqual(['Qualifier']);
  expect(c.successStatus).toBe(ADD_PERMISSION.successStatus);
  expect(c.successStatusProse).toBe(ADD_PERMISSION.successStatus);
  expect(c.responseSyntax).toEqual(Object.keys(ADD_PERMISSION.responseMembers));
  expect(c.responseMembers).toEqual([{ name: 'Statement', type: 'string' }]);
}

/** The body members of a table, sorted as the reference pages sort their Request Syntax block. */
function bodyMembers(t: MemberTable): string[] {
  return Object.keys(t)
    .filter((k) => t[k].in === 'body')
    .sort();
}

describe('capture 000 (2017, Markdown reference)', () => {
  const c = capture('000');

  it('prints POST /2015-03-31/functions/{FunctionName}/policy?Qualifier, 201 {Statement}', () => {
    expectHttpBinding(c);
  });

  it('prints the body members of the 2017 table in its Request Syntax block', () => {
    expect(c.requestSyntax).toEqual(bodyMembers(MEMBERS_2017));
  });

  it('prints exactly the members, types, required-ness, lengths and patterns of the 2017 table', () => {
    expect(tableOfCapture(c)).toEqual(documentedTable(MEMBERS_2017));
  });

  it('reads each "Pattern:" line that follows the member name (spot check on the raw text)', () => {
    const text = captureText('000');
    const after = (name: string) => {
      const at = text.indexOf(`** ${name} **`);
      return /Pattern: `([^`]*)`/.exec(text.slice(at))?.[1];
    };
    expect(after('StatementId')).toBe(MEMBERS_2017.StatementId.documentedPattern);
    expect(after('SourceArn')).toBe(MEMBERS_2017.SourceArn.documentedPattern);
    expect(after('Principal')).toBe('.*');
  });

  it('lists exactly the errors and statuses of the 2017 table, alphabetically (no 412)', () => {
    expect(c.errors).toEqual(errorList(ERRORS_2017));
    expect(c.errors.map((e) => e.status)).not.toContain(412);
  });
});

describe('capture 004 (2020, scraped HTML, headings lost)', () => {
  const c = capture('004');

  it('prints the same HTTP binding', () => {
    expectHttpBinding(c);
  });

  it('prints the body members of the 2020 table in its Request Syntax block', () => {
    expect(c.requestSyntax).toEqual(bodyMembers(MEMBERS_2020));
  });

  it('prints exactly the members, types, required-ness, lengths and patterns of the 2020 table', () => {
    expect(tableOfCapture(c)).toEqual(documentedTable(MEMBERS_2020));
  });

  it('lists exactly the errors and statuses of the 2020 table, alphabetically', () => {
    expect(c.errors).toEqual(errorList(ERRORS_2020));
  });
});

describe('capture 003 (2020, same revision as 004, every `+` stripped from the patterns)', () => {
  const c3 = capture('003');
  const c4 = capture('004');

  it('agrees with 004 on the HTTP binding, member set and errors', () => {
    expectHttpBinding(c3);
    expect(c3.requestSyntax).toEqual(c4.requestSyntax);
    expect(c3.members.map((m) => m.name)).toEqual(c4.members.map((m) => m.name));
    expect(c3.errors).toEqual(c4.errors);
  });

  it('agrees with 004 on every fact except the patterns', () => {
    const withoutPattern = (m: CapturedMember) => ({ ...m, documentedPattern: undefined });
    expect(c3.members.map(withoutPattern)).toEqual(c4.members.map(withoutPattern));
  });

  it("prints each of 004's patterns with every `+` removed, and nothing else changed", () => {
    for (const m4 of c4.members) {
      expect(memberOf(c3, m4.name).documentedPattern, m4.name).toBe(m4.documentedPattern?.replaceAll('+', ''));
    }
  });

  it('is damaged exactly where 004 has a `+` (StatementId reads `([a-zA-Z0-9-_])`, one character)', () => {
    const damaged = c4.members
      .filter((m) => m.documentedPattern !== memberOf(c3, m.name).documentedPattern)
      .map((m) => m.name);
    const withPlus = c4.members.filter((m) => m.documentedPattern?.includes('+')).map((m) => m.name);
    expect(damaged).toEqual(withPlus);
    expect(damaged).toEqual(['FunctionName', 'Qualifier', 'Action', 'EventSourceToken', 'SourceArn', 'StatementId']);
    expect(memberOf(c3, 'StatementId').documentedPattern).toBe('([a-zA-Z0-9-_])');
  });
});

describe('capture 001 (2022, member and error names stripped)', () => {
  const c = capture('001');

  it('prints the same HTTP binding', () => {
    expectHttpBinding(c);
  });

  it('prints its Request Syntax block in alphabetical order (which names the unnamed sections)', () => {
    expect(c.requestSyntax).toEqual([...c.requestSyntax].sort());
    expect(c.requestSyntax).toEqual(bodyMembers(MEMBERS_2022));
  });

  it('names its sections consistently: each recovered name fits the content of its section', () => {
    // Spot checks that the alphabetical mapping is not off by one.
    expect(memberOf(c, 'FunctionUrlAuthType').enum).toEqual(['NONE', 'AWS_IAM']);
    expect(memberOf(c, 'PrincipalOrgID').documentedPattern).toBe('^o-[a-z0-9]{10,32}$');
    expect(memberOf(c, 'RevisionId')).toEqual({ name: 'RevisionId', in: 'body', type: 'string', required: false });
    expect(memberOf(c, 'StatementId').documentedPattern).toBe('([a-zA-Z0-9-_]+)');
  });

  it('prints exactly the members, types, required-ness, lengths and patterns of the 2022 table', () => {
    expect(tableOfCapture(c)).toEqual(documentedTable(MEMBERS_2022));
  });

  it('states the new 2022 facts: PrincipalOrgID 12..34, FunctionUrlAuthType NONE|AWS_IAM, Principal [^\\s]+, SourceAccount max 12', () => {
    expect(memberOf(c, 'PrincipalOrgID')).toMatchObject({ minLength: 12, maxLength: 34 });
    expect(memberOf(c, 'FunctionUrlAuthType').enum).toEqual(['NONE', 'AWS_IAM']);
    expect(memberOf(c, 'Principal').documentedPattern).toBe(String.raw`[^\s]+`);
    expect(memberOf(c, 'SourceAccount').maxLength).toBe(12);
    expect(memberOf(c, 'SourceAccount').minLength).toBeUndefined();
  });

  it('lists its errors by status in the alphabetical order of the names 004 prints (400, 400, 412, 409, 404, 500, 429)', () => {
    expect(c.errors.map((e) => e.status)).toEqual([400, 400, 412, 409, 404, 500, 429]);
    expect(c.errors.every((e) => e.name === undefined)).toBe(true);
    const named = capture('004').errors;
    expect(named.map((e) => e.name)).toEqual([...named.map((e) => e.name)].sort());
    expect(recoverErrorNames(c.errors, named)).toEqual(errorList(ERRORS_2022));
  });

  it('has the same error names as the boto3 reference (002) lists', () => {
    const names = recoverErrorNames(c.errors, capture('004').errors).map((e) => e.name);
    expect([...capture('002').errors.map((e) => e.name)].sort()).toEqual(names);
  });
});

describe('capture 002 (2025, boto3 reference: no constraints)', () => {
  const c = capture('002');

  it('lists the members in the service order, which is the order x-member-order must follow', () => {
    expect(c.requestSyntax).toEqual(SERVICE_MEMBER_ORDER);
  });

  it('states exactly the members, types, required-ness and enum of the 2025 table', () => {
    const stated = (f: MemberFact) => ({ type: f.type, required: f.required, ...(f.enum ? { enum: f.enum } : {}) });
    const fromCapture = Object.fromEntries(c.members.map((m) => [m.name, stated(m as unknown as MemberFact)]));
    const fromTable = Object.fromEntries(Object.entries(MEMBERS_2025).map(([k, f]) => [k, stated(f)]));
    expect(fromCapture).toEqual(fromTable);
  });

  it('adds InvokedViaFunctionUrl as a boolean', () => {
    expect(memberOf(c, 'InvokedViaFunctionUrl')).toEqual({ name: 'InvokedViaFunctionUrl', type: 'boolean', required: false });
  });

  it('states no length and no pattern for any member (so 2025 carries them over)', () => {
    const text = captureText('002');
    expect(text).not.toMatch(/Length Constraints|Pattern:|Minimum length|Maximum length/);
    for (const m of c.members) {
      expect(m.minLength ?? m.maxLength ?? m.documentedPattern, m.name).toBeUndefined();
    }
  });

  it('lists the seven errors of the 2025 table, by name only', () => {
    expect(c.errors.map((e) => e.name).sort()).toEqual(Object.keys(ERRORS_2025).sort());
    expect(c.errors.every((e) => e.status === undefined)).toBe(true);
  });

  it('returns {Statement}', () => {
    expect(c.responseSyntax).toEqual(['Statement']);
  });
});
