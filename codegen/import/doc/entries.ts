// From the raw entries of a reference parse to the page facts' entries (descriptions joined by
// the reader's own paragraph rules, sections numbered).

import type { DescLine, Entry, ReferenceParse } from './facts.js';

export function buildEntries(parsed: ReferenceParse, join: (d: DescLine[]) => string): Entry[] {
  const counters = new Map<string, number>();
  return parsed.entries.map((raw) => {
    const index = counters.get(raw.section) ?? 0;
    counters.set(raw.section, index + 1);
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.fields)) fields[k] = v.replace(/\u0000/g, '').trim().replace(/^`(.*)`$/, '$1').trim();
    const e: Entry = { section: raw.section, description: join(raw.desc), fields, index };
    if (raw.name) e.name = raw.name;
    return e;
  });
}
