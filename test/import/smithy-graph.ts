// The round trip's judge: a Smithy model (JSON AST, mixins flattened) read straight, compared with
// the shape graph the generator reads from the imported OpenAPI document. Written independently of
// the importer: it walks the Smithy shapes itself and says, per operation, member and shape, what
// the graph lost or changed (binding, required, kind, constraint, format, trait, error).

import type { ShapeModel, Shape, Member, Binding, BoundMember } from '../../codegen/model/shapes.js';

type Obj = Record<string, any>;
type Where = 'body' | 'header' | 'query' | 'label';

const PRELUDE: Record<string, string> = {
  String: 'string', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Byte: 'byte', PrimitiveByte: 'byte', Short: 'short', PrimitiveShort: 'short',
  Integer: 'integer', PrimitiveInteger: 'integer', Long: 'long', PrimitiveLong: 'long', Float: 'float', PrimitiveFloat: 'float', Double: 'double',
  PrimitiveDouble: 'double', BigInteger: 'bigInteger', BigDecimal: 'bigDecimal', Timestamp: 'timestamp', Blob: 'blob', Document: 'document', Unit: 'structure',
};

/** The graph kind a Smithy shape must become. */
const KIND: Record<string, string> = { set: 'list' };

export interface Comparison {
  differences: string[];
  /** How many shapes of each graph kind were compared (reached from an operation). */
  compared: Record<string, number>;
  /** How many member bindings of each kind were compared. */
  bindings: Record<string, number>;
  /** Traits compared, by name. */
  traits: Record<string, number>;
}

