// Shared by the pattern, length and enum rules: which member pairs have a string value set that
// changed, and which rule id describes each change, so that every change gets exactly one verdict.

import type { DiffContext, MemberPair } from '../../context.js';
import type { Example } from '../../findings.js';
import type { Member } from '../../model.js';
import type { Effect, ValueAnalysis } from '../../values.js';

export interface ValuePair extends MemberPair {
  analysis: ValueAnalysis;
}

export function valuePairs(ctx: DiffContext): ValuePair[] {
  return ctx
    .inputPairs()
    .map((pair) => ({ ...pair, analysis: ctx.values(pair) }))
    .filter((pair) => pair.analysis.applies);
}

export type PatternVerdict =
  | 'pattern-added'
  | 'pattern-removed'
  | 'pattern-widened'
  | 'pattern-narrowed'
  | 'pattern-equivalent'
  | 'pattern-incomparable'
  | 'pattern-undecidable';

/**
 * The one rule that reports a pattern change; undefined when the pattern did not change or is a
 * suspected artifact (unless `evenIfArtifact`, to say what the artifact would be if it were real).
 */
export function patternVerdict(pair: ValuePair, evenIfArtifact = false): PatternVerdict | undefined {
  const effect = pair.analysis.pattern;
  if (!effect || (pair.analysis.artifact && !evenIfArtifact)) return undefined;
  switch (effect.comparison.relation) {
    case 'undecidable':
      return 'pattern-undecidable';
    case 'equal':
      return 'pattern-equivalent';
    case 'incomparable':
      return 'pattern-incomparable';
    case 'narrower':
      return pair.old.pattern === undefined ? 'pattern-added' : 'pattern-narrowed';
    case 'wider':
      return pair.new.pattern === undefined ? 'pattern-removed' : 'pattern-widened';
  }
}

export type LengthVerdict =
  | 'length-bound-added'
  | 'length-bound-removed'
  | 'length-bound-tightened'
  | 'length-bound-relaxed'
  | 'length-bound-equivalent';

export type Bound = 'minLength' | 'maxLength';

/** How a change of one length bound affects the accepted values, judged with the pattern and enum in place. */
export function lengthVerdict(pair: ValuePair, bound: Bound): LengthVerdict | undefined {
  const effect = pair.analysis[bound];
  if (!effect) return undefined;
  const before = pair.old[bound];
  const after = pair.new[bound];
  // minLength 0 and no minLength accept the same values: nothing changed, so nothing to report.
  if (bound === 'minLength' && (before ?? 0) === (after ?? 0)) return undefined;
  let relation = effect.comparison.relation;
  if (relation === 'undecidable' || relation === 'incomparable') {
    // The pattern in the context could not be decided: judge the bounds by arithmetic alone.
    const looser = bound === 'minLength' ? (after ?? 0) < (before ?? 0) : (after ?? Infinity) > (before ?? Infinity);
    relation = looser ? 'wider' : 'narrower';
  }
  if (relation === 'equal') return 'length-bound-equivalent';
  if (relation === 'narrower') return before === undefined ? 'length-bound-added' : 'length-bound-tightened';
  return after === undefined ? 'length-bound-removed' : 'length-bound-relaxed';
}

/** The pattern as the documentation prints it, which reads better than the anchored form. */
export function shownPattern(member: Member): string {
  return member.documentedPattern ?? member.pattern ?? '(none)';
}

export function examplesOf(effect: Effect | undefined): Example[] | undefined {
  return effect && effect.examples.length > 0 ? effect.examples : undefined;
}
