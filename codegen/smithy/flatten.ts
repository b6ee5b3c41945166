// Mixins flattened away, for readers that want every shape complete (the importer, generators):
// each shape gets its mixins' members (first, in mixin order) and their traits (minus `@mixin`
// and the mixin's `localTraits`), `Shape$member` apply entries fold into the inherited members,
// and the mixin shapes themselves go. The JSON AST the CLI writes keeps mixins; this is a view.

import { type AstMember, type AstReference, type AstShape, type SmithyAst, type Traits, setKey } from './ast.js';

const MIXIN = 'smithy.api#mixin';
const MEMBER_KEYS = ['member', 'key', 'value'] as const;
const LIST_PROPERTIES = ['errors', 'operations', 'resources', 'collectionOperations'] as const;
const SINGLE_PROPERTIES = ['input', 'output', 'version', 'create', 'put', 'read', 'update', 'delete', 'list'] as const;
const MAP_PROPERTIES = ['identifiers', 'properties', 'rename'] as const;

export function flattenMixins<T extends SmithyAst>(ast: T): T {
  const shapes = ast.shapes;
  if (!Object.values(shapes).some((s) => s.mixins?.length)) return ast;
  const done = new Map<string, AstShape>();

  const flat = (id: string): AstShape => {
    const cached = done.get(id);
    if (cached) return cached;
    const shape = shapes[id];
    if (!shape?.mixins?.length) return shape;
    const out: AstShape = { type: shape.type };
    const traits: Traits = {};
    const members: [string, AstMember][] = [];
    const anyOut = out as unknown as Record<string, unknown>;
    for (const { target } of shape.mixins) {
      const mixin = flat(target);
      if (!mixin) continue;
      const local = new Set(((mixin.traits?.[MIXIN] as { localTraits?: string[] } | undefined)?.localTraits ?? []).concat(MIXIN));
      for (const [t, v] of Object.entries(mixin.traits ?? {})) if (!local.has(t)) setKey(traits, t, v);
      members.push(...memberEntries(mixin));
      for (const p of SINGLE_PROPERTIES) if (mixin[p] !== undefined) anyOut[p] = mixin[p];
      for (const p of LIST_PROPERTIES) if (mixin[p]) anyOut[p] = union(anyOut[p] as AstReference[] | undefined, mixin[p]!);
      for (const p of MAP_PROPERTIES) if (mixin[p]) anyOut[p] = { ...(anyOut[p] as object | undefined), ...mixin[p] };
    }
    for (const [t, v] of Object.entries(shape.traits ?? {})) setKey(traits, t, v);
    members.push(...memberEntries(shape));
    const byName = new Map<string, AstMember>();
    for (const [name, m] of members) {
      const introduced = shapes[`${id}$${name}`];
      const merged = introduced?.type === 'apply' ? { ...m, traits: { ...m.traits, ...introduced.traits } } : m;
      const earlier = byName.get(name); // a redefinition keeps the inherited member's place
      byName.set(name, earlier ? { ...merged, traits: { ...earlier.traits, ...merged.traits } } : merged);
    }
    for (const p of SINGLE_PROPERTIES) if (shape[p] !== undefined) anyOut[p] = shape[p];
    for (const p of LIST_PROPERTIES) if (shape[p]) anyOut[p] = union(anyOut[p] as AstReference[] | undefined, shape[p]!);
    for (const p of MAP_PROPERTIES) if (shape[p]) anyOut[p] = { ...(anyOut[p] as object | undefined), ...shape[p] };
    if (shape.type === 'list' || shape.type === 'set' || shape.type === 'map') {
      for (const k of MEMBER_KEYS) if (byName.has(k)) out[k] = byName.get(k);
    } else if (['structure', 'union', 'enum', 'intEnum'].includes(shape.type)) {
      const record: Record<string, AstMember> = {};
      for (const [name, m] of byName) setKey(record, name, m);
      out.members = record;
    }
    if (Object.keys(traits).length) out.traits = traits;
    done.set(id, out);
    return out;
  };

  const result: Record<string, AstShape> = {};
  const consumed = new Set<string>();
  for (const [id, shape] of Object.entries(shapes)) {
    if (shape.mixins?.length) for (const [name] of memberEntries(flat(id))) consumed.add(`${id}$${name}`);
  }
  for (const [id, shape] of Object.entries(shapes)) {
    if (shape.traits?.[MIXIN] !== undefined || consumed.has(id)) continue;
    setKey(result, id, flat(id));
  }
  return { ...ast, shapes: result };
}

function memberEntries(shape: AstShape): [string, AstMember][] {
  const entries: [string, AstMember][] = Object.entries(shape.members ?? {});
  for (const k of MEMBER_KEYS) if (shape[k]) entries.push([k, shape[k]!]);
  return entries;
}

function union(a: AstReference[] | undefined, b: AstReference[]): AstReference[] {
  const seen = new Set((a ?? []).map((r) => r.target));
  return [...(a ?? []), ...b.filter((r) => !seen.has(r.target))];
}
