// How the set of values a string member accepts changed, split by the keyword that changed.
//
// Each keyword's effect is judged with the other constraints of *both* revisions held in place,
// so that every witness is a value one revision really accepts and the other really rejects, and
// a bound the pattern already implies (`\d{12}` with maxLength 12) shows up as no change at all.

import { escapeOnlyDifference, quantifierOnlyDifference } from './artifacts.js';
import type { Example } from './findings.js';
import type { Member } from './model.js';
import { accepts, compareValueSets, modeFor, nearestDifference, type Comparison, type ValueConstraints } from './patterns.js';

export interface Effect {
  comparison: Comparison;
  /** Shortest witnesses first, then realistic samples, each in the direction it proves. */
  examples: Example[];
}

export interface PatternArtifact {
  kind: 'quantifier' | 'escape';
  /** One phrase saying what differs, e.g. "lost 1 `+`". */
  detail: string;
}

export interface ValueAnalysis {
  /** Both revisions type the member as a string (other types have no pattern or length). */
  applies: boolean;
  changed: { pattern: boolean; minLength: boolean; maxLength: boolean; enum: boolean };
  pattern?: Effect;
  minLength?: Effect;
  maxLength?: Effect;
  /** Every constraint together: the set of values before and after. */
  total?: Effect;
  /** The pattern text changed the way a documentation capture damages patterns. */
  artifact?: PatternArtifact;
}

function full(member: Member): ValueConstraints {
  return { pattern: member.pattern, minLength: member.minLength, maxLength: member.maxLength, enum: member.enum };
}

function sameSet(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const key = (values: readonly unknown[]) => JSON.stringify([...new Set(values.map((v) => JSON.stringify(v)))].sort());
  return key(a) === key(b);
}

/**
 * Where realistic witnesses come from: `direct` values are shown as they are when the revisions
 * disagree on them (the member's documented values and their partition variants); otherwise the
 * value nearest to one of the `templates` that the revisions disagree on.
 */
export interface SampleSource {
  direct: readonly string[];
  templates: readonly string[];
}

export function analyzeValues(oldMember: Member, newMember: Member, samples: SampleSource): ValueAnalysis {
  const applies = oldMember.type === 'string' && newMember.type === 'string';
  const changed = {
    pattern: oldMember.pattern !== newMember.pattern,
    minLength: oldMember.minLength !== newMember.minLength,
    maxLength: oldMember.maxLength !== newMember.maxLength,
    enum: !sameSet(oldMember.enum, newMember.enum),
  };
  const analysis: ValueAnalysis = { applies, changed };
  if (!applies || !Object.values(changed).some(Boolean)) return analysis;

  const oldAll = full(oldMember);
  const newAll = full(newMember);
  const judge = (oldParts: ValueConstraints[], newParts: ValueConstraints[]) => effectOf(oldParts, newParts, [oldAll], [newAll], samples);

  analysis.total = judge([oldAll], [newAll]);
  if (changed.pattern) {
    const others = (m: Member): ValueConstraints => ({ minLength: m.minLength, maxLength: m.maxLength, enum: m.enum });
    const context = [others(oldMember), others(newMember)];
    analysis.pattern = judge([{ pattern: oldMember.pattern }, ...context], [{ pattern: newMember.pattern }, ...context]);
    analysis.artifact = patternArtifact(oldMember.pattern, newMember.pattern, analysis.pattern.comparison);
  }
  if (changed.minLength) {
    const context = [{ ...oldAll, minLength: undefined }, { ...newAll, minLength: undefined }];
    analysis.minLength = judge([{ minLength: oldMember.minLength }, ...context], [{ minLength: newMember.minLength }, ...context]);
  }
  if (changed.maxLength) {
    const context = [{ ...oldAll, maxLength: undefined }, { ...newAll, maxLength: undefined }];
    analysis.maxLength = judge([{ maxLength: oldMember.maxLength }, ...context], [{ maxLength: newMember.maxLength }, ...context]);
  }
  return analysis;
}

/**
 * Compares `effectOld` with `effectNew` and collects examples. A sample counts only when the whole
 * old and new constraints (`fullOld`, `fullNew`) disagree on it the same way, so every example is
 * true of the real revisions.
 */
function effectOf(
  effectOld: ValueConstraints[],
  effectNew: ValueConstraints[],
  fullOld: ValueConstraints[],
  fullNew: ValueConstraints[],
  samples: SampleSource,
): Effect {
  const comparison = compareValueSets(effectOld, effectNew);
  const examples: Example[] = [];
  if (comparison.oldOnly !== undefined) examples.push({ value: comparison.oldOnly, acceptedBy: 'old', kind: 'shortest' });
  if (comparison.newOnly !== undefined) examples.push({ value: comparison.newOnly, acceptedBy: 'new', kind: 'shortest' });

  const mode = modeFor([...effectOld, ...effectNew]);
  if (typeof mode !== 'string') return { comparison, examples };
  const found = { old: false, new: false };
  for (const value of samples.direct) {
    if (found.old && found.new) break;
    const effectSays = { old: accepts(effectOld, value, mode), new: accepts(effectNew, value, mode) };
    if (effectSays.old === effectSays.new) continue;
    const side = effectSays.old ? 'old' : 'new';
    if (comparison.relation !== 'undecidable' && comparison[side === 'old' ? 'oldOnly' : 'newOnly'] === undefined) {
      // The automata said no such value exists, yet the RegExp engine found one: trust neither.
      return { comparison: { relation: 'undecidable', reason: `the automata and the RegExp engine disagree on ${JSON.stringify(value)}` }, examples: [] };
    }
    // Only values the whole revisions disagree on the same way are shown.
    const wholeSays = { old: accepts(fullOld, value, mode), new: accepts(fullNew, value, mode) };
    if (found[side] || wholeSays[side] !== true || wholeSays[side === 'old' ? 'new' : 'old'] !== false) continue;
    found[side] = true;
    if (!examples.some((e) => e.value === value)) examples.push({ value, acceptedBy: side, kind: 'sample' });
  }
  // No documented value shows the difference: the value nearest to a template that does.
  const effect = { old: effectOld, new: effectNew };
  const whole = { old: fullOld, new: fullNew };
  for (const side of ['old', 'new'] as const) {
    const other = side === 'old' ? 'new' : 'old';
    if (found[side] || comparison[side === 'old' ? 'oldOnly' : 'newOnly'] === undefined) continue;
    const value = nearestDifference([...effect[side], ...whole[side]], effect[other], samples.templates);
    if (value === undefined || examples.some((e) => e.value === value)) continue;
    if (accepts(whole[side], value, mode) && !accepts(whole[other], value, mode)) examples.push({ value, acceptedBy: side, kind: 'sample' });
  }
  return { comparison, examples };
}

function patternArtifact(oldPattern: string | undefined, newPattern: string | undefined, comparison: Comparison): PatternArtifact | undefined {
  if (oldPattern === undefined || newPattern === undefined || comparison.relation === 'equal') return undefined;
  const quantifiers = quantifierOnlyDifference(oldPattern, newPattern);
  if (quantifiers) {
    const counts = [...new Set(quantifiers.extra)].map((q) => `${quantifiers.extra.filter((x) => x === q).length} \`${q}\``).join(' and ');
    return { kind: 'quantifier', detail: quantifiers.side === 'a' ? `lost ${counts}` : `gained ${counts}` };
  }
  if (escapeOnlyDifference(oldPattern, newPattern)) return { kind: 'escape', detail: 'differs only by backslashes' };
  return undefined;
}
