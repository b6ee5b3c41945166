// Parsed files (and JSON AST models) → one JSON AST, with the semantics the Smithy CLI gives it:
// relative ids resolved (use statements, then the model's own namespace, then the prelude),
// annotation traits given their shape's empty value, elided targets found on the `for` resource
// or the mixins, applies merged, list-valued traits applied twice concatenated, and members
// inherited from mixins left out of the shape (traits added to them become `apply` entries).

import {
  AST_VERSION, type AstMember, type AstReference, type AstShape, type NodeValue, type SmithyAst, type Traits, compareShapeIds, namespaceOf, sameNode, setKey,
} from './ast.js';
import { SmithyModelError, type SourcePosition, at } from './errors.js';
import { ENUM_VALUE, PRELUDE_NAMESPACE, PRELUDE_SHAPES, annotationValue } from './prelude.js';
import { type ParsedFile, type ParsedShape, type ParsedTrait, type Ref, ShapeIdValue, type SyntaxValue } from './syntax.js';

export interface JsonModel {
  file: string;
  ast: SmithyAst;
}

interface Scope {
  namespace?: string;
  uses: Map<string, Ref>;
  file: ParsedFile;
}

interface Definition {
  id: string;
  scope?: Scope;
  parsed?: ParsedShape;
  json?: AstShape;
  file: string;
}

const UNIT = 'smithy.api#Unit';
const SERVICE_LISTS = ['operations', 'resources', 'errors'];
const RESOURCE_MAPS = ['identifiers', 'properties'];
const RESOURCE_LIFECYCLE = ['create', 'put', 'read', 'update', 'delete', 'list'];
const RESOURCE_LISTS = ['operations', 'collectionOperations', 'resources'];

export function assemble(files: ParsedFile[], jsonModels: JsonModel[] = []): SmithyAst {
  return new Assembler(files, jsonModels).run();
}

class Assembler {
  private readonly defined = new Map<string, Definition>();
  private readonly shapes = new Map<string, AstShape>();
  private readonly applies = new Map<string, Traits>();
  private readonly memberCache = new Map<string, Map<string, string>>();
  private readonly visiting = new Set<string>();

  constructor(private readonly files: ParsedFile[], private readonly jsonModels: JsonModel[]) {}

  run(): SmithyAst {
    this.register();
    // JSON AST shapes are copied, then written in the same order as the rest (below).
    for (const d of this.defined.values()) this.shapes.set(d.id, d.parsed ? this.build(d) : structuredClone(d.json!));
    for (const file of this.files) {
      const scope = this.scopeOf(file);
      for (const a of file.applies) {
        const target = this.resolve(a.target, scope);
        this.apply(target, this.traits(a.traits, scope, target), this.pos(file, a.offset));
      }
    }
    for (const { file, ast } of this.jsonModels) {
      for (const [id, shape] of Object.entries(ast.shapes ?? {})) {
        if (shape.type === 'apply') this.apply(id, structuredClone(shape.traits ?? {}), { file, line: 1, column: 1 });
      }
    }
    const metadata = this.metadata();
    const shapes: Record<string, AstShape> = {};
    const ids = [...new Set([...this.shapes.keys(), ...this.applies.keys()])].sort();
    for (const id of ids) {
      if (namespaceOf(id) === PRELUDE_NAMESPACE) continue; // the prelude is never written out
      const shape = this.shapes.get(id);
      setKey(shapes, id, inCliOrder(shape ?? { type: 'apply', traits: this.applies.get(id)! }));
    }
    return metadata ? { smithy: AST_VERSION, metadata: sortKeysDeep(metadata) as Record<string, NodeValue>, shapes } : { smithy: AST_VERSION, shapes };
  }

  // --- definitions and resolution

  private scopeOf(file: ParsedFile): Scope {
    return { namespace: file.namespace, uses: file.uses, file };
  }

  private pos(file: ParsedFile, offset: number): SourcePosition {
    return file.source.position(offset);
  }

  private fail(file: ParsedFile, offset: number, reason: string): never {
    throw new SmithyModelError(this.pos(file, offset), reason);
  }

