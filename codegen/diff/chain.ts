// Diffs every consecutive pair of revisions in a directory (file names sort chronologically, as in
// model/revisions/) and tags each finding with the revision that introduced it.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diffModels, summarize, type DiffOptions, type DiffResult, type Side, type Summary } from './diff.js';
import { ModelError, readModel } from './load.js';
import { maxBump } from './findings.js';

export interface ChainResult {
  directory: string;
  revisions: Side[];
  steps: DiffResult[];
  summary: Summary;
}

const MODEL_FILE = /\.(ya?ml|json)$/i;

export function chainFiles(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    throw new ModelError(directory, '', 'cannot read the directory');
  }
  const files = names.filter((name) => MODEL_FILE.test(name)).sort().map((name) => join(directory, name));
  if (files.length < 2) throw new ModelError(directory, '', `a chain needs at least two model files (.yaml, .yml or .json), found ${files.length}`);
  return files;
}

/** Over a chain, the bump is the largest step's, for the reasons of the steps that take it. */
function chainSummary(steps: readonly DiffResult[], summary: Summary): Summary {
  if (!steps.every((s) => s.summary.semverFrom === 'surface')) {
    const unavailable = steps.find((s) => s.summary.surfaceUnavailable)?.summary.surfaceUnavailable;
    return unavailable ? { ...summary, semverFrom: 'model', surfaceUnavailable: unavailable } : summary;
  }
  const semver = maxBump(steps.map((s) => s.summary.semver));
  const reasons = [...new Set(steps.filter((s) => s.summary.semver === semver).flatMap((s) => s.summary.semverReasons))].slice(0, 5);
  return { ...summary, semver, semverReasons: reasons, semverFrom: 'surface' };
}

export function diffChain(directory: string, options: DiffOptions = {}): ChainResult {
  const models = chainFiles(directory).map(readModel);
  const steps: DiffResult[] = [];
  for (let i = 1; i < models.length; i++) {
    const step = diffModels(models[i - 1], models[i], options);
    for (const finding of step.findings) finding.introducedIn = step.new.revision;
    steps.push(step);
  }
  const findings = steps.flatMap((s) => s.findings);
  const ignored = steps.reduce((n, s) => n + s.summary.ignored, 0);
  return {
    directory,
    revisions: [steps[0].old, ...steps.map((s) => s.new)],
    steps,
    summary: chainSummary(steps, summarize(findings, ignored)),
  };
}
