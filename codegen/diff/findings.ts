// What a rule reports. The JSON output is exactly these objects (codegen/diff/diff-output.schema.json).

export type Level = 'breaking' | 'warning' | 'info' | 'documentation' | 'artifact';
export type Bump = 'major' | 'minor' | 'patch' | 'none';
export type Section = 'changes' | 'documentation' | 'artifacts';

/** A value that one revision accepts and the other rejects. */
export interface Example {
  value: string;
  acceptedBy: 'old' | 'new';
  /** `shortest`: a shortest such value, from the automata; `sample`: a realistic value built from the documents. */
  kind: 'shortest' | 'sample';
}

export interface Impact {
  /** What changes for a user of the generated client package, in one line. */
  typescript: string;
  bump: Bump;
  /** The generated declaration the finding is about (`CreateWidgetRequest.Label`, `WidgetNotFoundException`). */
  declaration?: string;
  /** That declaration in the old and the new client, as the client package declares it (absent on a side without it). */
  before?: string;
  after?: string;
  /** `surface`: read from the generated clients' declarations; `model`: stated from the model (no client could be generated). */
  from?: 'surface' | 'model';
}

export interface Finding {
  id: string;
  level: Level;
  /** JSON pointer into the document named by `side`. */
  location: string;
  side: 'old' | 'new';
  /** Operation the finding belongs to, when it belongs to one. */
  operation?: string;
  message: string;
  why: string;
  examples?: Example[];
  /**
   * For a finding about a request member: a value of it that meets every constraint of the new
   * revision, or why no value does (then every call that sends it fails).
   */
  sample?: { member: string; value: string } | { member: string; none: string };
  impact: Impact;
  /** For a suspected artifact: what it would be if the change were real. */
  ifReal?: { id: string; level: Level };
  /** For documentation changes: the texts before and after. */
  before?: string;
  after?: string;
  /** In a chain: the revision that introduced the change. */
  introducedIn?: string;
}

/** The levels that count towards `--fail-on`, most severe first. */
export const THRESHOLD_LEVELS = ['breaking', 'warning', 'info'] as const;
export type Threshold = (typeof THRESHOLD_LEVELS)[number];

const LEVEL_ORDER: Level[] = ['breaking', 'warning', 'info', 'documentation', 'artifact'];
const BUMP_ORDER: Bump[] = ['none', 'patch', 'minor', 'major'];

export function levelRank(level: Level): number {
  return LEVEL_ORDER.indexOf(level);
}

export function sectionOf(level: Level): Section {
  if (level === 'documentation') return 'documentation';
  if (level === 'artifact') return 'artifacts';
  return 'changes';
}

/** Documentation changes and suspected artifacts never meet a threshold: they never fail CI. */
export function meetsThreshold(level: Level, threshold: Threshold): boolean {
  if (sectionOf(level) !== 'changes') return false;
  return levelRank(level) <= levelRank(threshold);
}

export function maxBump(bumps: Iterable<Bump>): Bump {
  let best: Bump = 'none';
  for (const bump of bumps) if (BUMP_ORDER.indexOf(bump) > BUMP_ORDER.indexOf(best)) best = bump;
  return best;
}

export function bumpRank(bump: Bump): number {
  return BUMP_ORDER.indexOf(bump);
}

/** Stable order: most severe first, then by operation, location and rule id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      levelRank(a.level) - levelRank(b.level) ||
      (a.operation ?? '').localeCompare(b.operation ?? '') ||
      a.location.localeCompare(b.location) ||
      a.id.localeCompare(b.id) ||
      a.message.localeCompare(b.message),
  );
}