  private register(): void {
    for (const file of this.files) {
      if (file.version !== undefined && !/^[12](\.|$)/.test(file.version)) this.fail(file, 0, `IDL version ${file.version} is not supported`);
      const scope = this.scopeOf(file);
      for (const shape of file.shapes) {
        const id = `${file.namespace}#${shape.name}`;
        const earlier = this.defined.get(id);
        if (earlier) this.fail(file, shape.offset, `the shape ${id} is already defined (${this.where(earlier)})`);
        const used = file.uses.get(shape.name);
        if (used && used.id !== id) this.fail(file, shape.offset, `"${shape.name}" is defined here but also imported from ${used.id} by a use statement`);
        this.defined.set(id, { id, scope, parsed: shape, file: file.source.file });
      }
    }
    for (const { file, ast } of this.jsonModels) {
      for (const [id, shape] of Object.entries(ast.shapes ?? {})) {
        if (shape.type === 'apply') continue;
        const earlier = this.defined.get(id);
        if (earlier) throw new SmithyModelError({ file, line: 1, column: 1 }, `the shape ${id} is already defined (${this.where(earlier)})`);
        this.defined.set(id, { id, json: shape, file });
      }
    }
  }

  private where(d: Definition): string {
    return d.parsed && d.scope ? at(this.pos(d.scope.file, d.parsed.offset)) : d.file;
  }

  /** An id as written → absolute: use statements, then the namespace's shapes, then the prelude. */
  private resolve(ref: Ref, scope: Scope): string {
    const dollar = ref.id.indexOf('$');
    const root = dollar < 0 ? ref.id : ref.id.slice(0, dollar);
    const member = dollar < 0 ? '' : ref.id.slice(dollar);
    return this.resolveRoot(root, scope) + member;
  }

  private resolveRoot(root: string, scope: Scope): string {
    if (root.includes('#')) return root;
    const used = scope.uses.get(root);
    if (used) return used.id;
    if (scope.namespace !== undefined && this.defined.has(`${scope.namespace}#${root}`)) return `${scope.namespace}#${root}`;
    if (PRELUDE_SHAPES.has(root) || this.defined.has(`${PRELUDE_NAMESPACE}#${root}`)) return `${PRELUDE_NAMESPACE}#${root}`;
    return `${scope.namespace ?? PRELUDE_NAMESPACE}#${root}`;
  }

