// The real revisions in model/revisions/ give the expected findings.

import { describe, expect, it } from 'vitest';
import { diffModels, type DiffResult } from '../../codegen/diff/diff.js';
import type { Finding } from '../../codegen/diff/findings.js';
import { REVISIONS } from '../model/facts.js';
import { revisionNames } from '../model/load.js';
import { realRevision, wholeMatch } from './helpers.js';
import { COMPANIONS_FILE, ROOT } from '../model/load.js';
import { loadDocument } from '../../codegen/model/document.js';

/** Every revision in model/revisions/, including any added by `npm run regen`. */
const NAMES = revisionNames();
const cache = new Map<string, DiffResult>();
function diff(a: string, b: string): DiffResult {
  const key = `${a}-${b}`;
  // Generated with the companion operations, as regen does: the clients compared are the real ones.
  if (!cache.has(key)) cache.set(key, diffModels(realRevision(a), realRevision(b), { companions: [loadDocument(COMPANIONS_FILE, ROOT)] }));
  return cache.get(key)!;
}

function only(result: DiffResult, id: string, about: string): Finding {
  const found = result.findings.filter((f) => f.id === id && f.message.includes(about));
  expect(found, `${id} about ${about}`).toHaveLength(1);
  return found[0];
}

function changes(result: DiffResult): string[] {
  return result.findings.filter((f) => ['breaking', 'warning', 'info'].includes(f.level)).map((f) => `${f.level} ${f.id}: ${f.message}`);
}

/** Each example is accepted by the side it names and rejected by the other, per JavaScript's RegExp. */
function checkExamples(finding: Finding, oldPattern: string, newPattern: string) {
  for (const e of finding.examples ?? []) {
    expect(wholeMatch(oldPattern, e.value), `${e.value} vs old`).toBe(e.acceptedBy === 'old');
    expect(wholeMatch(newPattern, e.value), `${e.value} vs new`).toBe(e.acceptedBy === 'new');
  }
}

const schemas = (name: string) => (realRevision(name).document as any).components.schemas.AddPermissionRequest.properties;
const functionNamePattern = (name: string) => (realRevision(name).document as any).paths['/2015-03-31/functions/{FunctionName}/policy'].post.parameters[0].schema.pattern;
const qualifierPattern = (name: string) => (realRevision(name).document as any).paths['/2015-03-31/functions/{FunctionName}/policy'].post.parameters[1].schema.pattern;
const clientVersion = (name: string): string => (realRevision(name).document as any).info['x-client-version'];

/** `x.y.z` bumped by a semantic-version level. */
function bumped(version: string, bump: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return version;
}

