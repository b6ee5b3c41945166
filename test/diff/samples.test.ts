// Sample values come from each member's own constraints and meet all of them; where the
// constraints admit no value, the sample says so instead of inventing one.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModel } from '../../codegen/diff/load.js';
import type { Member, Model } from '../../codegen/diff/model.js';
import { sampleOf } from '../../codegen/diff/samples.js';
import { diffEdited, fixture, model, baseDoc, prop } from './helpers.js';
import { COMPANIONS_FILE, REVISIONS_DIR } from '../model/load.js';

/** Every member of a model at any depth: inputs, outputs and error members. */
function membersOf(m: Model): Member[] {
  return [
    ...[...m.operations.values()].flatMap((op) => [...op.input.values(), ...op.output.values()]),
    ...[...m.errors.values()].flatMap((e) => [...e.members.values()]),
  ];
}

/** Checks a value against every constraint the member states, without the diff's own code. */
function violations(member: Member, value: string): string[] {
  const out: string[] = [];
  const integer = ['byte', 'short', 'integer', 'long', 'bigInteger', 'intEnum'].includes(member.kind ?? '');
  const number = integer || ['float', 'double', 'bigDecimal'].includes(member.kind ?? '');
  if (member.kind === 'boolean') return ['true', 'false'].includes(value) ? [] : ['not a boolean'];
  if (number) {
    const n = Number(value);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) out.push('not a number of the kind');
    const r = member.range ?? {};
    if (r.min !== undefined && (r.exclusiveMin ? n <= r.min : n < r.min)) out.push('below the range');
    if (r.max !== undefined && (r.exclusiveMax ? n >= r.max : n > r.max)) out.push('above the range');
    if (member.enum && !member.enum.includes(n)) out.push('not in the enum');
    return out;
  }
  const length = [...value].length;
  if (member.minLength !== undefined && length < member.minLength) out.push(`shorter than ${member.minLength}`);
  if (member.maxLength !== undefined && length > member.maxLength) out.push(`longer than ${member.maxLength}`);
  if (member.enum && !member.enum.includes(value)) out.push('not in the enum');
  if (member.pattern !== undefined && !new RegExp(`^(?:${member.pattern})$`, 'u').test(value)) out.push(`does not match ${member.pattern}`);
  return out;
}

const MODELS = [
  ...readdirSync(REVISIONS_DIR).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(REVISIONS_DIR, f)),
  COMPANIONS_FILE,
  fixture('base.yaml'),
];

describe.each(MODELS)('every member of %s', (file) => {
  const m = readModel(file);
  const members = membersOf(m);

  it('has a sample that meets every constraint of the member, or none only for members no single value describes', () => {
    const checked: string[] = [];
    for (const member of members) {
      const sample = sampleOf(member, m);
      const scalar = ['string', 'enum', 'boolean', 'byte', 'short', 'integer', 'long', 'bigInteger', 'intEnum', 'float', 'double', 'bigDecimal'].includes(member.kind ?? '');
      if (!scalar) {
        expect(sample, member.name).toBeUndefined();
        continue;
      }
      expect(sample && 'value' in sample, `${member.name}: ${JSON.stringify(sample)}`).toBe(true);
      const value = (sample as { value: string }).value;
      expect(violations(member, value), `${member.name} = ${JSON.stringify(value)}`).toEqual([]);
      checked.push(member.name);
    }
    expect(checked.length).toBeGreaterThan(3);
  });

  it('gives the same samples on every run', () => {
    const again = readModel(file);
    expect(membersOf(again).map((x) => sampleOf(x, again))).toEqual(members.map((x) => sampleOf(x, m)));
  });
});

