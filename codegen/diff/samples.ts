// Sample values of a member: what the diff shows so that a reviewer sees real-looking input.
//
// Every sample comes from the member's own constraints (pattern, lengths, enum, range) and is
// checked against them with JavaScript's RegExp before it is shown. To look like real input, a
// sample is the value nearest (fewest edits) to one the documentation shows for that member
// (inline code in its description, enum values, its default and examples), or to a few identifier
// the member's name written as a value, or to a few identifier shapes common to AWS APIs and their
// rewrites into the other AWS partitions, since partition support is what ARN patterns most often
// gain. Without any such template close enough, a shortest readable value is taken. When the constraints admit no value, the sample says so.

import type { Member, Model } from './model.js';
import { sampleOfSet, type ValueConstraints } from './patterns.js';

const AWS_SHAPES = [
  '123456789012',
  'arn:aws:s3:::example-bucket',
  'arn:aws:sns:us-east-1:123456789012:example-topic',
  'arn:aws:iam::123456789012:root',
  's3.amazonaws.com',
];

const PARTITIONS: { partition: string; region: string }[] = [
  { partition: 'aws-cn', region: 'cn-north-1' },
  { partition: 'aws-us-gov', region: 'us-gov-west-1' },
  { partition: 'aws-iso', region: 'us-iso-east-1' },
];

const REGION = /\b[a-z]{2}-[a-z]+-\d\b/g;

/** Every partition variant of a value that contains an `arn:aws:` ARN or a region name. */
export function partitionVariants(value: string): string[] {
  const variants: string[] = [];
  for (const { partition, region } of PARTITIONS) {
    const rewritten = value.replace(/\barn:aws:/g, `arn:${partition}:`).replace(REGION, region);
    if (rewritten !== value) variants.push(rewritten);
  }
  return variants;
}

/** Names a model gives to operations and members: inline code that is one of them names, it is not a value. */
function namesIn(model: Model): Set<string> {
  const names = new Set<string>();
  for (const op of model.operations.values()) {
    names.add(op.id);
    for (const m of [...op.input.values(), ...op.output.values()]) names.add(m.name.replace(/.*[.\]}]/, ''));
  }
  for (const e of model.errors.values()) for (const m of e.members.keys()) names.add(m);
  return names;
}

/** The values the documentation shows for a member, in the order written, without duplicates. */
export function documentedValues(member: Member, model: Model): string[] {
  const names = namesIn(model);
  const values: unknown[] = [
    ...[...(member.description ?? '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]).filter((code) => !names.has(code)),
    ...(member.enum ?? []),
    member.default,
    ...(member.examples ?? []),
  ];
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))];
}

/** The member's name as a value (`WidgetName` → `widget-name`): what a person would type in a free-text member. */
export function nameAsValue(member: Pick<Member, 'name'>): string {
  const last = member.name.split(/[.[\]{}]+/).filter(Boolean).pop() ?? member.name;
  return last.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

/**
 * Values to build samples from, in order of preference: the member's own documented ones and their
 * partition variants, its name as a value, then common AWS shapes (an account ID, ARNs).
 */
export function templatesFor(documented: readonly string[], members: readonly Pick<Member, 'name'>[]): string[] {
  const base = [...documented, ...documented.flatMap(partitionVariants), ...members.map(nameAsValue)];
  return [...new Set([...base, ...AWS_SHAPES, ...AWS_SHAPES.flatMap(partitionVariants)])];
}

export function constraintsOf(member: Member): ValueConstraints {
  return { pattern: member.pattern, minLength: member.minLength, maxLength: member.maxLength, enum: member.enum };
}

/** A value of the member, or why there is none. */
export type MemberSample = { value: string } | { none: string };

const STRING_KINDS = new Set(['string', 'enum']);
const INTEGER_KINDS = new Set(['byte', 'short', 'integer', 'long', 'bigInteger', 'intEnum']);
const NUMBER_KINDS = new Set(['float', 'double', 'bigDecimal']);

/**
 * A sample value of a member as JSON would carry it (a string's text, a number's digits), or why
 * none exists; undefined for members a single value does not describe (structures, lists, blobs,
 * timestamps, documents) and where the automata cannot answer. Deterministic.
 */
export function sampleOf(member: Member, model: Model): MemberSample | undefined {
  const kind = member.kind ?? (member.type === 'string' ? 'string' : undefined);
  if (kind === 'boolean') return { value: 'true' };
  if (kind !== undefined && (INTEGER_KINDS.has(kind) || NUMBER_KINDS.has(kind))) return numberSample(member, INTEGER_KINDS.has(kind));
  if (kind === undefined || !STRING_KINDS.has(kind)) return undefined;
  const sample = sampleOfSet([constraintsOf(member)], templatesFor(documentedValues(member, model), [member]));
  if ('value' in sample) return sample;
  if ('none' in sample) return { none: `no value meets every constraint of \`${member.name}\` (${describeConstraints(member)})` };
  return undefined;
}

function numberSample(member: Member, integer: boolean): MemberSample | undefined {
  const allowed = (member.enum ?? []).filter((v): v is number => typeof v === 'number');
  const { min, max, exclusiveMin, exclusiveMax } = member.range ?? {};
  const fits = (n: number) =>
    (min === undefined || (exclusiveMin ? n > min : n >= min)) && (max === undefined || (exclusiveMax ? n < max : n <= max)) && (!integer || Number.isInteger(n));
  const candidates = member.enum ? allowed : [1, 0, ...(min !== undefined ? [min, Math.floor(min) + 1] : []), ...(max !== undefined ? [max, Math.ceil(max) - 1] : [])];
  if (!member.enum && !integer && min !== undefined && max !== undefined) candidates.push((min + max) / 2);
  const found = candidates.find(fits);
  if (found !== undefined) return { value: String(found) };
  return { none: `no ${integer ? 'integer' : 'number'} meets every constraint of \`${member.name}\` (${describeConstraints(member)})` };
}

/** The constraints of a member in one phrase, for saying why no value meets them. */
export function describeConstraints(member: Member): string {
  const parts: string[] = [];
  if (member.pattern !== undefined) parts.push(`pattern \`${member.documentedPattern ?? member.pattern}\``);
  if (member.minLength !== undefined || member.maxLength !== undefined) parts.push(`length ${member.minLength ?? 0} to ${member.maxLength ?? 'any'}`);
  if (member.enum !== undefined) parts.push(`one of ${member.enum.map((v) => JSON.stringify(v)).join(', ') || 'no value'}`);
  const r = member.range;
  if (r && (r.min !== undefined || r.max !== undefined)) {
    parts.push(`range ${r.min === undefined ? '(' : r.exclusiveMin ? '(' : '['}${r.min ?? '-∞'}, ${r.max ?? '∞'}${r.max === undefined ? ')' : r.exclusiveMax ? ')' : ']'}`);
  }
  return parts.join(', ') || 'none';
}