export function compareWithGraph(smithy: { shapes: Record<string, Obj> }, graph: ShapeModel, operations: string[]): Comparison {
  const shapes = smithy.shapes;
  const out: Comparison = { differences: [], compared: {}, bindings: {}, traits: {} };
  const diff = (where: string, what: string) => out.differences.push(`${where}: ${what}`);
  const count = (bucket: Record<string, number>, key: string) => (bucket[key] = (bucket[key] ?? 0) + 1);
  const local = (id: string) => id.replace(/^.*#/, '');
  const shapeOf = (id: string): Obj | undefined => (id.startsWith('smithy.api#') ? { type: PRELUDE[local(id)] } : shapes[id]);
  const seen = new Set<string>();

  const constraints = (where: string, traits: Obj, shape: Shape) => {
    const c = shape.constraints;
    const length = traits['smithy.api#length'];
    if (length) {
      count(out.traits, 'length');
      if ((length.min ?? undefined) !== c.length?.min || (length.max ?? undefined) !== c.length?.max) diff(where, `length ${JSON.stringify(length)} read as ${JSON.stringify(c.length)}`);
    }
    const range = traits['smithy.api#range'];
    if (range) {
      count(out.traits, 'range');
      const want = [range.min === undefined ? undefined : Number(range.min), range.max === undefined ? undefined : Number(range.max)];
      if (want[0] !== c.range?.min || want[1] !== c.range?.max) diff(where, `range ${JSON.stringify(range)} read as ${JSON.stringify(c.range)}`);
    }
    if (typeof traits['smithy.api#pattern'] === 'string') {
      count(out.traits, 'pattern');
      if (c.pattern === undefined) diff(where, 'pattern lost');
    }
    if (traits['smithy.api#uniqueItems'] !== undefined) {
      count(out.traits, 'uniqueItems');
      if (!c.uniqueItems) diff(where, 'uniqueItems lost');
    }
  };

  /** Compares the Smithy target (with the member's traits) with the graph shape it became. */
  const compare = (where: string, targetId: string, memberTraits: Obj, graphId: string, at: Where) => {
    const target = shapeOf(targetId);
    const shape = graph.shapes.get(graphId);
    if (!target) return diff(where, `target ${targetId} is not in the Smithy model`);
    if (!shape) return diff(where, `graph shape ${graphId} missing`);
    const traits = { ...(target.traits ?? {}), ...memberTraits };
    const isEnum = target.type === 'string' && Array.isArray(traits['smithy.api#enum']);
    const kind = isEnum ? 'enum' : (KIND[target.type] ?? target.type);
    if (shape.kind !== kind) return diff(where, `${targetId} (${target.type}) read as ${shape.kind}`);
    constraints(where, traits, shape);
    if (kind === 'timestamp' && shape.kind === 'timestamp') {
      const want = traits['smithy.api#timestampFormat'] ?? (at === 'header' ? 'http-date' : at === 'body' ? 'epoch-seconds' : 'date-time');
      count(out.traits, 'timestampFormat');
      if (shape.format !== want) diff(where, `timestamp format ${want} read as ${shape.format}`);
    }
    if (kind === 'enum' || kind === 'intEnum') {
      const values = isEnum ? traits['smithy.api#enum'].map((e: Obj) => e.value) : Object.entries<Obj>(target.members ?? {}).map(([n, m]) => m.traits?.['smithy.api#enumValue'] ?? n);
      if (JSON.stringify(values) !== JSON.stringify(shape.constraints.enum)) diff(where, `enum values ${JSON.stringify(values)} read as ${JSON.stringify(shape.constraints.enum)}`);
    }
    // Every use is checked for its traits above; a shared shape's insides once.
    const key = `${targetId}→${graphId}@${at}`;
    if (seen.has(key)) return;
    seen.add(key);
    count(out.compared, kind);
    if (shape.kind === 'structure' || shape.kind === 'union') {
      const want = Object.keys(target.members ?? {});
      const got = shape.members.map((m) => m.name);
      if (JSON.stringify(want) !== JSON.stringify(got)) return diff(where, `members ${want.join(',')} read as ${got.join(',')}`);
      for (const [name, member] of Object.entries<Obj>(target.members ?? {})) memberOf(`${where}.${name}`, member, shape.members.find((m) => m.name === name)!, 'body', shape.kind === 'structure');
    } else if (shape.kind === 'list') {
      if (target.traits?.['smithy.api#sparse'] !== undefined) count(out.traits, 'sparse');
      if ((target.traits?.['smithy.api#sparse'] !== undefined) !== (shape.sparse === true)) diff(where, 'sparse differs');
      if (target.type === 'set' && !shape.constraints.uniqueItems) diff(where, 'a set read without uniqueItems');
      compare(`${where}[]`, target.member.target, target.member.traits ?? {}, shape.member.target, at === 'header' || at === 'query' ? at : 'body');
    } else if (shape.kind === 'map') {
      if (target.traits?.['smithy.api#sparse'] !== undefined) count(out.traits, 'sparse');
      if ((target.traits?.['smithy.api#sparse'] !== undefined) !== (shape.sparse === true)) diff(where, 'sparse differs');
      const keyTraits = { ...(shapeOf(target.key.target)?.traits ?? {}), ...(target.key.traits ?? {}) };
      constraints(`${where}{key}`, keyTraits, graph.shapes.get(shape.key.target)!);
      compare(`${where}{}`, target.value.target, target.value.traits ?? {}, shape.value.target, at === 'header' ? 'header' : 'body');
    }
  };

  /** A member of a structure or union (or an input/output member), and its target. */
  const memberOf = (where: string, smithyMember: Obj, member: Member, at: Where, structure: boolean) => {
    const traits = smithyMember.traits ?? {};
    if (structure && (traits['smithy.api#required'] !== undefined) !== member.required && traits['smithy.api#httpLabel'] === undefined) diff(where, `required ${member.required}`);
    if (typeof traits['smithy.api#jsonName'] === 'string') {
      count(out.traits, 'jsonName');
      if (member.jsonName !== traits['smithy.api#jsonName']) diff(where, `jsonName ${traits['smithy.api#jsonName']} read as ${member.jsonName}`);
    }
    if (traits['smithy.api#idempotencyToken'] !== undefined) {
      count(out.traits, 'idempotencyToken');
      if (!member.idempotencyToken) diff(where, 'idempotencyToken lost');
    }
    const fallback = shapeOf(smithyMember.target)?.traits?.['smithy.api#default'];
    // A member's `@default(null)` takes its target's default away.
    const value = 'smithy.api#default' in traits ? traits['smithy.api#default'] : fallback;
    if (value !== undefined && value !== null) {
      count(out.traits, 'default');
      if (JSON.stringify(member.default) !== JSON.stringify(value)) diff(where, `default ${JSON.stringify(value)} read as ${JSON.stringify(member.default)}`);
    }
    compare(where, smithyMember.target, traits, member.target, at);
  };

  const expectedBinding = (name: string, traits: Obj, uri: string, output: boolean): Binding => {
    // Smithy ignores query and label bindings in a response: the member is in the body.
    if (output && ['smithy.api#httpLabel', 'smithy.api#httpQuery', 'smithy.api#httpQueryParams'].some((t) => traits[t] !== undefined)) return { kind: 'body', name: traits['smithy.api#jsonName'] ?? name };
    if (traits['smithy.api#httpLabel'] !== undefined) return { kind: 'label', name, greedy: uri.includes(`{${name}+}`) };
    if (traits['smithy.api#httpQuery'] !== undefined) return { kind: 'query', name: traits['smithy.api#httpQuery'] };
    if (traits['smithy.api#httpQueryParams'] !== undefined) return { kind: 'queryParams' };
    if (traits['smithy.api#httpHeader'] !== undefined) return { kind: 'header', name: traits['smithy.api#httpHeader'] };
    if (traits['smithy.api#httpPrefixHeaders'] !== undefined) return { kind: 'prefixHeaders', prefix: traits['smithy.api#httpPrefixHeaders'] };
    if (traits['smithy.api#httpResponseCode'] !== undefined) return { kind: 'responseCode' };
    if (traits['smithy.api#httpPayload'] !== undefined) return { kind: 'payload', mediaType: '' };
    return { kind: 'body', name: traits['smithy.api#jsonName'] ?? name };
  };
  const sameBinding = (want: Binding, got: Binding) => (want.kind === 'payload' ? got.kind === 'payload' : JSON.stringify(want) === JSON.stringify(got));
  const at = (b: Binding): Where => (b.kind === 'header' || b.kind === 'prefixHeaders' ? 'header' : b.kind === 'query' || b.kind === 'queryParams' ? 'query' : b.kind === 'label' ? 'label' : 'body');

  const side = (where: string, structureId: string | undefined, members: BoundMember[], uri: string) => {
    const structure = structureId ? shapeOf(structureId) : undefined;
    const want = Object.entries<Obj>(structure?.members ?? {});
    if (want.length !== members.length) diff(where, `${want.length} members read as ${members.length} (${members.map((m) => m.name).join(',')})`);
    for (const [name, m] of want) {
      const got = members.find((g) => g.name === name);
      if (!got) {
        diff(`${where}.${name}`, 'member missing');
        continue;
      }
      const binding = expectedBinding(name, m.traits ?? {}, uri, where.endsWith('output'));
      count(out.bindings, binding.kind);
      if (!sameBinding(binding, got.binding)) diff(`${where}.${name}`, `bound ${JSON.stringify(binding)} read as ${JSON.stringify(got.binding)}`);
      if (got.binding.kind === 'responseCode') continue;
      const required = (m.traits ?? {})['smithy.api#required'] !== undefined || binding.kind === 'label';
      if (required !== got.required) diff(`${where}.${name}`, `required ${required} read as ${got.required}`);
      memberOf(`${where}.${name}`, m, got, at(got.binding), false);
    }
  };

  for (const id of operations) {
    const op = shapes[id];
    const name = local(id);
    const read = graph.operations.find((o) => o.name === name);
    if (!read) {
      diff(name, 'operation missing');
      continue;
    }
    const http = op.traits?.['smithy.api#http'] ?? {};
    if (read.method !== http.method || read.path !== http.uri) diff(name, `${http.method} ${http.uri} read as ${read.method} ${read.path}`);
    if (read.success?.status !== String(http.code ?? 200)) diff(name, `status ${http.code ?? 200} read as ${read.success?.status}`);
    side(`${name} input`, op.input?.target, read.input, http.uri);
    side(`${name} output`, op.output?.target, read.output, http.uri);
    const errors = (op.errors ?? []).map((e: Obj) => local(e.target)).sort();
    if (JSON.stringify(errors) !== JSON.stringify(read.errors.map((e) => e.name).sort())) diff(name, `errors ${errors} read as ${read.errors.map((e) => e.name)}`);
    for (const ref of op.errors ?? []) {
      const error = graph.errors.get(local(ref.target));
      const shape = shapes[ref.target];
      if (!error) continue;
      count(out.compared, 'error');
      const fault = shape.traits?.['smithy.api#error'];
      const status = shape.traits?.['smithy.api#httpError'] ?? (fault === 'server' ? 500 : 400);
      if (error.status !== status || error.fault !== fault) diff(`error ${error.name}`, `${status} ${fault} read as ${error.status} ${error.fault}`);
      for (const [member, m] of Object.entries<Obj>(shape.members ?? {})) {
        const got = error.members.find((g) => g.name === member);
        const header = m.traits?.['smithy.api#httpHeader'];
        if (!got) diff(`error ${error.name}.${member}`, 'member missing');
        else if (header ? got.binding.kind !== 'header' || got.binding.name !== header : got.binding.kind !== 'body') diff(`error ${error.name}.${member}`, `bound ${JSON.stringify(got.binding)}`);
        else memberOf(`error ${error.name}.${member}`, m, got, header ? 'header' : 'body', false);
      }
    }
  }
  return out;
}
