// Damage recovery for documentation pages, the way a careful reader does it:
// - member names a scraper stripped, recovered from the Request Syntax block (whose keys, like the
//   page's member sections, are in alphabetical order) and checked against each section's types;
// - error names a scraper stripped, recovered from the alphabetical order of the error list by
//   aligning it with the names other sources know, checked against each status;
// - patterns that lost their quantifiers, recognised from their contradiction with the page's own
//   length constraints, and repaired only where evidence (another capture, a Smithy model) shows
//   the same pattern with its quantifiers.

import { bareAtoms, matchLengths, withoutPlus } from '../pattern.js';
import type { Undetermined } from '../types.js';
import type { Entry, PageFacts, SyntaxKey } from './facts.js';

export interface Findings {
  repairs: string[];
  notes: string[];
  undetermined: Undetermined[];
}

const IDENT = /^[A-Z][A-Za-z0-9_]*$/;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The URI members a request line shows: path labels, query values, header values. */
export function uriCandidates(facts: PageFacts): string[] {
  const r = facts.request;
  if (!r) return [];
  const labels = r.uri.split('/').filter((s) => IDENT.test(s));
  return [...labels, ...r.query.map((q) => q.value), ...r.headers.map((h) => h.value)];
}

const TYPE_KIND: Record<string, string> = { string: 'string', boolean: 'boolean', integer: 'number', long: 'number', float: 'number', double: 'number', number: 'number', timestamp: 'number' };

function typeAgrees(entry: Entry, key: SyntaxKey): boolean {
  const t = entry.fields.Type?.toLowerCase();
  if (!t || key.kind === 'unknown') return true;
  if (t.startsWith('array')) return key.kind === 'array';
  if (t.endsWith('object') || t.includes('map')) return key.kind === 'object' || key.kind === 'string';
  const kind = TYPE_KIND[t];
  return !kind || kind === key.kind || (kind === 'number' && key.kind === 'string');
}

/**
 * Gives names to the unnamed member entries of a section from the names the syntax block shows.
 * Reference pages list both in alphabetical order, so the n-th unnamed section is the n-th name.
 */
function nameSection(entries: Entry[], names: SyntaxKey[], what: string, found: Findings): string[] {
  const unnamed = entries.filter((e) => !e.name);
  if (unnamed.length === 0) return [];
  const named = new Set(entries.filter((e) => e.name).map((e) => e.name!));
  const remaining = names.filter((k) => !named.has(k.name));
  const sorted = [...remaining].sort((a, b) => byName(a.name, b.name));
  if (remaining.length !== unnamed.length) {
    unnamed.forEach((e) => found.undetermined.push({
      subject: `${what} entry ${e.index + 1}`, fact: 'name',
      reason: `the page stripped the names and its ${what} sections (${unnamed.length}) do not match the names of the syntax block (${remaining.length})`,
    }));
    return [];
  }
  const mismatched: string[] = [];
  unnamed.forEach((e, i) => {
    if (!typeAgrees(e, sorted[i])) mismatched.push(`${sorted[i].name} (syntax shows ${sorted[i].kind}, section says ${e.fields.Type})`);
    e.name = sorted[i].name;
  });
  if (mismatched.length) {
    found.undetermined.push({ subject: `${what} members`, fact: 'names', reason: `names recovered by alphabetical order disagree with the section types: ${mismatched.join(', ')}`, assumed: 'alphabetical assignment' });
  }
  return sorted.map((k) => k.name);
}

/** Recovers stripped member names of URI, body and response sections. */
export function recoverMemberNames(facts: PageFacts, found: Findings): void {
  const uri = facts.entries.filter((e) => e.section === 'uri');
  const body = facts.entries.filter((e) => e.section === 'body');
  const response = facts.entries.filter((e) => e.section === 'response');
  const parts: string[] = [];
  const uriNames = nameSection(uri, uriCandidates(facts).map((name) => ({ name, kind: 'string' })), 'URI parameter', found);
  if (uriNames.length) {
    // A path label is required by definition; check that the recovered labels say so.
    const labels = new Set(facts.request!.uri.split('/').filter((s) => IDENT.test(s)));
    const wrong = uri.filter((e) => labels.has(e.name!) && e.fields.Required === 'No');
    if (wrong.length) {
      found.undetermined.push({ subject: 'URI parameters', fact: 'names', reason: `recovered path labels ${wrong.map((e) => e.name).join(', ')} are documented as not required`, assumed: 'alphabetical assignment' });
    }
    parts.push(`URI parameters ${uriNames.join(' then ')} (request line, alphabetical)`);
  }
  const bodyKeys = facts.request?.bodyKeys ?? [];
  const bodyNames = nameSection(body, bodyKeys, 'request body', found);
  if (bodyNames.length) {
    const sortedInBlock = bodyKeys.every((k, i) => i === 0 || byName(bodyKeys[i - 1].name, k.name) <= 0);
    parts.push(`body members in the alphabetical order of the block (${bodyNames.join(', ')}), which is the order of the unnamed sections`);
    if (!sortedInBlock) found.notes.push('The Request Syntax block is not in alphabetical order; body names were assigned in alphabetical order.');
  }
  const responseNames = nameSection(response, facts.response?.bodyKeys ?? [], 'response', found);
  if (responseNames.length) parts.push(`response members from the Response Syntax block (${responseNames.join(', ')})`);
  if (parts.length) found.repairs.push(`Member names recovered from the Request Syntax block: ${parts.join('; ')}.`);
}

