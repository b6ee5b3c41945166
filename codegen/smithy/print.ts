// JSON AST → Smithy IDL 2.0, one file per namespace. Reading the printed files back gives the same
// JSON AST: strings are always quoted (an unquoted one would be read as a shape id), names are
// shortened only where they resolve back to the same shape, documentation becomes `///` comments
// where a comment can carry it exactly, and `= value` is used for defaults and enum values.

import { type AstMember, type AstReference, type AstShape, type NodeValue, type SmithyAst, type Traits, localName, namespaceOf, sameNode } from './ast.js';
import { DEFAULT, DOCUMENTATION, ENUM_VALUE, PRELUDE_NAMESPACE, PRELUDE_SHAPES, annotationValue } from './prelude.js';

export interface IdlFile {
  namespace: string;
  text: string;
}

const INDENT = '    ';
const LINE_WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SIMPLE_ID = /^[A-Za-z_][A-Za-z0-9_.]*#[A-Za-z_][A-Za-z0-9_]*(\$[A-Za-z_][A-Za-z0-9_]*)?$/;

/** The model as IDL files, one per namespace (in name order); metadata goes in the first. */
export function printIdl(ast: SmithyAst): IdlFile[] {
  const byNamespace = new Map<string, [string, AstShape][]>();
  for (const [id, shape] of Object.entries(ast.shapes)) {
    const ns = namespaceOf(id);
    if (!byNamespace.has(ns)) byNamespace.set(ns, []);
    byNamespace.get(ns)!.push([id, shape]);
  }
  const namespaces = [...byNamespace.keys()].sort();
  if (!namespaces.length && ast.metadata) namespaces.push('');
  return namespaces.map((ns, i) => ({
    namespace: ns,
    text: new NamespacePrinter(ast, ns, byNamespace.get(ns) ?? []).print(i === 0 ? ast.metadata : undefined),
  }));
}

/** A quoted IDL string for any text (JSON escapes are all IDL escapes). */
export const quote = (s: string): string => JSON.stringify(s);

const key = (k: string): string => (IDENTIFIER.test(k) && !['true', 'false', 'null'].includes(k) ? k : quote(k));

/** Whether `///` lines carry the text exactly: each line is read back after one space. */
const docCommentSafe = (doc: NodeValue | undefined): doc is string => typeof doc === 'string' && !/[\r\u0000-\u0008\u000b-\u001f\u007f]/.test(doc);

class NamespacePrinter {
  /** Local name → absolute id imported with `use`. */
  private readonly uses = new Map<string, string>();

  /** Structures written inside their operation (`input := { ... }`), and the name suffixes that implies. */
  private readonly inline = new Set<string>();
  private readonly suffix = { input: 'Input', output: 'Output' };

  constructor(private readonly ast: SmithyAst, private readonly ns: string, private readonly shapes: [string, AstShape][]) {
    this.chooseUses();
    this.chooseInline();
  }

  /**
   * An operation's input (output) is written in place where the reader would recreate it exactly: a
   * structure of this namespace with `@input` ({}), used by that operation alone, named after it
   * with the suffix most such structures share (stated once as `$operationInputSuffix`), and
   * without documentation.
   */
  private chooseInline(): void {
    const uses = new Map<string, number>();
    const count = (r: AstReference | undefined) => { if (r) uses.set(r.target, (uses.get(r.target) ?? 0) + 1); };
    for (const s of Object.values(this.ast.shapes)) {
      for (const m of [...Object.values(s.members ?? {}), s.member, s.key, s.value]) count(m);
      for (const r of [s.input, s.output, s.create, s.put, s.read, s.update, s.delete, s.list]) count(r);
      for (const list of [s.mixins, s.errors, s.operations, s.resources, s.collectionOperations]) list?.forEach(count);
      for (const map of [s.identifiers, s.properties]) Object.values(map ?? {}).forEach(count);
    }
    for (const role of ['input', 'output'] as const) {
      const bySuffix = new Map<string, string[]>();
      for (const [opId, op] of this.shapes) {
        const target = op.type === 'operation' ? op[role]?.target : undefined;
        const s = target ? this.ast.shapes[target] : undefined;
        if (!target || !s || namespaceOf(target) !== this.ns || s.type !== 'structure' || uses.get(target) !== 1) continue;
        // Documentation stays a `///` comment above a structure of its own.
        if (!sameNode(s.traits?.[`smithy.api#${role}`], {}) || s.traits?.[DOCUMENTATION] !== undefined) continue;
        const opName = localName(opId);
        const suffix = localName(target).slice(opName.length);
        if (!localName(target).startsWith(opName) || !/^[A-Za-z0-9_]+$/.test(suffix)) continue;
        if (!bySuffix.has(suffix)) bySuffix.set(suffix, []);
        bySuffix.get(suffix)!.push(target);
      }
      const preferred = role === 'input' ? 'Input' : 'Output';
      const best = [...bySuffix.entries()].sort(([a, x], [b, y]) => y.length - x.length || Number(b === preferred) - Number(a === preferred) || (a < b ? -1 : 1))[0];
      if (!best) continue;
      this.suffix[role] = best[0];
      for (const id of best[1]) this.inline.add(id);
    }
  }