  private node(value: SyntaxValue, scope: Scope): NodeValue {
    if (value instanceof ShapeIdValue) return this.resolve(value, scope);
    if (Array.isArray(value)) return value.map((v) => this.node(v, scope));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, NodeValue> = {};
      for (const [k, v] of Object.entries(value)) setKey(out, k, this.node(v, scope));
      return out;
    }
    return value;
  }

  // --- traits

  private typeOf(id: string): string | undefined {
    const d = this.defined.get(id);
    if (d) return d.parsed?.type ?? d.json?.type;
    return namespaceOf(id) === PRELUDE_NAMESPACE ? PRELUDE_SHAPES.get(id.slice(PRELUDE_NAMESPACE.length + 1)) : undefined;
  }

  private annotationValue(traitId: string): NodeValue {
    return annotationValue(this.typeOf(traitId));
  }

  private traits(list: ParsedTrait[], scope: Scope, subject: string): Traits {
    const traits: Traits = {};
    for (const t of list) {
      const id = this.resolve(t.id, scope);
      const value = t.value === undefined ? this.annotationValue(id) : this.node(t.value, scope);
      mergeTrait(traits, id, value, this.pos(scope.file, t.offset), subject);
    }
    return traits;
  }

  private apply(target: string, traits: Traits, position: SourcePosition): void {
    const dollar = target.indexOf('$');
    const root = dollar < 0 ? target : target.slice(0, dollar);
    const member = dollar < 0 ? undefined : target.slice(dollar + 1);
    if (namespaceOf(root) === PRELUDE_NAMESPACE) throw new SmithyModelError(position, `cannot apply traits to ${target}: the prelude's shapes cannot be changed`);
    const shape = this.shapes.get(root);
    let into: Traits | undefined;
    if (shape && member === undefined) {
      into = shape.traits ??= {};
    } else if (shape && member !== undefined) {
      const local = shape.members?.[member] ?? ({ member: shape.member, key: shape.key, value: shape.value } as Record<string, AstMember | undefined>)[member];
      if (local) into = local.traits ??= {};
      else if (!this.membersOf(root, position).has(member)) throw new SmithyModelError(position, `cannot apply traits to ${target}: ${root} has no member "${member}"`);
    }
    if (!into) {
      into = this.applies.get(target);
      if (!into) this.applies.set(target, (into = {}));
    }
    for (const [id, value] of Object.entries(traits)) mergeTrait(into, id, value, position, target);
  }

  // --- shapes

  private build(d: Definition): AstShape {
    const p = d.parsed!;
    const scope = d.scope!;
    // A set is written as what it now is: a list with unique items.
    const shape: AstShape = { type: p.type === 'set' ? 'list' : p.type };
    const mixins = p.mixins.map((m) => {
      const id = this.resolve(m, scope);
      if (!this.defined.has(id)) this.fail(scope.file, m.offset, `the mixin ${id} is not defined in the model`);
      return id;
    });
    if (mixins.length) shape.mixins = mixins.map((target) => ({ target }));
    if (p.members) this.buildMembers(d, shape, mixins);
    if (p.operation) {
      const op = p.operation;
      const ref = (r: Ref) => ({ target: this.resolve(r, scope) });
      // Input and output default to Unit, and the CLI writes them out even then.
      shape.input = op.input ? ref(op.input) : { target: UNIT };
      shape.output = op.output ? ref(op.output) : { target: UNIT };
      if (op.errors?.length) shape.errors = op.errors.map(ref);
    }
    if (p.properties) this.buildProperties(d, shape);
    const traits = this.traits(p.traits, scope, d.id);
    if (p.type === 'set') mergeTrait(traits, 'smithy.api#uniqueItems', {}, this.pos(scope.file, p.offset), d.id);
    if (Object.keys(traits).length) shape.traits = traits;
    return shape;
  }

  private buildMembers(d: Definition, shape: AstShape, mixins: string[]): void {
    const p = d.parsed!;
    const scope = d.scope!;
    const inherited = new Map<string, string>();
    for (const m of mixins) for (const [name, target] of this.membersOf(m, this.pos(scope.file, p.offset))) inherited.set(name, target);
    const members: Record<string, AstMember> = {};
    for (const m of p.members!) {
      const memberId = `${d.id}$${m.name}`;
      const target = this.memberTarget(d, m.name, m.target, m.offset);
      const traits = this.traits(m.traits, scope, memberId);
      const fromMixin = inherited.get(m.name);
      if (fromMixin !== undefined) {
        if (fromMixin !== target) this.fail(scope.file, m.offset, `the member "${m.name}" targets ${target}, but the member it redefines from a mixin targets ${fromMixin}`);
        if (Object.keys(traits).length) this.applies.set(memberId, traits);
        continue;
      }
      if (p.type === 'enum' && traits[ENUM_VALUE] === undefined) traits[ENUM_VALUE] = m.name;
      if (p.type === 'intEnum' && typeof traits[ENUM_VALUE] !== 'number') {
        this.fail(scope.file, m.offset, `the intEnum member "${m.name}" needs an integer value (${m.name} = 1)`);
      }
      const member: AstMember = { target };
      if (Object.keys(traits).length) member.traits = traits;
      setKey(members, m.name, member);
    }
    if (p.type === 'list' || p.type === 'set') {
      if (members.member) shape.member = members.member;
    } else if (p.type === 'map') {
      if (members.key) shape.key = members.key;
      if (members.value) shape.value = members.value;
    } else {
      shape.members = members;
    }
  }

  /** A member's target: as written, or for `$name` from the `for` resource, then from the mixins. */
  private memberTarget(d: Definition, name: string, written: Ref | undefined, offset: number): string {
    const p = d.parsed!;
    const scope = d.scope!;
    if (p.type === 'enum' || p.type === 'intEnum') return UNIT;
    if (written) return this.resolve(written, scope);
    if (p.forResource) {
      const resource = this.resolve(p.forResource, scope);
      const fromResource = this.resourceTarget(resource, name, this.pos(scope.file, p.forResource.offset));
      if (fromResource) return fromResource;
    }
    for (const m of p.mixins) {
      const target = this.membersOf(this.resolve(m, scope), this.pos(scope.file, m.offset)).get(name);
      if (target) return target;
    }
    this.fail(scope.file, offset, `the target of "$${name}" cannot be found: ${p.forResource ? `the resource ${this.resolve(p.forResource, scope)} has no identifier or property "${name}" and ` : ''}no mixin has a member "${name}"`);
  }

  private resourceTarget(resource: string, name: string, position: SourcePosition): string | undefined {
    const d = this.defined.get(resource);
    if (!d || (d.parsed?.type ?? d.json?.type) !== 'resource') throw new SmithyModelError(position, `${resource} is not a resource defined in the model`);
    if (d.json) return d.json.identifiers?.[name]?.target ?? d.json.properties?.[name]?.target;
    for (const key of RESOURCE_MAPS) {
      const map = d.parsed!.properties?.[key]?.value;
      if (map && typeof map === 'object' && !Array.isArray(map) && !(map instanceof ShapeIdValue) && Object.prototype.hasOwnProperty.call(map, name)) {
        const target = map[name];
        if (target instanceof ShapeIdValue || typeof target === 'string') return this.resolve(typeof target === 'string' ? { id: target, offset: 0 } : target, d.scope!);
      }
    }
    return undefined;
  }

  /** Every member of a shape, its mixins' included: name → target. */
  private membersOf(id: string, position: SourcePosition): Map<string, string> {
    const cached = this.memberCache.get(id);
    if (cached) return cached;
    const d = this.defined.get(id);
    if (!d) throw new SmithyModelError(position, `${id} is not defined in the model`);
    if (this.visiting.has(id)) throw new SmithyModelError(position, `${id} uses itself as a mixin, directly or through other mixins`);
    this.visiting.add(id);
    const members = new Map<string, string>();
    if (d.json) {
      for (const m of d.json.mixins ?? []) for (const [n, t] of this.membersOf(m.target, position)) members.set(n, t);
      for (const [n, m] of Object.entries(d.json.members ?? {})) members.set(n, m.target);
      for (const n of ['member', 'key', 'value'] as const) if (d.json[n]) members.set(n, d.json[n]!.target);
    } else {
      const scope = d.scope!;
      for (const m of d.parsed!.mixins) for (const [n, t] of this.membersOf(this.resolve(m, scope), this.pos(scope.file, m.offset))) members.set(n, t);
      for (const m of d.parsed!.members ?? []) members.set(m.name, this.memberTarget(d, m.name, m.target, m.offset));
    }
    this.visiting.delete(id);
    this.memberCache.set(id, members);
    return members;
  }

  private buildProperties(d: Definition, shape: AstShape): void {
    const p = d.parsed!;
    const scope = d.scope!;
    const isService = p.type === 'service';
    const out = shape as unknown as Record<string, unknown>;
    for (const [key, { value, offset }] of Object.entries(p.properties!)) {
      const ref = (v: SyntaxValue): AstReference => {
        if (v instanceof ShapeIdValue) return { target: this.resolve(v, scope) };
        if (typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_.]*(#[A-Za-z_][A-Za-z0-9_]*)?$/.test(v)) return { target: this.resolve({ id: v, offset }, scope) };
        this.fail(scope.file, offset, `"${key}" of the ${p.type} ${d.id} must name shapes, not ${JSON.stringify(v)}`);
      };
      const list = () => {
        if (!Array.isArray(value)) this.fail(scope.file, offset, `"${key}" of the ${p.type} ${d.id} must be a list of shape ids`);
        return value.map(ref);
      };
      const map = () => {
        if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof ShapeIdValue) {
          this.fail(scope.file, offset, `"${key}" of the ${p.type} ${d.id} must be an object`);
        }
        return value as Record<string, SyntaxValue>;
      };
      if (isService && key === 'version') {
        if (typeof value !== 'string') this.fail(scope.file, offset, `the version of the service ${d.id} must be a string`);
        out.version = value;
      } else if (isService && SERVICE_LISTS.includes(key)) {
        const refs = list();
        if (refs.length) out[key] = refs;
      } else if (isService && key === 'rename') {
        const rename: Record<string, string> = {};
        for (const [from, to] of Object.entries(map())) {
          if (typeof to !== 'string') this.fail(scope.file, offset, `rename of ${from} in ${d.id} must be a string`);
          setKey(rename, this.resolve({ id: from, offset }, scope), to);
        }
        if (Object.keys(rename).length) out.rename = rename;
      } else if (!isService && RESOURCE_MAPS.includes(key)) {
        const refs: Record<string, AstReference> = {};
        for (const [name, v] of Object.entries(map())) setKey(refs, name, ref(v));
        if (Object.keys(refs).length) out[key] = refs;
      } else if (!isService && RESOURCE_LIFECYCLE.includes(key)) {
        out[key] = ref(value);
      } else if (!isService && RESOURCE_LISTS.includes(key)) {
        const refs = list();
        if (refs.length) out[key] = refs;
      } else {
        this.fail(scope.file, offset, `a ${p.type} has no property "${key}"`);
      }
    }
  }

  // --- metadata

  private metadata(): Record<string, NodeValue> | undefined {
    const metadata: Record<string, NodeValue> = {};
    let any = false;
    for (const file of this.files) {
      const scope: Scope = { uses: new Map(), file };
      for (const m of file.metadata) {
        any = true;
        const value = this.node(m.value, scope);
        if (!Object.prototype.hasOwnProperty.call(metadata, m.key)) setKey(metadata, m.key, value);
        else mergeMetadata(metadata, m.key, value, this.pos(file, m.offset));
      }
    }
    for (const { file, ast } of this.jsonModels) {
      for (const [key, value] of Object.entries(ast.metadata ?? {})) {
        any = true;
        if (!Object.prototype.hasOwnProperty.call(metadata, key)) setKey(metadata, key, structuredClone(value));
        else mergeMetadata(metadata, key, value, { file, line: 1, column: 1 });
      }
    }
    return any ? metadata : undefined;
  }
}

