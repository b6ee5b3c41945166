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
}

export interface SurfaceComparison {
  bump: Bump;
  changes: SurfaceChange[];
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

function compareDeclaration(name: string, before: SurfaceDeclaration, after: SurfaceDeclaration, out: SurfaceChange[]): void {
  const input = isInput(name, after);
  for (const [member, m] of before.members) {
    const now = after.members.get(member);
    if (!now) { out.push({ bump: 'major', message: `\`${name}.${member}\` removed` }); continue; }
    if (m.optional && !now.optional) out.push({ bump: 'major', message: `\`${name}.${member}\` became required` });
    if (!m.optional && now.optional) out.push({ bump: 'minor', message: `\`${name}.${member}\` became optional` });
    if (before.kind !== 'const' && m.type !== now.type) {
      out.push(typeChange(m.type, now.type) === 'widened'
        ? { bump: 'minor', message: `\`${name}.${member}\` accepts more values: ${now.type}` }
        : { bump: 'major', message: `\`${name}.${member}\` changed type: ${m.type} → ${now.type}` });
    }
  }
  for (const [member, m] of after.members) {
    if (before.members.has(member)) continue;
    out.push(input && !m.optional
      ? { bump: 'major', message: `new required member \`${name}.${member}\`` }
      : { bump: 'minor', message: `new ${m.optional ? 'optional ' : ''}member \`${name}.${member}\`` });
  }
  if (before.type !== undefined && after.type !== undefined && before.type !== after.type && before.kind !== 'function') {
    out.push(typeChange(before.type, after.type) === 'widened'
      ? { bump: 'minor', message: `\`${name}\` accepts more values: ${after.type}` }
      : { bump: 'major', message: `\`${name}\` changed: ${before.type} → ${after.type}` });
  }
}

export function compareSurfaces(before: Surface, after: Surface): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  for (const [name, decl] of before) {
    const now = after.get(name);
    if (!now) changes.push({ bump: 'major', message: `\`${name}\` (${decl.kind}) is no longer exported` });
    else compareDeclaration(name, decl, now, changes);
  }
  for (const [name, decl] of after) if (!before.has(name)) changes.push({ bump: 'minor', message: `new export \`${name}\` (${decl.kind})` });
  return changes;
}

/** The client package's files (any path under `client/`); its TypeScript sources make the surface. */
export function compareClientPackages(
  before: { path: string; content: string }[],
  after: { path: string; content: string }[],
): SurfaceComparison {
  const client = (files: typeof before) => files.filter((f) => f.path.startsWith('client/'));
  const sources = (files: typeof before) => client(files).filter((f) => /^client\/src\/.*\.ts$/.test(f.path));
  const changes = compareSurfaces(readSurface(sources(before)), readSurface(sources(after)));
  let bump: Bump = changes.reduce<Bump>((b, c) => (RANK[c.bump] > RANK[b] ? c.bump : b), 'none');
  if (bump === 'none') {
    // The package's own version field always differs between revisions: it is not a change of the package.
    const text = (files: typeof before) => new Map(client(files).map((f) => [f.path, f.content.replace(/"version": "[^"]*"/, '')]));
    const a = text(before);
    const b = text(after);
    const differs = [...new Set([...a.keys(), ...b.keys()])].some((p) => a.get(p) !== b.get(p));
    if (differs) {
      bump = 'patch';
      changes.push({ bump: 'patch', message: 'documentation or implementation of the package changed; its types did not' });
    }
  }
  return { bump, changes };
}
