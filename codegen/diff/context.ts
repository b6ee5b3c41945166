// Everything a rule needs to look at one pair of models, with the costly comparisons cached so that
// several rules can ask about the same member.

import { clientSymbols } from '../model/symbols.js';
import { CATALOG, type RuleId } from './catalog.js';
import type { Example, Finding, Impact, Level } from './findings.js';
import type { Member, Model, Operation } from './model.js';
import { documentedValues, partitionVariants, sampleOf, templatesFor, type MemberSample } from './samples.js';
import { analyzeValues, type SampleSource, type ValueAnalysis } from './values.js';

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
  private readonly sampleCache = new Map<Member, MemberSample | undefined>();

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

  /** Where realistic witnesses for a member pair come from: what the documentation shows for that member. */
  samples(pair: MemberPair): SampleSource {
    const documented = [...new Set([...documentedValues(pair.old, this.old), ...documentedValues(pair.new, this.new)])];
    return { direct: [...new Set([...documented, ...documented.flatMap(partitionVariants)])], templates: templatesFor(documented, [pair.new]) };
  }

  /** A value of a member of one revision, from its own constraints, or why it has none (cached). */
  sample(member: Member, side: 'old' | 'new'): MemberSample | undefined {
    if (!this.sampleCache.has(member)) this.sampleCache.set(member, sampleOf(member, this[side]));
    return this.sampleCache.get(member);
  }

  /** How the values a string member accepts changed (cached per member). */
  values(pair: MemberPair): ValueAnalysis {
    const key = `${pair.operation.id}\0${pair.name}`;
    let analysis = this.valueCache.get(key);
    if (!analysis) {
      analysis = analyzeValues(pair.old, pair.new, this.samples(pair));
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
  /**
   * The new revision's request member the finding is about: the finding shows a sample value of
   * it, and (unless `declares` says otherwise) its TypeScript impact is read from that member's
   * declaration in the generated client.
   */
  member?: Member;
  /** The generated declaration the finding is about, when it is not the request member. */
  declares?: Declares;
}

/** A declaration of the generated client: an export, or one member of it. */
export interface Declares {
  declaration: string;
  member?: string;
}

/**
 * Where a member is declared: a top-level member (and the items of a top-level list or map) in
 * the request or response interface of its operation, a nested one where the loader found it.
 */
export function memberDeclaration(owner: string, member: Member): Declares {
  if (member.declaredIn) return member.declaredIn;
  return { declaration: owner, member: member.name.split(/[.[{]/)[0] };
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

function withDeclaration(draft: Draft): Impact {
  const declares = draft.declares ?? (draft.member && draft.operation !== undefined ? memberDeclaration(clientSymbols.request(draft.operation), draft.member) : undefined);
  if (!declares) return draft.impact;
  return { ...draft.impact, declaration: declares.member === undefined ? declares.declaration : `${declares.declaration}.${declares.member}` };
}

function sampleField(ctx: DiffContext, member: Member | undefined): Pick<Finding, 'sample'> {
  const sample = member && ctx.sample(member, 'new');
  return sample ? { sample: { member: member!.name, ...sample } } : {};
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
        ...sampleField(ctx, draft.member),
        impact: withDeclaration(draft),
        ...(draft.ifReal ? { ifReal: draft.ifReal } : {}),
        ...(draft.before !== undefined ? { before: draft.before } : {}),
        ...(draft.after !== undefined ? { after: draft.after } : {}),
      }));
    },
  };
}
