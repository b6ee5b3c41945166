// model/companions.yaml: GetPolicy (GET, 200) and RemovePermission (DELETE, 204), against the
// table in facts.ts and, where ../shared exists, against AWS's Smithy model of Lambda.
import { describe, expect, it } from 'vitest';
import { COMPANION_SAMPLES, COMPANIONS, ERROR_SHAPES, REVISIONS, SERVICE_MEMBER_ORDER } from './facts.js';
import {
  HAS_SMITHY,
  anchor,
  deref,
  errorSchema,
  errorWire,
  loadCompanions,
  loadRevision,
  members,
  operation,
  operations,
  revisionNames,
  successResponse,
  type Json,
} from './load.js';
import { shapeFacts, smithyError, smithyOperation } from './smithy.js';

const doc = loadCompanions();
const names = Object.keys(COMPANIONS);

function modelOf(name: string) {
  const { op, path, method } = operation(doc, name);
  const success = successResponse(op);
  const content = success.response.content;
  const response =
    content === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries<Json>(deref(doc, content['application/json'].schema).properties).map(([k, v]) => [k, v.type]),
        );
  return {
    op,
    method,
    path,
    successStatus: success.status,
    response,
    memberOrder: op['x-member-order'] as string[],
    members: Object.fromEntries(members(doc, op)),
    errors: Object.fromEntries((op['x-errors'] as string[]).map((n) => [n, errorSchema(doc, n)['x-error'].status])),
  };
}

it('companions.yaml holds exactly GetPolicy and RemovePermission', () => {
  expect([...operations(doc).keys()].sort()).toEqual(names.sort());
});

describe.each(names)('%s', (name) => {
  const facts = COMPANIONS[name];

  it(`is ${facts.method} ${facts.path} with success status ${facts.successStatus}`, () => {
    const m = modelOf(name);
    expect([m.method, m.path, m.successStatus]).toEqual([facts.method, facts.path, facts.successStatus]);
  });

  it(facts.response ? `returns ${name}Response {${Object.keys(facts.response).join(', ')}}` : 'returns an empty body (no content)', () => {
    const m = modelOf(name);
    expect(m.response).toEqual(facts.response);
    if (facts.response) {
      expect(successResponse(m.op).response.content['application/json'].schema.$ref).toBe(
        `#/components/schemas/${name}Response`,
      );
    }
  });

  it('takes no request body (every member is a path or query parameter)', () => {
    expect(modelOf(name).op.requestBody).toBeUndefined();
  });

  it('has exactly the members of the table, with their location, required-ness, lengths and patterns', () => {
    expect(modelOf(name).members).toEqual(facts.members);
  });

  it('lists its members in x-member-order in the service order', () => {
    expect(modelOf(name).memberOrder).toEqual(facts.memberOrder);
  });

  it('has exactly the errors of the table with their statuses', () => {
    expect(modelOf(name).op['x-errors']).toEqual(Object.keys(facts.errors).sort());
    expect(modelOf(name).errors).toEqual(facts.errors);
  });

  it('writes every pattern anchored, and each compiles and matches whole values only', () => {
    const samples = COMPANION_SAMPLES[name];
    const patterned = Object.entries(modelOf(name).members).filter(([, m]) => m.pattern !== undefined);
    expect(patterned.map(([n]) => n).sort()).toEqual(Object.keys(samples).sort());
    for (const [member, m] of patterned) {
      expect(m.pattern, member).toBe(anchor(m.documentedPattern!));
      for (const flags of ['', 'u']) {
        const re = new RegExp(m.pattern!, flags);
        for (const v of samples[member].accept) expect(re.test(v), `${member} should accept ${JSON.stringify(v)}`).toBe(true);
        for (const v of samples[member].reject) expect(re.test(v), `${member} should reject ${JSON.stringify(v)}`).toBe(false);
      }
    }
  });
});

describe('companions and AddPermission', () => {
  // What an error puts on the wire: status, fault, body members in order and header-bound members
  // (as a set). Where a header-bound member sits among the properties, and the documentation
  // wording, are not wire facts: 2026 lists TooManyRequestsException's members in Smithy's order
  // (retryAfterSeconds first) and words the error members as Smithy does.
  it('share the error schemas with the current AddPermission revision (same status, fault, body members in order, header-bound members)', () => {
    const current = loadRevision(revisionNames().at(-1)!);
    for (const facts of Object.values(COMPANIONS)) {
      // A later revision may drop an error the companions still raise: only shared schemas are compared.
      for (const e of Object.keys(facts.errors).filter((name) => current.components.schemas[name] !== undefined)) {
        const mine = errorSchema(doc, e);
        const theirs = errorSchema(current, e);
        expect(mine['x-error'], e).toEqual(theirs['x-error']);
        expect(errorWire(mine), e).toEqual(errorWire(theirs));
        expect(Object.keys(mine.properties).sort(), e).toEqual(Object.keys(theirs.properties).sort());
      }
    }
  });

  it('share the `Type` default of each error with the current AddPermission revision', () => {
    const current = loadRevision(revisionNames().at(-1)!);
    for (const e of new Set(Object.values(COMPANIONS).flatMap((f) => Object.keys(f.errors).filter((name) => current.components.schemas[name] !== undefined)))) {
      expect(errorSchema(doc, e).properties.Type.default, e).toBe(errorSchema(current, e).properties.Type.default);
    }
  });

  it('RemovePermission uses the same RevisionId precondition as AddPermission (412 PreconditionFailedException)', () => {
    expect(COMPANIONS.RemovePermission.errors.PreconditionFailedException).toBe(412);
    expect(REVISIONS['2025'].errors.PreconditionFailedException).toBe(412);
  });
});

