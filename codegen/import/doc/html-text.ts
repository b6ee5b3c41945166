// Reader for API reference pages scraped from HTML to plain text. Three variants are known:
// bold member names kept but section headings lost; headings kept but names as plain lines;
// headings kept but every member and error name stripped. The variants share one reader; the
// differences are in how names and sections are found (facts.ts) and how lines join into
// paragraphs (here).

import {
  type DescLine, type Line, type PageFacts, HEADING_TEXTS, gotoLinkFacts, parseReference, tidyParagraph,
} from './facts.js';
import { buildEntries } from './entries.js';

const LIST_ITEM = /^\s*(?:[•·▪◦]|-\s|\*\s)\s*/;

/** Scrapers that break lines after inline code leave lines starting with punctuation. */
function breaksAtCode(text: string): boolean {
  return text.split(/\r?\n/).filter((l) => /^[.,;)]/.test(l)).length >= 2;
}

function codeSuffix(s: string): string {
  const m = /([^\s(),`]*[A-Za-z0-9][^\s(),`]*)$/.exec(s);
  if (!m || m.index === undefined) return s;
  return `${s.slice(0, m.index)}\`${m[1]}\``;
}

/**
 * Paragraphs of a scraped description. A blank line always ends a paragraph; a list item starts
 * a new one. Where the scraper broke lines after inline code (`codeBreaks`), a line that continues
 * the sentence of the one before rejoins it and the last token before the break becomes code;
 * otherwise every line is its own paragraph.
 */
export function joinScraped(desc: DescLine[], codeBreaks: boolean, indentIsList: boolean): string {
  type P = { text: string; list: boolean };
  const paragraphs: P[] = [];
  let current: P | undefined;
  let previousRaw = '';
  for (const d of desc) {
    const raw = d.text;
    const isItem = LIST_ITEM.test(raw) || (indentIsList && /^\s{2,}\S/.test(raw));
    const t = raw.replace(LIST_ITEM, '').trim();
    if (!t) continue;
    const prev = previousRaw.trim();
    previousRaw = raw;
    const continues = codeBreaks && current && !d.blankBefore && !isItem
      && (/^[.,;:)!?]/.test(t) || /^[a-z(]/.test(t) || !/[.!?:]["')]*$/.test(prev) || /[,(]$/.test(prev));
    if (continues && current) {
      current.text = codeSuffix(current.text) + (/^[.,;:)!?]/.test(t) ? '' : ' ') + t;
      continue;
    }
    if (current) paragraphs.push(current);
    current = { text: t, list: isItem };
  }
  if (current) paragraphs.push(current);
  // A flattened list item may hold the items after it (`… (with alias). - Function ARN - …`)
  // and the paragraph that followed the list (`…function. You can append …`).
  const expanded: P[] = [];
  for (const p of paragraphs) {
    if (!p.list || !codeBreaks) { expanded.push(p); continue; }
    const items = p.text.split(/(?<=\.)\s+-\s+(?=[A-Z])/);
    items.forEach((item, i) => {
      if (i === items.length - 1) {
        const tail = /^(.*?\.)\s+([A-Z][a-z]+ .*)$/.exec(item);
        if (tail) { expanded.push({ text: tail[1], list: true }, { text: tail[2], list: false }); return; }
      }
      expanded.push({ text: item, list: true });
    });
  }
  let md = '';
  expanded.forEach((p, i) => {
    const text = tidyParagraph(p.text);
    if (!text) return;
    if (i > 0) md += p.list && expanded[i - 1].list ? '\n' : '\n\n';
    md += p.list ? `- ${text}` : text;
  });
  return md.trim();
}

export function readHtmlText(text: string): PageFacts {
  const rawLines = text.split(/\r?\n/);
  // The title: `Operation` alone, or `Operation - Service Title`, on the first non-empty line.
  let operationName: string | undefined;
  let serviceTitle: string | undefined;
  const firstAt = rawLines.findIndex((l) => l.trim() !== '');
  const first = rawLines[firstAt]?.trim() ?? '';
  let titleLine: string | undefined;
  const titled = /^([A-Z][A-Za-z0-9]+)\s+-\s+(.+)$/.exec(first);
  if (titled) { operationName = titled[1]; serviceTitle = titled[2]; titleLine = first; }
  else if (/^[A-Z][A-Za-z0-9]+$/.test(first)) { operationName = first; titleLine = first; }

  const hasHeadings = rawLines.some((l) => HEADING_TEXTS.test(l.trim()));
  const boldNames = rawLines.some((l) => /^\s*\*\*\s*[A-Za-z][A-Za-z0-9_]*\s*\*\*/.test(l));
  const lines: Line[] = [];
  for (const raw of rawLines) {
    if (titleLine !== undefined && raw.trim() === titleLine) continue;
    if (/^\s*$/.test(raw)) { lines.push({ kind: 'blank' }); continue; }
    const bold = /^\s*\*\*\s*([A-Za-z][A-Za-z0-9_]*)\s*\*\*\s*(.*)$/.exec(raw);
    if (bold) { lines.push({ kind: 'name', text: bold[1], rest: bold[2].trim() || undefined }); continue; }
    if (HEADING_TEXTS.test(raw.trim())) { lines.push({ kind: 'heading', text: raw.trim() }); continue; }
    lines.push({ kind: 'text', text: raw.replace(/\s+$/, '') });
  }
  const codeBreaks = breaksAtCode(text);
  const indentIsList = !codeBreaks;
  const join = (d: DescLine[]) => joinScraped(d, codeBreaks, indentIsList);
  const parsed = parseReference(lines);
  // Some scrapes repeat the introduction (page title block and body): keep each paragraph once.
  const seen = new Set<string>();
  const intro = parsed.intro.filter((d) => {
    const key = d.text.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const links = gotoLinkFacts(text);
  const facts: PageFacts = {
    format: 'html-text',
    formatLabel: 'API reference, text scraped from HTML',
    operationName: operationName ?? links.operationName,
    serviceTitle,
    apiVersion: links.apiVersion,
    endpointPrefix: links.endpointPrefix,
    description: join(intro) || undefined,
    request: parsed.request,
    response: parsed.response,
    entries: buildEntries(parsed, join),
    states: { constraints: true, errorStatuses: true, errorDescriptions: true, bindings: true, modelOrder: false },
    notes: [],
    repairs: [],
  };
  if (facts.response && facts.response.status === undefined && parsed.successStatus) facts.response.status = parsed.successStatus;
  const unnamed = facts.entries.filter((e) => !e.name).length;
  if (unnamed > 0) {
    facts.format = 'html-text-unnamed';
    facts.formatLabel = 'API reference, text scraped from HTML (member and error names stripped)';
  } else if (!hasHeadings) {
    facts.formatLabel = 'API reference, text scraped from HTML (section headings lost, bold member names kept)';
  } else if (!boldNames) {
    facts.format = 'html-text-headings';
    facts.formatLabel = 'API reference, text scraped from HTML (headings kept, member names as plain lines)';
  }
  if (codeBreaks) facts.repairs.push('Documentation text rejoined where the scrape broke sentences at inline code.');
  // Scrapers that drop inline code leave a conjunction with nothing around it ("such as or For").
  for (const m of text.matchAll(/[^.]*\b(such as|like|including|for example,?)\s+(or|and)\s+[A-Z]\w*/g)) {
    facts.notes.push(`The text lost inline code at "${m[0].trim()}" (kept as printed).`);
  }
  return facts;
}
