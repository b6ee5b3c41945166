// Reader for the Markdown API reference (headings `## Request Syntax`, bold member and error
// names `** Name **`, punctuation escaped with backslashes outside code spans).

import {
  type DescLine, type Line, type PageFacts, gotoLinkFacts, parseReference, tidyParagraph,
} from './facts.js';
import { buildEntries } from './entries.js';

/** Removes Markdown's backslash escapes outside inline code spans. */
export function unescapeMarkdown(s: string): string {
  return s.split(/(`[^`]*`)/).map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1
    ? part
    : part.replace(/\\([\\`*_{}[\]()#+\-.!|"'<>$&~^=:;,?%@/])/g, '$1'))).join('');
}

function toLines(text: string): { lines: Line[]; title?: string } {
  const lines: Line[] = [];
  let title: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const heading = /^(#{1,6})\s+(.*?)\s*(<a\s+name=[^>]*>\s*<\/a>)?\s*$/.exec(raw);
    if (heading) {
      const t = unescapeMarkdown(heading[2]);
      if (heading[1] === '#' && title === undefined) { title = t; continue; }
      lines.push({ kind: 'heading', text: t });
      continue;
    }
    if (/^\s*$/.test(raw)) { lines.push({ kind: 'blank' }); continue; }
    const name = /^\s*\*\*\s*([A-Za-z][A-Za-z0-9_]*)\s*\*\*\s*$/.exec(raw);
    if (name) { lines.push({ kind: 'name', text: name[1] }); continue; }
    // A trailing double space is a hard line break: keep the marker for the paragraph joiner.
    const hardBreak = / {2,}$/.test(raw);
    const t = unescapeMarkdown(raw.trim());
    lines.push({ kind: 'text', text: hardBreak ? `${t}\u0000` : t });
  }
  return { lines, title };
}

/** Markdown paragraphs: a blank line or a hard line break ends one; other lines join with a space. */
function joinMarkdown(desc: DescLine[]): string {
  const paragraphs: string[] = [];
  let current = '';
  for (const d of desc) {
    if (d.blankBefore && current) { paragraphs.push(current); current = ''; }
    const hard = d.text.endsWith('\u0000');
    const t = d.text.replace(/\u0000$/, '').trim();
    current = current ? `${current} ${t}` : t;
    if (hard) { paragraphs.push(current); current = ''; }
  }
  if (current) paragraphs.push(current);
  return paragraphs.map(tidyParagraph).filter(Boolean).join('\n\n');
}

export function readMarkdown(text: string): PageFacts {
  const { lines, title } = toLines(text);
  const parsed = parseReference(lines);
  const links = gotoLinkFacts(text);
  const facts: PageFacts = {
    format: 'markdown',
    formatLabel: 'API reference, Markdown with escaped punctuation',
    operationName: title && /^[A-Za-z][A-Za-z0-9]*$/.test(title) ? title : links.operationName,
    apiVersion: links.apiVersion,
    endpointPrefix: links.endpointPrefix,
    description: joinMarkdown(parsed.intro) || undefined,
    request: parsed.request,
    response: parsed.response,
    entries: [],
    states: { constraints: true, errorStatuses: true, errorDescriptions: true, bindings: true, modelOrder: false },
    notes: [],
    repairs: [],
  };
  if (facts.response && facts.response.status === undefined && parsed.successStatus) facts.response.status = parsed.successStatus;
  facts.entries = buildEntries(parsed, joinMarkdown);
  if (/\\[.()\-]/.test(text)) facts.repairs.push('Markdown escapes (`\\.`, `\\(`, `\\-`) removed from the documentation text.');
  return facts;
}
