// Runs every rule over a pair of models and summarizes the result. This is the whole engine; the CLI
// only reads files, picks a format and turns the summary into an exit code.

import { DiffContext } from './context.js';
import { sortFindings, type Bump, type Finding, type Level } from './findings.js';
import { isIgnored, type IgnoreEntry } from './ignore.js';
import { suggestBump } from './impact.js';
import type { Model } from './model.js';
import { RULES } from './rules/index.js';
import type { Rule } from './context.js';
import type { LoadedDocument } from '../model/document.js';
import { compareClients } from './surface/client.js';
import type { SurfaceComparison } from './surface/compare.js';
import { impactFromSurface } from './surface/impact.js';

export interface Side {
  file: string;
  revision: string;
  title: string;
}

export interface Summary {
  breaking: number;
  warning: number;
  info: number;
  documentation: number;
  artifact: number;
  ignored: number;
  /** Suggested semantic-version bump for the generated client package. */
  semver: Bump;
  /** The changes that call for that bump. */
  semverReasons: string[];
  /**
   * `surface`: the bump and the TypeScript impact lines come from comparing the declarations of the
   * client package each revision generates (as regen does); `model`: no client could be generated
   * (the reason is in `surfaceUnavailable`), so they are stated from the model.
   */
  semverFrom?: 'surface' | 'model';
  surfaceUnavailable?: string;
}

export interface DiffResult {
  old: Side;
  new: Side;
  findings: Finding[];
  summary: Summary;
}

export interface DiffOptions {
  ignore?: readonly IgnoreEntry[];
  rules?: readonly Rule[];
  /** Documents generated together with each revision (e.g. model/companions.yaml), so the compared clients are the real ones. */
  companions?: readonly LoadedDocument[];
}

function sideOf(model: Model): Side {
  return { file: model.source, revision: model.revision, title: model.title };
}

export function summarize(findings: readonly Finding[], ignored: number, surface?: SurfaceComparison | { unavailable: string }): Summary {
  const count = (level: Level) => findings.filter((f) => f.level === level).length;
  const fromSurface = surface && 'changes' in surface;
  const { bump, reasons } = fromSurface ? { bump: surface.bump, reasons: [...new Set(surface.changes.map((c) => c.message))].slice(0, 5) } : suggestBump(findings);
  return {
    breaking: count('breaking'),
    warning: count('warning'),
    info: count('info'),
    documentation: count('documentation'),
    artifact: count('artifact'),
    ignored,
    semver: bump,
    semverReasons: reasons,
    ...(surface && (fromSurface ? { semverFrom: 'surface' as const } : { semverFrom: 'model' as const, surfaceUnavailable: (surface as { unavailable: string }).unavailable })),
  };
}

export function diffModels(oldModel: Model, newModel: Model, options: DiffOptions = {}): DiffResult {
  const ctx = new DiffContext(oldModel, newModel);
  const all = (options.rules ?? RULES).flatMap((rule) => rule.check(ctx));
  const surface = compareClients(oldModel, newModel, options.companions);
  if ('changes' in surface) for (const finding of all) finding.impact = impactFromSurface(finding.impact, surface);
  const kept = all.filter((f) => !isIgnored(f, options.ignore ?? []));
  const findings = sortFindings(kept);
  return { old: sideOf(oldModel), new: sideOf(newModel), findings, summary: summarize(findings, all.length - kept.length, surface) };
}
