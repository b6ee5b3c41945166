// Everything a rule needs to look at one pair of models, with the costly comparisons cached so that
// several rules can ask about the same member.

import { CATALOG, type RuleId } from './catalog.js';
import type { Example, Finding, Impact, Level } from './findings.js';
import type { Member, Model, Operation } from './model.js';
import { collectSamples } from './samples.js';
import { analyzeValues, type ValueAnalysis } from './values.js';

export interface OperationPair {
  id: string;
  old: Operation;
  new: Operation;
}

export interface MemberPair {
  operation: OperationPair;
  name: string;
  old: Member;
  new: Member;
}

export class DiffContext {
  private readonly valueCache = new Map<string, ValueAnalysis>();
  private samplesCache?: string[];

  readonly old: Model;
  readonly new: Model;

  constructor(oldModel: Model, newModel: Model) {
    this.old = oldModel;
    this.new = newModel;
  }

  /** Operations present in both revisions, by operationId. */
  operationPairs(): OperationPair[] {
    const pairs: OperationPair[] = [];
    for (const [id, oldOp] of this.old.operations) {
      const newOp = this.new.operations.get(id);
      if (newOp) pairs.push({ id, old: oldOp, new: newOp });
    }
    return pairs;
  }

  /** Input members present in both revisions of every shared operation. */
  inputPairs(): MemberPair[] {
    return this.operationPairs().flatMap((operation) =>
      [...operation.old.input].flatMap(([name, oldMember]) => {
        const newMember = operation.new.input.get(name);
        return newMember ? [{ operation, name, old: oldMember, new: newMember }] : [];
      }),
    );
  }

  /** Realistic candidate values drawn from both documents. */
  samples(): string[] {
    this.samplesCache ??= collectSamples(this.old, this.new);
    return this.samplesCache;
  }

  /** How the values a string member accepts changed (cached per member). */
  values(pair: MemberPair): ValueAnalysis {
    const key = `${pair.operation.id}\0${pair.name}`;
    let analysis = this.valueCache.get(key);
    if (!analysis) {
      analysis = analyzeValues(pair.old, pair.new, this.samples());
      this.valueCache.set(key, analysis);
    }
    return analysis;
  }
}

/** What a rule fills in; the rule's id and level are added by `report`. */
export interface Draft {
  location: string;
  side: 'old' | 'new';
  operation?: string;
  message: string;
  why?: string;
  examples?: Example[];
  impact: Impact;
  ifReal?: { id: string; level: Level };
  before?: string;
  after?: string;
}

export interface Rule {
  id: string;
  level: Level;
  /** A short title for the rule's documentation. */
  title: string;
  /** Why the change matters, in general; a finding may give a more specific why. */
  why: string;
  check(ctx: DiffContext): Finding[];
}

/** Builds a rule from its id in the catalog (level, title, why) and a function that drafts its findings. */
export function defineRule(spec: { id: RuleId; find(ctx: DiffContext): Draft[] }): Rule {
  const { level, title, why } = CATALOG[spec.id];
  return {
    id: spec.id,
    level,
    title,
    why,
    check(ctx) {
      return spec.find(ctx).map((draft) => ({
        id: spec.id,
        level,
        location: draft.location,
        side: draft.side,
        ...(draft.operation !== undefined ? { operation: draft.operation } : {}),
        message: draft.message,
        why: draft.why ?? why,
        ...(draft.examples && draft.examples.length > 0 ? { examples: draft.examples } : {}),
        impact: draft.impact,
        ...(draft.ifReal ? { ifReal: draft.ifReal } : {}),
        ...(draft.before !== undefined ? { before: draft.before } : {}),
        ...(draft.after !== undefined ? { after: draft.after } : {}),
      }));
    },
  };
}