  print(metadata: Record<string, NodeValue> | undefined): string {
    const out: string[] = ['$version: "2.0"'];
    if (this.suffix.input !== 'Input') out.push(`$operationInputSuffix: ${quote(this.suffix.input)}`);
    if (this.suffix.output !== 'Output') out.push(`$operationOutputSuffix: ${quote(this.suffix.output)}`);
    out.push('');
    if (metadata && Object.keys(metadata).length) {
      for (const [k, v] of Object.entries(metadata)) out.push(`metadata ${key(k)} = ${this.value(v, '', key(k).length + 12)}`);
      out.push('');
    }
    if (this.ns) {
      out.push(`namespace ${this.ns}`, '');
      if (this.uses.size) {
        for (const id of [...this.uses.values()].sort()) out.push(`use ${id}`);
        out.push('');
      }
    }
    for (const [id, shape] of this.shapes) {
      if (this.inline.has(id)) continue; // written inside its operation
      out.push(shape.type === 'apply' ? this.apply(id, shape.traits ?? {}) : this.shape(id, shape), '');
    }
    while (out[out.length - 1] === '') out.pop();
    return `${out.join('\n')}\n`;
  }

  // --- names

  private referencedIds(): Set<string> {
    const ids = new Set<string>();
    const addRef = (r: AstReference | undefined) => { if (r) ids.add(r.target.split('$')[0]); };
    const addTraits = (t: Traits | undefined) => { for (const k of Object.keys(t ?? {})) ids.add(k); };
    for (const [id, s] of this.shapes) {
      ids.add(id.split('$')[0]);
      addTraits(s.traits);
      for (const m of [...Object.values(s.members ?? {}), s.member, s.key, s.value]) { addRef(m); addTraits(m?.traits); }
      for (const r of [s.input, s.output, s.create, s.put, s.read, s.update, s.delete, s.list]) addRef(r);
      for (const list of [s.mixins, s.errors, s.operations, s.resources, s.collectionOperations]) list?.forEach(addRef);
      for (const map of [s.identifiers, s.properties]) Object.values(map ?? {}).forEach(addRef);
    }
    return ids;
  }