// ------------------------------------------------------------------------------------------------
// Against AWS's Smithy model. Users' clones have no ../shared: these tests are skipped there.

const SMITHY = 'against ../shared/fixtures/smithy/lambda.json (needs ../shared: skipped where it is absent, as in users\' clones)';

describe(`companions ${SMITHY}`, () => {
  it.skipIf(!HAS_SMITHY).each(names)('%s: HTTP method, URI and success status match Smithy', (name) => {
    const s = smithyOperation(name);
    const m = modelOf(name);
    expect([m.method, m.path, m.successStatus]).toEqual([s.method, s.uri, s.code]);
  });

  it.skipIf(!HAS_SMITHY).each(names)('%s: members, their order and constraints match Smithy (model and table)', (name) => {
    const s = smithyOperation(name);
    const m = modelOf(name);
    expect(m.memberOrder).toEqual(s.memberOrder);
    expect(m.members).toEqual(s.members);
    expect(COMPANIONS[name].members).toEqual(s.members);
  });

  it.skipIf(!HAS_SMITHY).each(names)('%s: output members match Smithy', (name) => {
    expect(modelOf(name).response).toEqual(smithyOperation(name).output);
  });

  it.skipIf(!HAS_SMITHY).each(names)('%s: errors and their statuses match Smithy', (name) => {
    expect(modelOf(name).errors).toEqual(smithyOperation(name).errors);
  });

  it.skipIf(!HAS_SMITHY)('every error schema of companions.yaml matches Smithy: status, fault, body members and header binding', () => {
    for (const [e, schema] of Object.entries<Json>(doc.components.schemas)) {
      if (schema['x-error'] === undefined || e === doc['x-validation-error']) continue;
      const s = smithyError(e);
      const headers = Object.fromEntries(
        Object.entries<Json>(schema.properties)
          .filter(([, p]) => p['x-http-header'] !== undefined)
          .map(([k, p]) => [k, p['x-http-header']]),
      );
      // Member order is not compared: retryAfterSeconds goes in a header, the rest are body keys.
      const sorted = <T extends { members: string[] }>(x: T): T => ({ ...x, members: [...x.members].sort() });
      expect(
        sorted({ status: schema['x-error'].status, fault: schema['x-error'].fault, members: Object.keys(schema.properties), headers }),
        e,
      ).toEqual(sorted(s));
      expect(sorted(shapeFacts(ERROR_SHAPES[e])), e).toEqual(sorted({ fault: s.fault, members: s.members, headers: s.headers }));
    }
  });
});

describe(`current AddPermission ${SMITHY}`, () => {
  // Smithy is AWS's current (late 2025) model. Whatever the current revision, the facts every
  // revision states are compared here; a revision imported from Smithy (2026) is compared in full,
  // constraints and documentation included, in revisions.test.ts. A revision added by `npm run regen`
  // documents a later API than Smithy's capture; the latest revision of facts.ts is compared.
  const rev = Object.keys(REVISIONS).sort().at(-1)!;

  it.skipIf(!HAS_SMITHY)(`${rev}: member set, x-member-order, locations, types, required-ness and enum match Smithy`, () => {
    const s = smithyOperation('AddPermission');
    const { op } = operation(loadRevision(rev), 'AddPermission');
    expect(op['x-member-order']).toEqual(s.memberOrder);
    expect(s.memberOrder).toEqual(SERVICE_MEMBER_ORDER);
    const stated = (f: { in: string; type: string; required: boolean; enum?: string[] }) => ({
      in: f.in,
      type: f.type,
      required: f.required,
      enum: f.enum,
    });
    const model = Object.fromEntries([...members(loadRevision(rev), op)].map(([k, v]) => [k, stated(v)]));
    const smithy = Object.fromEntries(Object.entries(s.members).map(([k, v]) => [k, stated(v)]));
    expect(model).toEqual(smithy);
  });

  it.skipIf(!HAS_SMITHY)(`${rev}: HTTP binding, errors and statuses match Smithy`, () => {
    const s = smithyOperation('AddPermission');
    const { op, path, method } = operation(loadRevision(rev), 'AddPermission');
    expect([method, path, successResponse(op).status]).toEqual([s.method, s.uri, s.code]);
    const d = loadRevision(rev);
    expect(Object.fromEntries((op['x-errors'] as string[]).map((n) => [n, errorSchema(d, n)['x-error'].status]))).toEqual(s.errors);
  });
});