describe('samples look like the member, not like another one', () => {
  const latest = readModel(join(REVISIONS_DIR, readdirSync(REVISIONS_DIR).filter((f) => f.endsWith('.yaml')).sort().pop()!));
  const input = (name: string) => latest.operations.get('AddPermission')!.input.get(name)!;
  it.each([
    { given: 'FunctionName (a value its description shows)', member: 'FunctionName', want: 'my-function' },
    { given: 'SourceAccount (\\d{12}: an account ID)', member: 'SourceAccount', want: '123456789012' },
    { given: 'PrincipalOrgID (o-[a-z0-9]{10,32}, 12 to 34 characters)', member: 'PrincipalOrgID', want: 'o-123456789012' },
    { given: 'StatementId (a free identifier: its name as a value)', member: 'StatementId', want: 'statement-id' },
    { given: 'FunctionUrlAuthType (an enum)', member: 'FunctionUrlAuthType', want: 'AWS_IAM' },
  ])('$given → $want', ({ member, want }) => {
    expect(sampleOf(input(member), latest)).toEqual({ value: want });
  });
});

describe('constraints that admit no value', () => {
  const create = (edit: (doc: Record<string, any>) => void) => {
    const doc = baseDoc();
    edit(doc);
    const m = model(doc, 'edited.yaml');
    return (name: string) => sampleOf(m.operations.get('CreateWidget')!.input.get(name)!, m);
  };
  it.each([
    { given: 'a four-digit pattern with maxLength 3', edit: (d: any) => (prop(d, 'Code').maxLength = 3), member: 'Code', want: 'no value meets every constraint of `Code` (pattern `^(?:\\d{4})$`, length 0 to 3)' },
    { given: 'minLength above maxLength', edit: (d: any) => (prop(d, 'Label').minLength = 30), member: 'Label', want: 'no value meets every constraint of `Label` (pattern `[a-z]+`, length 30 to 20)' },
    { given: 'an enum the pattern rejects', edit: (d: any) => (prop(d, 'Color').pattern = '[a-z]+'), member: 'Color', want: 'no value meets every constraint of `Color` (pattern `[a-z]+`, one of "RED", "BLUE")' },
    { given: 'an integer strictly between 0 and 1', edit: (d: any) => Object.assign(prop(d, 'Count'), { exclusiveMinimum: 0, exclusiveMaximum: 1 }), member: 'Count', want: 'no integer meets every constraint of `Count` (range (0, 1))' },
  ])('$given: says so', ({ edit, member, want }) => {
    expect(create(edit)(member)).toEqual({ none: want });
  });

  it('says so in the finding, which then shows no invented value', () => {
    const result = diffEdited((d) => (prop(d, 'Code').maxLength = 3));
    const finding = result.findings.find((f) => f.id === 'length-bound-added')!;
    expect(finding.sample).toEqual({ member: 'Code', none: 'no value meets every constraint of `Code` (pattern `^(?:\\d{4})$`, length 0 to 3)' });
  });
});

describe('witnesses respect every constraint, lengths included', () => {
  it('a realistic witness built from a documented value longer than maxLength stays within it', () => {
    const result = diffEdited((d) => {
      Object.assign(prop(d, 'Label'), { maxLength: 6, pattern: '^(?:[a-z0-9]+)$', description: 'For example `abcdefghij1` or `abc1`.' });
    });
    const finding = result.findings.find((f) => f.id === 'pattern-widened')!;
    const label = (m: 'old' | 'new') => ({ pattern: m === 'old' ? '[a-z]+' : '[a-z0-9]+', maxLength: m === 'old' ? 20 : 6 });
    expect(finding.examples?.map((e) => e.kind)).toEqual(['shortest', 'sample']);
    for (const e of finding.examples ?? []) {
      const c = label(e.acceptedBy);
      expect([...e.value].length, e.value).toBeLessThanOrEqual(c.maxLength);
      expect(new RegExp(`^(?:${c.pattern})$`, 'u').test(e.value), e.value).toBe(true);
    }
    expect(finding.examples?.find((e) => e.kind === 'sample')?.value).toBe('abc1');
  });
});