  private isDefined(id: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.ast.shapes, id) && this.ast.shapes[id].type !== 'apply';
  }

  /** Foreign shapes whose local name is unambiguous are imported, so the text can use the short name. */
  private chooseUses(): void {
    const byName = new Map<string, Set<string>>();
    for (const id of this.referencedIds()) {
      const ns = namespaceOf(id);
      if (ns === this.ns || ns === PRELUDE_NAMESPACE) continue;
      const name = localName(id);
      if (!byName.has(name)) byName.set(name, new Set());
      byName.get(name)!.add(id);
    }
    for (const [name, ids] of byName) {
      if (ids.size === 1 && !this.isDefined(`${this.ns}#${name}`) && !PRELUDE_SHAPES.has(name)) this.uses.set(name, [...ids][0]);
    }
  }

  /** The shortest spelling of an id that the reader resolves back to it. */
  private name(id: string): string {
    const dollar = id.indexOf('$');
    const root = dollar < 0 ? id : id.slice(0, dollar);
    const member = dollar < 0 ? '' : id.slice(dollar);
    const ns = namespaceOf(root);
    const name = localName(root);
    let short = false;
    if (this.uses.get(name) === root) short = true;
    else if (this.uses.has(name)) short = false;
    else if (ns === this.ns) short = this.isDefined(root) || !PRELUDE_SHAPES.has(name);
    else if (ns === PRELUDE_NAMESPACE) short = PRELUDE_SHAPES.has(name) && !this.isDefined(`${this.ns}#${name}`);
    return (short ? name : root) + member;
  }

  // --- node values

  /** A node value starting `used` columns after `indent`, on one line where it fits. */
  private value(v: NodeValue, indent: string, used = 0): string {
    if (v === null || typeof v === 'boolean' || typeof v === 'number') return JSON.stringify(v);
    if (typeof v === 'string') return quote(v);
    const inner = indent + INDENT;
    if (Array.isArray(v)) {
      if (!v.length) return '[]';
      const items = v.map((x) => this.value(x, inner));
      const flat = `[${items.join(', ')}]`;
      if (fits(flat, indent, used)) return flat;
      return `[\n${items.map((x) => inner + x).join('\n')}\n${indent}]`;
    }
    const entries = Object.entries(v).map(([k, x]) => `${key(k)}: ${this.value(x, inner, key(k).length + 2)}`);
    if (!entries.length) return '{}';
    const flat = `{ ${entries.join(', ')} }`;
    if (fits(flat, indent, used)) return flat;
    return `{\n${entries.map((x) => inner + x).join('\n')}\n${indent}}`;
  }

  // --- traits

  private traitShapeType(id: string): string | undefined {
    if (this.isDefined(id)) return this.ast.shapes[id].type;
    return namespaceOf(id) === PRELUDE_NAMESPACE ? PRELUDE_SHAPES.get(localName(id)) : undefined;
  }

  private trait(id: string, v: NodeValue, indent: string): string {
    const head = `@${this.name(id)}`;
    if (sameNode(v, annotationValue(this.traitShapeType(id)))) return head;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) {
      const inner = indent + INDENT;
      const entries = Object.entries(v).map(([k, x]) => `${key(k)}: ${this.value(x, inner, key(k).length + 2)}`);
      const flat = `${head}(${entries.join(', ')})`;
      if (fits(flat, indent)) return flat;
      return `${head}(\n${entries.map((x) => inner + x).join('\n')}\n${indent})`;
    }
    return `${head}(${this.value(v, indent, head.length + 1)})`;
  }

  /** Documentation comment and trait lines (without `skip`), each starting with `indent`. */
  private traitLines(traits: Traits | undefined, indent: string, skip: string[] = []): string[] {
    const lines: string[] = [];
    const doc = traits?.[DOCUMENTATION];
    const docAsComment = docCommentSafe(doc);
    if (docAsComment) for (const line of doc.split('\n')) lines.push(line ? `${indent}/// ${line}` : `${indent}///`);
    for (const [id, v] of Object.entries(traits ?? {})) {
      if (skip.includes(id) || (id === DOCUMENTATION && docAsComment)) continue;
      lines.push(indent + this.trait(id, v, indent));
    }
    return lines;
  }

  // --- shapes

  private shape(id: string, s: AstShape): string {
    const lines = this.traitLines(s.traits, '');
    const mixins = s.mixins?.length ? ` with [${s.mixins.map((m) => this.name(m.target)).join(', ')}]` : '';
    const head = `${s.type} ${localName(id)}${mixins}`;
    switch (s.type) {
      case 'structure': case 'union': case 'enum': case 'intEnum':
        lines.push(this.block(head, Object.entries(s.members ?? {}), s.type));
        break;
      case 'list': case 'set':
        lines.push(this.block(head, s.member ? [['member', s.member]] : [], s.type));
        break;
      case 'map':
        lines.push(this.block(head, [...(s.key ? [['key', s.key]] : []), ...(s.value ? [['value', s.value]] : [])] as [string, AstMember][], s.type));
        break;
      case 'operation':
        lines.push(this.properties(head, [
          ['input', this.ioProperty(s.input, 'input')],
          ['output', this.ioProperty(s.output, 'output')],
          ['errors', s.errors && this.idList(s.errors, INDENT)],
        ]));
        break;
      case 'service':
        lines.push(this.properties(head, [
          ['version', s.version === undefined ? undefined : quote(s.version)],
          ['operations', s.operations && this.idList(s.operations, INDENT)],
          ['resources', s.resources && this.idList(s.resources, INDENT)],
          ['errors', s.errors && this.idList(s.errors, INDENT)],
          ['rename', s.rename && this.value(Object.fromEntries(Object.entries(s.rename)), INDENT)],
        ]));
        break;
      case 'resource':
        lines.push(this.properties(head, [
          ['identifiers', s.identifiers && this.idMap(s.identifiers)],
          ['properties', s.properties && this.idMap(s.properties)],
          ...(['create', 'put', 'read', 'update', 'delete', 'list'] as const).map((k) => [k, s[k] && this.name(s[k]!.target)] as [string, string | undefined]),
          ['operations', s.operations && this.idList(s.operations, INDENT)],
          ['collectionOperations', s.collectionOperations && this.idList(s.collectionOperations, INDENT)],
          ['resources', s.resources && this.idList(s.resources, INDENT)],
        ]));
        break;
      default:
        lines.push(head);
    }
    return lines.join('\n');
  }

  /** `head { members }`, the members one level deeper than `indent`. */
  private block(head: string, members: [string, AstMember][], type: string, indent = ''): string {
    if (!members.length) return `${head} {}`;
    const inner = indent + INDENT;
    const isEnum = type === 'enum' || type === 'intEnum';
    const parts = members.map(([name, m]) => {
      const traits = m.traits ?? {};
      const skip: string[] = [];
      let line: string;
      if (isEnum) {
        line = name;
        const v = traits[ENUM_VALUE];
        if (v !== undefined) {
          skip.push(ENUM_VALUE);
          if (!(type === 'enum' && v === name)) line += ` = ${this.value(v, inner, line.length + 3)}`;
        }
      } else {
        line = `${name}: ${this.name(m.target)}`;
        if (Object.prototype.hasOwnProperty.call(traits, DEFAULT)) {
          skip.push(DEFAULT);
          line += ` = ${this.value(traits[DEFAULT]!, inner, line.length + 3)}`;
        }
      }
      return [...this.traitLines(traits, inner, skip), inner + line];
    });
    const spaced = parts.some((p) => p.length > 1);
    return `${head} {\n${parts.map((p) => p.join('\n')).join(spaced ? '\n\n' : '\n')}\n${indent}}`;
  }

  /** `head { key: value ... }`; a value starting with ":=" follows its key without a colon. */
  private properties(head: string, entries: [string, string | undefined][]): string {
    const body = entries.filter(([, v]) => v !== undefined).map(([k, v]) => (v!.startsWith(':=') ? `${INDENT}${k} ${v}` : `${INDENT}${k}: ${v}`));
    return body.length ? `${head} {\n${body.join('\n')}\n}` : `${head} {}`;
  }

  /** An operation's input or output: its structure written in place (`:= ...`) where it was chosen for that, else its name. */
  private ioProperty(ref: AstReference | undefined, role: 'input' | 'output'): string | undefined {
    if (!ref) return undefined;
    if (!this.inline.has(ref.target)) return this.name(ref.target);
    const s = this.ast.shapes[ref.target];
    const indent = INDENT;
    const traits = Object.entries(s.traits ?? {}).filter(([id]) => id !== `smithy.api#${role}`).map(([id, v]) => this.trait(id, v, indent + INDENT));
    const parts = [...traits, ...(s.mixins?.length ? [`with [${s.mixins.map((m) => this.name(m.target)).join(', ')}]`] : [])];
    const oneLine = `:= ${[...parts, ''].join(' ')}`;
    if (parts.every((p) => !p.includes('\n')) && fits(`${role} ${oneLine}{`, indent)) {
      return this.block(oneLine.trimEnd(), Object.entries(s.members ?? {}), 'structure', indent);
    }
    // Traits and mixins one per line, the members a level deeper than they are.
    const deeper = indent + INDENT;
    return this.block(`:=\n${parts.map((p) => deeper + p).join('\n')}`, Object.entries(s.members ?? {}), 'structure', deeper);
  }

  private idList(refs: AstReference[], indent: string): string {
    const names = refs.map((r) => this.name(r.target));
    const flat = `[${names.join(', ')}]`;
    if (fits(flat, indent)) return flat;
    return `[\n${names.map((n) => indent + INDENT + n).join('\n')}\n${indent}]`;
  }

  private idMap(refs: Record<string, AstReference>): string {
    const entries = Object.entries(refs).map(([k, r]) => `${key(k)}: ${this.name(r.target)}`);
    const flat = `{ ${entries.join(', ')} }`;
    if (fits(flat, INDENT)) return flat;
    return `{\n${entries.map((e) => INDENT + INDENT + e).join('\n')}\n${INDENT}}`;
  }

  private apply(id: string, traits: Traits): string {
    const target = SIMPLE_ID.test(id) ? this.name(id) : id;
    const entries = Object.entries(traits).map(([t, v]) => this.trait(t, v, INDENT));
    if (entries.length === 1 && !entries[0].includes('\n')) return `apply ${target} ${entries[0]}`;
    return `apply ${target} {\n${entries.map((e) => INDENT + e).join('\n')}\n}`;
  }
}

function fits(text: string, indent: string, used = 0): boolean {
  return !text.includes('\n') && indent.length + used + text.length <= LINE_WIDTH;
}
