// A finding's TypeScript impact, read from the surface comparison of the two generated clients:
// the declaration the finding is about, before → after, and the bump that change takes there.

import type { Impact } from '../findings.js';
import { maxBump } from '../findings.js';
import type { SurfaceComparison } from './compare.js';

const shown = (declaration: string | undefined) => (declaration === undefined ? '(absent)' : `\`${declaration}\``);

/**
 * The impact of a finding about `impact.declaration`: the surface's changes to that declaration
 * (`AddPermissionRequest.RevisionId: (absent) → RevisionId?: string | undefined`, minor), or that
 * only its text changed (patch), or that it did not change (none). Impacts that name no
 * declaration (a path, a status) are the model's statement and stay as they are.
 */
export function impactFromSurface(impact: Impact, surface: SurfaceComparison): Impact {
  const subject = impact.declaration;
  if (subject === undefined) return impact;
  const changes = surface.changes.filter((c) => c.subject === subject);
  if (changes.length > 0) {
    const before = changes.find((c) => c.before !== undefined)?.before;
    const after = changes.find((c) => c.after !== undefined)?.after;
    const bump = maxBump(changes.map((c) => c.bump));
    return { typescript: `\`${subject}\`: ${shown(before)} → ${shown(after)}`, bump, declaration: subject, ...(before !== undefined && { before }), ...(after !== undefined && { after }), from: 'surface' };
  }
  // The declaration keeps its type: what the model adds about behaviour (the service now rejects
  // values, a command throws another error) still tells the reader something.
  const note = behaviourNote(impact.typescript);
  const text = surface.textOnly.get(subject);
  if (text !== undefined) {
    return { typescript: `\`${subject}\`: \`${text}\` unchanged; its doc comment changes${note}`, bump: 'patch', declaration: subject, before: text, after: text, from: 'surface' };
  }
  return { typescript: `\`${subject}\`: no change to its declaration${note}`, bump: 'none', declaration: subject, from: 'surface' };
}

/** The part of a rule's own impact line that speaks of behaviour rather than of types, as `; …`. */
function behaviourNote(line: string): string {
  if (/ can now throw | no longer throws /.test(line)) return `; ${line.replace(/ \(the class remains\)$/, '')}`;
  const service = / the service rejects values .*$/.exec(line);
  return service ? `;${service[0]}` : '';
}