describe('real revisions', () => {
  it.each(NAMES)('%s against itself reports nothing', (name) => {
    expect(diff(name, name).findings).toEqual([]);
  });

  describe('2017 → 2020', () => {
    const result = () => diff('2017', '2020');

    it('adds the optional RevisionId (info, minor)', () => {
      const f = only(result(), 'request-member-added-optional', '`RevisionId`');
      expect(f.level).toBe('info');
      expect(f.impact).toEqual({
        typescript: '`AddPermissionRequest.RevisionId`: (absent) → `RevisionId?: string | undefined`',
        bump: 'minor',
        declaration: 'AddPermissionRequest.RevisionId',
        after: 'RevisionId?: string | undefined',
        from: 'surface',
      });
      expect(f.location).toBe('/components/schemas/AddPermissionRequest/properties/RevisionId');
    });

    it('adds the 412 PreconditionFailedException; its class already existed (RemovePermission throws it), so only its doc comment changes', () => {
      const f = only(result(), 'error-added', 'PreconditionFailedException (412)');
      expect(f.impact).toEqual({
        typescript: '`PreconditionFailedException`: `class PreconditionFailedException` unchanged; its doc comment changes',
        bump: 'patch',
        declaration: 'PreconditionFailedException',
        before: 'class PreconditionFailedException',
        after: 'class PreconditionFailedException',
        from: 'surface',
      });
      // The same comparison regen takes the version step from: minor, for RevisionId alone.
      expect(result().summary).toMatchObject({ semver: 'minor', semverFrom: 'surface', semverReasons: ['new optional member `AddPermissionRequest.RevisionId`'] });
    });

    it('widens SourceArn, with a China-partition ARN among the witnesses', () => {
      const f = only(result(), 'pattern-widened', '`SourceArn`');
      expect(f.examples?.some((e) => e.acceptedBy === 'new' && e.value.startsWith('arn:aws-cn:'))).toBe(true);
      expect(f.examples?.find((e) => e.kind === 'shortest')).toMatchObject({ acceptedBy: 'new' });
      checkExamples(f, schemas('2017').SourceArn.pattern, schemas('2020').SourceArn.pattern);
    });

    it('widens FunctionName', () => {
      const f = only(result(), 'pattern-widened', '`FunctionName`');
      expect(f.examples?.every((e) => e.acceptedBy === 'new')).toBe(true);
      checkExamples(f, functionNamePattern('2017'), functionNamePattern('2020'));
    });

    it('has no breaking change and suggests a minor bump', () => {
      expect(result().summary).toMatchObject({ breaking: 0, warning: 0, semver: 'minor' });
      expect(changes(result())).toHaveLength(4);
    });

    it('keeps documentation-only changes apart, never breaking', () => {
      const docs = result().findings.filter((f) => f.level === 'documentation');
      expect(docs).toHaveLength(16);
      expect(docs.map((f) => f.message)).toContain('summary of AddPermission changed');
      expect(docs.map((f) => f.message)).toContain('description of error TooManyRequestsException added');
      expect(result().summary.documentation).toBe(docs.length);
    });
  });

  describe('2020 → 2022', () => {
    const result = () => diff('2020', '2022');

    it('adds PrincipalOrgID and FunctionUrlAuthType (info)', () => {
      expect(only(result(), 'request-member-added-optional', '`PrincipalOrgID`').level).toBe('info');
      const auth = only(result(), 'request-member-added-optional', '`FunctionUrlAuthType`');
      expect(auth.impact.typescript).toBe('`AddPermissionRequest.FunctionUrlAuthType`: (absent) → `FunctionUrlAuthType?: FunctionUrlAuthType | undefined`');
      const principal = only(result(), 'pattern-narrowed', '`Principal`');
      expect(principal.impact.typescript).toBe('`AddPermissionRequest.Principal`: `Principal: string` unchanged; its doc comment changes; the service rejects values 2020 accepted');
    });

    it('narrows Principal from .* to [^\\s]+ (breaking, witness "")', () => {
      const f = only(result(), 'pattern-narrowed', '`Principal`');
      expect(f.level).toBe('breaking');
      expect(f.examples?.[0]).toEqual({ value: '', acceptedBy: 'old', kind: 'shortest' });
      checkExamples(f, schemas('2020').Principal.pattern, schemas('2022').Principal.pattern);
    });

    it('sees that SourceAccount gaining maxLength 12 with pattern \\d{12} changes no accepted value: documentation only, not a change', () => {
      const f = only(result(), 'length-bound-equivalent', '`SourceAccount`');
      expect(f.level).toBe('documentation');
      expect(changes(result()).filter((c) => c.includes('SourceAccount'))).toEqual([]);
      expect(f.location).toBe('/components/schemas/AddPermissionRequest/properties/SourceAccount/maxLength');
      expect(result().findings.filter((x) => x.level === 'breaking').map((x) => x.id)).toEqual(['pattern-narrowed']);
    });
  });

  describe('2022 → 2025', () => {
    const result = () => diff('2022', '2025');

    it('adds InvokedViaFunctionUrl (info) and suggests a minor bump', () => {
      const f = only(result(), 'request-member-added-optional', '`InvokedViaFunctionUrl`');
      expect(f.impact.typescript).toBe('`AddPermissionRequest.InvokedViaFunctionUrl`: (absent) → `InvokedViaFunctionUrl?: boolean | undefined`');
      expect(result().summary.semver).toBe('minor');
      expect(result().summary.breaking).toBe(0);
      expect(changes(result())).toHaveLength(1);
    });

    it('notes the carried-over constraints as documentation', () => {
      const f = only(result(), 'constraints-carried-over', 'revision 2022');
      expect(f.level).toBe('documentation');
      expect(f.impact.bump).toBe('none');
    });
  });

  describe('2025 → 2026 (AWS\'s Smithy model)', () => {
    const result = () => diff('2025', '2026');

    it('widens FunctionName\'s pattern (info, patch): ISO regions, `.` in names, `$LATEST.PUBLISHED`', () => {
      const f = only(result(), 'pattern-widened', '`FunctionName`');
      expect(f.level).toBe('info');
      expect(f.impact.bump).toBe('patch');
      expect(f.location).toBe('/paths/~12015-03-31~1functions~1{FunctionName}~1policy/post/parameters/0/schema');
      expect(f.examples?.length).toBeGreaterThan(0);
      expect(f.examples?.every((e) => e.acceptedBy === 'new')).toBe(true);
      checkExamples(f, functionNamePattern('2025'), functionNamePattern('2026'));
      for (const value of ['my.function', 'my-function:$LATEST.PUBLISHED', 'arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f']) {
        expect([wholeMatch(functionNamePattern('2025'), value), wholeMatch(functionNamePattern('2026'), value)], value).toEqual([false, true]);
      }
    });

    it('relaxes FunctionName\'s maxLength 140 → 256 (info, patch), with a 141-character witness', () => {
      const f = only(result(), 'length-bound-relaxed', '`FunctionName`');
      expect(f.level).toBe('info');
      expect(f.message).toContain('maxLength');
      expect(f.message).toContain('140 → 256');
      expect(f.impact.bump).toBe('patch');
      expect(f.location).toBe('/paths/~12015-03-31~1functions~1{FunctionName}~1policy/post/parameters/0/schema/maxLength');
      expect(f.examples?.find((e) => e.kind === 'shortest')).toMatchObject({ acceptedBy: 'new' });
      expect([...f.examples!.find((e) => e.kind === 'shortest')!.value].length).toBe(141);
    });

    it('widens Qualifier\'s pattern (info, patch), shortest witness `$LATEST.PUBLISHED`', () => {
      const f = only(result(), 'pattern-widened', '`Qualifier`');
      expect(f.level).toBe('info');
      expect(f.impact.bump).toBe('patch');
      expect(f.examples?.find((e) => e.kind === 'shortest')).toEqual({ value: '$LATEST.PUBLISHED', acceptedBy: 'new', kind: 'shortest' });
      checkExamples(f, qualifierPattern('2025'), qualifierPattern('2026'));
    });

    it('reports nothing for SourceAccount gaining minLength 0: no minLength and minLength 0 accept the same values', () => {
      expect(result().findings.filter((f) => f.message.includes('`SourceAccount`') && f.message.includes('minLength'))).toEqual([]);
    });

    it('has exactly these three changes, nothing breaking, and suggests a patch bump', () => {
      expect(result().summary).toMatchObject({ breaking: 0, warning: 0, info: 3, semver: 'patch' });
      expect(changes(result())).toHaveLength(3);
      expect(result().findings.filter((f) => ['breaking', 'warning', 'info'].includes(f.level)).map((f) => f.id).sort()).toEqual([
        'length-bound-relaxed',
        'pattern-widened',
        'pattern-widened',
      ]);
      for (const id of ['request-member-added-optional', 'request-member-removed', 'error-added', 'error-removed']) {
        expect(result().findings.filter((f) => f.id === id), id).toEqual([]);
      }
    });

    it('keeps the reworded error descriptions as documentation only (a patch at most: doc comments change)', () => {
      const docs = result().findings.filter((f) => f.level === 'documentation');
      expect(docs).toHaveLength(19);
      expect(docs.every((f) => f.id === 'documentation-changed' && ['none', 'patch'].includes(f.impact.bump))).toBe(true);
      expect(docs.map((f) => f.message)).toContain('description of error InvalidParameterValueException member message changed');
      expect(result().summary.documentation).toBe(docs.length);
    });

    it('carries nothing over, so reports no carried-over constraints', () => {
      expect(result().findings.filter((f) => f.id === 'constraints-carried-over')).toEqual([]);
    });
  });

  describe('2017 → 2026', () => {
    it('is breaking only because of Principal, and gathers every addition and widening', () => {
      const result = diff('2017', '2026');
      expect(result.findings.filter((f) => f.level === 'breaking').map((f) => f.message)).toEqual([
        'AddPermission: `Principal` (body member) pattern narrowed: `.*` → `[^\\s]+`',
      ]);
      for (const member of ['RevisionId', 'PrincipalOrgID', 'FunctionUrlAuthType', 'InvokedViaFunctionUrl']) {
        only(result, 'request-member-added-optional', `\`${member}\``);
      }
      for (const member of ['FunctionName', 'SourceArn', 'Qualifier']) only(result, 'pattern-widened', `\`${member}\``);
      only(result, 'length-bound-relaxed', '`FunctionName`');
    });
  });

  // The recorded version step is the client surface's (test/diff/surface.test.ts, every pair); for the
  // revisions of facts.ts the model diff suggests the same step.
  const TABLED = NAMES.filter((name) => REVISIONS[name] !== undefined);
  describe('x-client-version agrees with the bump the model diff suggests, for the revisions of facts.ts', () => {
    it.each(TABLED.slice(1).map((name, i) => [TABLED[i], name]))('%s → %s', (a, b) => {
      expect(clientVersion(b)).toBe(bumped(clientVersion(a), diff(a, b).summary.semver));
    });

    it('2025 → 2026 is the patch bump 1.3.0 → 1.3.1', () => {
      expect([clientVersion('2025'), clientVersion('2026'), diff('2025', '2026').summary.semver]).toEqual(['1.3.0', '1.3.1', 'patch']);
    });
  });

  describe('2017 → 2025', () => {
    it('is breaking because of Principal, and gathers every addition', () => {
      const result = diff('2017', '2025');
      expect(result.findings.filter((f) => f.level === 'breaking').map((f) => f.message)).toEqual([
        'AddPermission: `Principal` (body member) pattern narrowed: `.*` → `[^\\s]+`',
      ]);
      for (const member of ['RevisionId', 'PrincipalOrgID', 'FunctionUrlAuthType', 'InvokedViaFunctionUrl']) {
        only(result, 'request-member-added-optional', `\`${member}\``);
      }
    });
  });
});
