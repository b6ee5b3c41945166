// The semantic-version step between two public TypeScript surfaces of the generated client.
//
//   major: an export or member removed, a member a caller must now send (new required member of a
//          request, optional → required), a type changed other than by widening a literal union
//   minor: an export or member added (optional in requests), a literal union widened, required → optional
//   patch: only documentation or other text of the package changed
//   none:  the package is byte for byte the same

import type { Bump } from '../findings.js';
import { readSurface, type Surface, type SurfaceDeclaration } from './surface.js';

export interface SurfaceChange {
  bump: Exclude<Bump, 'none'>;
  /** What a consumer of the package notices, naming the TypeScript declaration. */
  message: string;
  /** The export (`CreateWidgetRequest`) or export member (`CreateWidgetRequest.Label`) that changed. */
  subject: string;
  /** Its declaration before and after (`Label?: string | undefined`); absent on the side without it. */
  before?: string;
  after?: string;
}

export interface SurfaceComparison {
  bump: Bump;
  changes: SurfaceChange[];
  /**
   * Exports and export members whose text changed (doc comments included) while their types did
   * not, with their declaration: a patch for whoever reads them in an editor.
   */
  textOnly: Map<string, string>;
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Members of a union of literal types (`'A' | 'B'`), or undefined for any other type. */
function literalUnion(type: string | undefined): Set<string> | undefined {
  if (type === undefined) return undefined;
  const parts = type.split('|').map((p) => p.trim()).filter(Boolean);
  return parts.every((p) => /^(['"]).*\1$|^-?\d+(\.\d+)?$|^(true|false)$/.test(p)) ? new Set(parts) : undefined;
}

function typeChange(before: string, after: string): 'widened' | 'changed' {
  const a = literalUnion(before);
  const b = literalUnion(after);
  return a && b && [...a].every((x) => b.has(x)) ? 'widened' : 'changed';
}

/** Requests are what callers build: a new member there is only compatible when optional. */
const isInput = (name: string, decl: SurfaceDeclaration) => decl.kind === 'interface' && /(Request|Input)$/.test(name);

/** An export's name as written: a type declared beside a value of the same name is keyed `Name (type)`. */
const shownName = (name: string) => name.replace(/ \(\w+\)$/, '');

/** How an export is introduced in its file (`class WidgetNotFoundException`), for before → after lines. */
const headOf = (name: string, decl: SurfaceDeclaration) => `${decl.kind} ${shownName(name)}`;

function compareDeclaration(name: string, before: SurfaceDeclaration, after: SurfaceDeclaration, out: SurfaceChange[], textOnly: Map<string, string>): void {
  const input = isInput(name, after);
  for (const [member, m] of before.members) {
    const now = after.members.get(member);
    const subject = `${name}.${member}`;
    const sides = { subject, before: m.declaration, ...(now && { after: now.declaration }) };
    if (!now) { out.push({ bump: 'major', message: `\`${subject}\` removed`, ...sides }); continue; }
    const count = out.length;
    if (m.optional && !now.optional) out.push({ bump: 'major', message: `\`${subject}\` became required`, ...sides });
    if (!m.optional && now.optional) out.push({ bump: 'minor', message: `\`${subject}\` became optional`, ...sides });
    if (before.kind !== 'const' && m.type !== now.type) {
      out.push(typeChange(m.type, now.type) === 'widened'
        ? { bump: 'minor', message: `\`${subject}\` accepts more values: ${now.type}`, ...sides }
        : { bump: 'major', message: `\`${subject}\` changed type: ${m.type} → ${now.type}`, ...sides });
    }
    if (out.length === count && (m.doc !== now.doc || m.declaration !== now.declaration)) textOnly.set(subject, now.declaration);
  }
  for (const [member, m] of after.members) {
    if (before.members.has(member)) continue;
    const sides = { subject: `${name}.${member}`, after: m.declaration };
    out.push(input && !m.optional
      ? { bump: 'major', message: `new required member \`${name}.${member}\``, ...sides }
      : { bump: 'minor', message: `new ${m.optional ? 'optional ' : ''}member \`${name}.${member}\``, ...sides });
  }
  const sides = { subject: name, before: `${headOf(name, before)} = ${before.type}`, after: `${headOf(name, after)} = ${after.type}` };
  if (before.type !== undefined && after.type !== undefined && before.type !== after.type && before.kind !== 'function') {
    out.push(typeChange(before.type, after.type) === 'widened'
      ? { bump: 'minor', message: `\`${shownName(name)}\` accepts more values: ${after.type}`, ...sides }
      : { bump: 'major', message: `\`${shownName(name)}\` changed: ${before.type} → ${after.type}`, ...sides });
  } else if (before.text !== after.text) {
    textOnly.set(name, headOf(name, after));
  }
}

/** The changes of the surface that a consumer compiles against, and what changed only in its text. */
export function compareSurfaceDetails(before: Surface, after: Surface): { changes: SurfaceChange[]; textOnly: Map<string, string> } {
  const changes: SurfaceChange[] = [];
  const textOnly = new Map<string, string>();
  for (const [name, decl] of before) {
    const now = after.get(name);
    if (!now) changes.push({ bump: 'major', message: `\`${shownName(name)}\` (${decl.kind}) is no longer exported`, subject: name, before: headOf(name, decl) });
    else compareDeclaration(name, decl, now, changes, textOnly);
  }
  for (const [name, decl] of after) {
    if (!before.has(name)) changes.push({ bump: 'minor', message: `new export \`${shownName(name)}\` (${decl.kind})`, subject: name, after: headOf(name, decl) });
  }
  return { changes, textOnly };
}

export function compareSurfaces(before: Surface, after: Surface): SurfaceChange[] {
  return compareSurfaceDetails(before, after).changes;
}

/** The client package's files (any path under `client/`); its TypeScript sources make the surface. */
export function compareClientPackages(
  before: { path: string; content: string }[],
  after: { path: string; content: string }[],
): SurfaceComparison {
  const client = (files: typeof before) => files.filter((f) => f.path.startsWith('client/'));
  const sources = (files: typeof before) => client(files).filter((f) => /^client\/src\/.*\.ts$/.test(f.path));
  const { changes, textOnly } = compareSurfaceDetails(readSurface(sources(before)), readSurface(sources(after)));
  let bump: Bump = changes.reduce<Bump>((b, c) => (RANK[c.bump] > RANK[b] ? c.bump : b), 'none');
  if (bump === 'none') {
    // The package's own version field always differs between revisions: it is not a change of the package.
    const text = (files: typeof before) => new Map(client(files).map((f) => [f.path, f.content.replace(/"version": "[^"]*"/, '')]));
    const a = text(before);
    const b = text(after);
    const differs = [...new Set([...a.keys(), ...b.keys()])].some((p) => a.get(p) !== b.get(p));
    if (differs) {
      bump = 'patch';
      changes.push({ bump: 'patch', message: 'documentation or implementation of the package changed; its types did not', subject: '' });
    }
  }
  return { bump, changes, textOnly };
}