export interface KnownError { name: string; status?: number; description?: string; from: string }

function words(s: string | undefined): Set<string> {
  return new Set((s ?? '').toLowerCase().replace(/`/g, '').split(/[^a-z0-9]+/).filter((w) => w.length > 2));
}

function similarity(a: string | undefined, b: string | undefined): number {
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.max(x.size, y.size);
}

/**
 * Recovers stripped error names: the page lists its errors alphabetically, so the unnamed entries
 * are an order-preserving choice from the alphabetical list of names other sources know, and each
 * choice must agree with the entry's HTTP status. Every such alignment is enumerated; a unique
 * best one (most entries named, then closest descriptions) is taken.
 */
export function recoverErrorNames(facts: PageFacts, known: KnownError[], found: Findings): void {
  const entries = facts.entries.filter((e) => e.section === 'error');
  const unnamed = entries.filter((e) => !e.name);
  if (!unnamed.length) return;
  const pageNamed: KnownError[] = entries.filter((e) => e.name).map((e) => ({ name: e.name!, status: Number(e.fields['HTTP Status Code']), from: 'the page' }));
  const candidates = [...new Map([...known, ...pageNamed].map((k) => [k.name, k])).values()].sort((a, b) => byName(a.name, b.name));
  if (!known.length) {
    for (const e of unnamed) {
      found.undetermined.push({
        subject: `error entry ${e.index + 1} (HTTP ${e.fields['HTTP Status Code'] ?? '?'})`, fact: 'name',
        reason: 'the page stripped the error names and no --base, --evidence or --smithy source names the operation\'s errors',
        assumed: placeholderName(e),
      });
      e.name = placeholderName(e);
    }
    return;
  }
  type Solution = { assign: (number | undefined)[]; count: number; score: number };
  const solutions: Solution[] = [];
  const status = (e: Entry) => Number(e.fields['HTTP Status Code']);
  const walk = (i: number, from: number, assign: (number | undefined)[]) => {
    if (solutions.length > 100_000) return; // a page with very many unnamed errors: give up, below
    if (i === entries.length) {
      const count = assign.filter((a) => a !== undefined).length;
      const score = assign.reduce<number>((s, a, k) => s + (a === undefined ? 0 : similarity(entries[k].description, candidates[a].description)), 0);
      solutions.push({ assign: [...assign], count, score });
      return;
    }
    const e = entries[i];
    for (let j = from; j < candidates.length; j++) {
      const c = candidates[j];
      if (e.name ? c.name !== e.name : (c.status !== undefined && c.status !== status(e))) continue;
      if (e.name === undefined && entries.some((x) => x.name === c.name)) continue;
      assign.push(j);
      walk(i + 1, j + 1, assign);
      assign.pop();
    }
    if (!e.name) { assign.push(undefined); walk(i + 1, from, assign); assign.pop(); }
  };
  walk(0, 0, []);
  const most = Math.max(...solutions.map((s) => s.count));
  const top = solutions.filter((s) => s.count === most);
  const bestScore = Math.max(...top.map((s) => s.score));
  const best = top.filter((s) => Math.abs(s.score - bestScore) < 1e-9);
  const chosen = best[0];
  const recovered: string[] = [];
  entries.forEach((e, k) => {
    if (e.name) return;
    const a = chosen?.assign[k];
    const agreed = best.every((s) => s.assign[k] === a);
    if (a !== undefined && agreed) {
      e.name = candidates[a].name;
      recovered.push(e.name);
      return;
    }
    const reason = a === undefined
      ? `no name known from ${[...new Set(known.map((x) => x.from))].join(', ')} fits this place in the alphabetical list with HTTP ${status(e)} (a new error?)`
      : `several names fit this place in the alphabetical list with HTTP ${status(e)}: ${[...new Set(best.map((s) => s.assign[k]).filter((x): x is number => x !== undefined).map((x) => candidates[x].name))].join(', ')}`;
    e.name = placeholderName(e);
    found.undetermined.push({ subject: `error entry ${e.index + 1} (HTTP ${status(e)})`, fact: 'name', reason, assumed: e.name });
  });
  if (recovered.length) {
    const statuses = entries.map((e) => e.fields['HTTP Status Code']).join(', ');
    const sources = [...new Set(known.map((x) => x.from))].join(', ');
    found.repairs.push(`Error names recovered from the alphabetical order of the error list (names from ${sources}), checked against each status (${statuses}): ${recovered.join(', ')}.`);
  }
}

function placeholderName(e: Entry): string {
  return `UnnamedError${e.fields['HTTP Status Code'] ?? ''}At${e.index + 1}`;
}

export interface PatternEvidence { pattern: string; from: string }

function lengths(e: Entry): { min?: number; max?: number } {
  const t = e.fields['Length Constraints'] ?? '';
  const min = /Minimum length of (\d+)/.exec(t);
  const max = /Maximum length of (\d+)/.exec(t);
  const fixed = /Fixed length of (\d+)/.exec(t);
  return {
    min: fixed ? Number(fixed[1]) : min ? Number(min[1]) : undefined,
    max: fixed ? Number(fixed[1]) : max ? Number(max[1]) : undefined,
  };
}

/**
 * Recognises patterns that lost their quantifiers: a pattern that can match at most N characters
 * while the page allows longer values contradicts the page itself; when no pattern on the page
 * has a `+` at all, that contradiction is read as the scraper having stripped every `+`. Each
 * pattern that could have lost one is then repaired from evidence whose pattern, with its `+`
 * removed, is exactly the damaged one, and is flagged when there is no such evidence.
 */
export function checkQuantifiers(facts: PageFacts, evidence: Map<string, PatternEvidence[]>, found: Findings): void {
  const withPattern = facts.entries.filter((e) => e.name && e.fields.Pattern !== undefined);
  const contradictions: string[] = [];
  for (const e of withPattern) {
    const span = matchLengths(e.fields.Pattern);
    const { min, max } = lengths(e);
    if (!span || span.max === Infinity) continue;
    if ((max !== undefined && span.max < max && bareAtoms(e.fields.Pattern).length) || (min !== undefined && span.max < min)) {
      contradictions.push(`${e.name} \`${e.fields.Pattern}\` matches at most ${span.max} character${span.max === 1 ? '' : 's'} but the page allows up to ${max ?? min}`);
    }
  }
  if (!contradictions.length) return;
  const anyPlus = withPattern.some((e) => e.fields.Pattern.includes('+'));
  if (anyPlus) {
    found.notes.push(`Patterns that contradict their length constraints (kept as printed): ${contradictions.join('; ')}.`);
    return;
  }
  const repaired: string[] = [];
  const sources = new Set<string>();
  for (const e of withPattern) {
    const p = e.fields.Pattern;
    if (!bareAtoms(p).length) continue;
    const ev = evidence.get(e.name!) ?? [];
    const match = ev.find((x) => x.pattern !== p && withoutPlus(x.pattern) === p);
    if (match) {
      e.fields.Pattern = match.pattern;
      repaired.push(`${e.name} \`${p}\` → \`${match.pattern}\``);
      sources.add(match.from);
      continue;
    }
    if (ev.some((x) => x.pattern === p)) continue; // evidence prints it the same: nothing was lost
    found.undetermined.push({
      subject: `member ${e.name}`, fact: 'pattern',
      reason: ev.length
        ? `the page's patterns lost their quantifiers (no \`+\` anywhere; ${contradictions[0]}), and the evidence (${ev.map((x) => `${x.from}: \`${x.pattern}\``).join('; ')}) differs by more than the stripped \`+\``
        : `the page's patterns lost their quantifiers (no \`+\` anywhere; ${contradictions[0]}); give another capture with --evidence or a Smithy model with --smithy to repair it`,
      assumed: `\`${p}\` as printed`,
    });
  }
  if (repaired.length) {
    found.repairs.push(`Patterns taken from ${[...sources].join(', ')}: this capture stripped every \`+\` from the regular expressions (${contradictions[0]}, which the service never meant): ${repaired.join('; ')}.`);
  }
}
