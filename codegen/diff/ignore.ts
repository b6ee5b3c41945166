// The ignore file: one entry a line, `RULE-ID [JSON-POINTER] [# reason]`.
//   - RULE-ID is a rule id or `*` for every rule;
//   - JSON-POINTER limits the entry to findings at that location or inside it (`*` or nothing: anywhere);
//   - blank lines and lines starting with `#` are skipped.

import { readFileSync } from 'node:fs';
import type { Finding } from './findings.js';
import { isWithin } from './pointer.js';
import { RULE_IDS } from './rules/index.js';

export interface IgnoreEntry {
  rule: string;
  location?: string;
  reason?: string;
  line: number;
}

export class IgnoreFileError extends Error {}

export function parseIgnore(text: string, source = 'ignore file'): IgnoreEntry[] {
  const entries: IgnoreEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const hash = raw.search(/(^|\s)#/);
    const body = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    const reason = hash === -1 ? undefined : raw.slice(raw.indexOf('#', hash) + 1).trim() || undefined;
    if (body === '') return;
    const [rule, location, extra] = body.split(/\s+/);
    if (extra !== undefined) throw new IgnoreFileError(`${source}:${line}: expected "RULE-ID [JSON-POINTER]", got "${body}"`);
    if (rule !== '*' && !RULE_IDS.has(rule)) throw new IgnoreFileError(`${source}:${line}: unknown rule id "${rule}"`);
    if (location !== undefined && location !== '*' && !location.startsWith('/')) {
      throw new IgnoreFileError(`${source}:${line}: "${location}" is not a JSON pointer (it must start with /)`);
    }
    entries.push({ rule, location: location === '*' ? undefined : location, reason, line });
  });
  return entries;
}

export function readIgnore(file: string): IgnoreEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new IgnoreFileError(`${file}: cannot read the ignore file`);
  }
  return parseIgnore(text, file);
}

export function isIgnored(finding: Finding, entries: readonly IgnoreEntry[]): boolean {
  return entries.some(
    (entry) => (entry.rule === '*' || entry.rule === finding.id) && (entry.location === undefined || isWithin(finding.location, entry.location)),
  );
}
