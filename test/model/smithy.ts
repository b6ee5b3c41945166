// Reads AWS's Smithy model of Lambda from ../shared/fixtures/smithy/lambda.json (team machines only;
// tests that use it are skipped, visibly, when ../shared is absent).
import { readFileSync } from 'node:fs';
import type { ErrorShape, MemberFact } from './facts.js';
import { SMITHY_FILE, type Json } from './load.js';

const NS = 'com.amazonaws.lambda#';

let shapes: Record<string, Json> | undefined;

function allShapes(): Record<string, Json> {
  shapes ??= JSON.parse(readFileSync(SMITHY_FILE, 'utf8')).shapes as Record<string, Json>;
  return shapes;
}

function shape(id: string): Json {
  const s = allShapes()[id.includes('#') ? id : NS + id];
  if (s === undefined) throw new Error(`Smithy: no shape ${id}`);
  return s;
}

/** A pattern as the reference pages print it: Smithy's `^…$` without the anchors. */
export function unanchored(p: string): string {
  return p.replace(/^\^/, '').replace(/\$$/, '');
}

export interface SmithyOperation {
  method: string;
  uri: string;
  code: number;
  /** Input members in the model's order. */
  memberOrder: string[];
  members: Record<string, MemberFact>;
  /** Output members → type, or undefined for Unit. */
  output?: Record<string, string>;
  errors: Record<string, number>;
}

function typeOf(target: Json): { type: 'string' | 'boolean'; enum?: string[] } {
  if (target.type === 'string') return { type: 'string' };
  if (target.type === 'boolean') return { type: 'boolean' };
  if (target.type === 'enum') {
    const values = Object.entries<Json>(target.members).map(([k, m]) => m.traits?.['smithy.api#enumValue'] ?? k);
    return { type: 'string', enum: values };
  }
  throw new Error(`Smithy: unexpected member type ${target.type}`);
}

/**
 * An input member as a fact. Smithy writes patterns as `^…$`; the model keeps the page form
 * (without the anchors) in x-documented-pattern and anchors that as `^(?:…)$` (companions.yaml,
 * info.x-revision.repairs).
 */
function memberFact(member: Json): MemberFact {
  const target = shape(member.target);
  const traits = member.traits ?? {};
  const fact: MemberFact = {
    in: traits['smithy.api#httpLabel'] ? 'path' : traits['smithy.api#httpQuery'] ? 'query' : 'body',
    ...typeOf(target),
    required: traits['smithy.api#required'] !== undefined,
  };
  const length = target.traits?.['smithy.api#length'];
  if (length?.min !== undefined) fact.minLength = length.min;
  if (length?.max !== undefined) fact.maxLength = length.max;
  const pattern = target.traits?.['smithy.api#pattern'];
  if (pattern !== undefined) {
    fact.documentedPattern = unanchored(pattern);
    fact.pattern = `^(?:${fact.documentedPattern})$`;
  }
  // Keep the key order of MemberFact stable for readable diffs.
  const { enum: values, ...rest } = fact;
  return values ? { ...rest, enum: values } : rest;
}

export function smithyOperation(name: string): SmithyOperation {
  const op = shape(name);
  const http = op.traits['smithy.api#http'];
  const input = shape(op.input.target);
  const outputId: string = op.output.target;
  const output =
    outputId === 'smithy.api#Unit'
      ? undefined
      : Object.fromEntries(
          Object.entries<Json>(shape(outputId).members).map(([k, m]) => [k, typeOf(shape(m.target)).type]),
        );
  return {
    method: http.method,
    uri: http.uri,
    code: http.code,
    memberOrder: Object.keys(input.members),
    members: Object.fromEntries(Object.entries<Json>(input.members).map(([k, m]) => [k, memberFact(m)])),
    output,
    errors: Object.fromEntries(
      (op.errors as Json[]).map((e) => [e.target.replace(NS, ''), shape(e.target).traits['smithy.api#httpError']]),
    ),
  };
}

export interface SmithyError {
  status: number;
  fault: 'client' | 'server';
  members: string[];
  headers: Record<string, string>;
}

export function smithyError(name: string): SmithyError {
  const s = shape(name);
  const headers: Record<string, string> = {};
  for (const [k, m] of Object.entries<Json>(s.members)) {
    const h = m.traits?.['smithy.api#httpHeader'];
    if (h !== undefined) headers[k] = h;
  }
  return {
    status: s.traits['smithy.api#httpError'],
    fault: s.traits['smithy.api#error'],
    members: Object.keys(s.members),
    headers,
  };
}

/** The parts of an ErrorShape that Smithy states (not the `Type` default, which servers send). */
export function shapeFacts(e: ErrorShape): Omit<SmithyError, 'status'> {
  return { fault: e.fault, members: e.members, headers: e.headers ?? {} };
}

/** The enum values of each member of a structure whose target is an enum (e.g. TooManyRequestsException.Reason). */
export function smithyMemberEnums(name: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, m] of Object.entries<Json>(shape(name).members ?? {})) {
    const values = typeOf(shape(m.target)).enum;
    if (values !== undefined) out[k] = values;
  }
  return out;
}

/** Smithy's documentation (HTML) of an operation, error or structure, or undefined when it has none. */
export function smithyDocumentation(name: string): string | undefined {
  return shape(name).traits?.['smithy.api#documentation'];
}

/** Documentation (HTML) of each member of a structure, or undefined for a member without any. */
export function smithyMemberDocumentation(name: string): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries<Json>(shape(name).members ?? {}).map(([k, m]) => [k, m.traits?.['smithy.api#documentation']]),
  );
}

/** The structure an operation takes as input, or returns as output (`smithy.api#Unit` for none). */
export function smithyIo(operation: string): { input: string; output: string } {
  const op = shape(operation);
  return { input: op.input.target, output: op.output.target };
}
