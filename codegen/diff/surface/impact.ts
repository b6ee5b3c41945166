// A finding's TypeScript impact, read from the surface comparison of the two generated clients:
// the declaration the finding is about, before → after, and the bump that change takes there.

import type { Impact } from '../findings.js';
import { maxBump } from '../findings.js';
import type { SurfaceComparison } from './compare.js';

const shown = (declaration: string | undefined) => (declaration === undefined ? '(absent)' : `\`${declaration}\``);

/**
 * The impact of a finding about `impact.declaration`: the surface's changes to that declaration
 * (`CreateWidgetRequest.Label: (absent) → Label?: string | undefined`, minor), or that
 * only its text changed (patch), or that it did not change (none). Impacts that name no
 * declaration (a path, a status) are the model's statement and stay as they are.
 */
export function impactFromSurface(impact: Impact, surface: SurfaceComparison): Impact {
  const subject = impact.declaration;
  if (subject === undefined) return impact;
  // A name declared both as a value and as a type (an enum's `as const` object and its union) is
  // `Name (type)` for the type; the object's members (`Name.VALUE`) belong to the same finding.
  const changes = surface.changes.filter((c) => c.subject === subject || c.subject === `${subject} (type)` || c.subject.startsWith(`${subject}.`));
  if (changes.length > 0) {
    const bump = maxBump(changes.map((c) => c.bump));
    const line = (c: (typeof changes)[number]) => `\`${c.subject.replace(/ \(\w+\)$/, '')}\`: ${shown(c.before)} → ${shown(c.after)}`;
    if (changes.every((c) => c.subject === changes[0].subject)) {
      const before = changes.find((c) => c.before !== undefined)?.before;
      const after = changes.find((c) => c.after !== undefined)?.after;
      return { typescript: line({ ...changes[0], before, after }), bump, declaration: subject, ...(before !== undefined && { before }), ...(after !== undefined && { after }), from: 'surface' };
    }
    return { typescript: [...new Set(changes.map(line))].join('; '), bump, declaration: subject, from: 'surface' };
  }
  // The declaration keeps its type: what the model adds about behaviour (the service now rejects
  // values, a command throws another error) still tells the reader something.
  const note = behaviourNote(impact.typescript);
  const text = surface.textOnly.get(subject) ?? surface.textOnly.get(`${subject} (type)`);
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