const ID_LISTS = ['operations', 'resources', 'errors', 'collectionOperations'] as const;

/** Traits by id and lists of shape ids sorted, as the Smithy CLI writes them (member and mixin order is kept). */
function inCliOrder(shape: AstShape): AstShape {
  const sortTraits = (t: Traits | undefined) => t && Object.fromEntries(Object.entries(t).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (shape.traits) shape.traits = sortTraits(shape.traits);
  for (const m of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) if (m?.traits) m.traits = sortTraits(m.traits);
  for (const k of ID_LISTS) shape[k]?.sort((a, b) => compareShapeIds(a.target, b.target));
  return shape;
}

function sortKeysDeep(value: NodeValue): NodeValue {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, NodeValue> = {};
  for (const k of Object.keys(value).sort()) setKey(out, k, sortKeysDeep(value[k]));
  return out;
}

function mergeMetadata(metadata: Record<string, NodeValue>, key: string, value: NodeValue, position: SourcePosition): void {
  const earlier = metadata[key];
  if (Array.isArray(earlier) && Array.isArray(value)) metadata[key] = [...earlier, ...value];
  else if (!sameNode(earlier, value)) throw new SmithyModelError(position, `the metadata "${key}" is given two different values`);
}

/** Adds a trait; the same trait twice is fine when equal, and list values are concatenated. */
function mergeTrait(traits: Traits, id: string, value: NodeValue, position: SourcePosition, subject: string): void {
  if (!Object.prototype.hasOwnProperty.call(traits, id)) {
    setKey(traits, id, value);
    return;
  }
  const earlier = traits[id];
  if (Array.isArray(earlier) && Array.isArray(value)) traits[id] = [...earlier, ...value];
  else if (!sameNode(earlier, value)) throw new SmithyModelError(position, `the trait ${id} is applied to ${subject} twice with different values`);
}
