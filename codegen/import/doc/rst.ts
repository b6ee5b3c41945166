// Reader for the boto3 reference (reStructuredText). The format lists members in the service's
// model order, their types, required-ness, enum values and descriptions, and the errors by name;
// it states no lengths, no patterns, no HTTP bindings and no error statuses or descriptions.

import type { Entry, PageFacts, SyntaxKey } from './facts.js';
import { gotoLinkFacts, tidyParagraph } from './facts.js';

/** reStructuredText inline markup to Markdown. */
export function rstInline(s: string): string {
  return s
    .replace(/``([^`]+)``/g, '`$1`')
    .replace(/`([^`<]+?)\s*<([^>]+)>`__?/g, '[$1]($2)')
    .replace(/:[a-z:]+:`(?:[^`<]*<)?([^`>]+)>?`/g, (_w, t: string) => t.split('.').pop() ?? t);
}

/** Paragraphs of an indented rST block: blank lines separate, `* ` starts a list item. */
function rstParagraphs(lines: string[]): string {
  const paragraphs: { text: string; list: boolean }[] = [];
  let current: { text: string; list: boolean } | undefined;
  for (const raw of lines) {
    const t = raw.trim();
    if (!t) { if (current) paragraphs.push(current); current = undefined; continue; }
    const item = /^[*-]\s+(.*)$/.exec(t);
    if (item) {
      if (current) paragraphs.push(current);
      current = { text: item[1], list: true };
      continue;
    }
    current = current ? { ...current, text: `${current.text} ${t}` } : { text: t, list: false };
  }
  if (current) paragraphs.push(current);
  let md = '';
  paragraphs.forEach((p, i) => {
    const text = tidyParagraph(rstInline(p.text));
    if (!text) return;
    if (i > 0) md += p.list && paragraphs[i - 1].list ? '\n' : '\n\n';
    md += p.list ? `- ${text}` : text;
  });
  return md.trim();
}

const BOTO_TYPES: Record<string, string> = {
  string: 'String', boolean: 'Boolean', integer: 'Integer', float: 'Float', list: 'List',
  dict: 'Dict', datetime: 'Timestamp', bytes: 'Blob',
};

function syntaxValueKind(v: string): SyntaxKey {
  const value = v.replace(/,\s*$/, '').trim();
  if (/^'[^']*'(\|'[^']*')+$/.test(value)) {
    return { name: '', kind: 'enum', enumValues: value.split('|').map((x) => x.slice(1, -1)) };
  }
  if (value.startsWith("'")) return { name: '', kind: 'string' };
  if (/^(True|False)(\|(True|False))?$/.test(value)) return { name: '', kind: 'boolean' };
  if (/^-?\d/.test(value)) return { name: '', kind: 'number' };
  if (value.startsWith('[')) return { name: '', kind: 'array' };
  if (value.startsWith('{')) return { name: '', kind: 'object' };
  return { name: '', kind: 'unknown' };
}

export function readRst(text: string): PageFacts {
  const lines = text.split(/\r?\n/);
  const links = gotoLinkFacts(text);
  const doc = /^:doc:`([^<`]+?)\s*</.exec(lines[0] ?? '');
  const facts: PageFacts = {
    format: 'rst',
    formatLabel: 'boto3 reference (reStructuredText)',
    operationName: links.operationName,
    serviceTitle: doc?.[1]?.trim(),
    apiVersion: links.apiVersion,
    endpointPrefix: links.endpointPrefix,
    entries: [],
    states: { constraints: false, errorStatuses: false, errorDescriptions: false, bindings: false, modelOrder: true },
    notes: [],
    repairs: [],
  };
  // Operation description: after `.. py:method::` up to `See also:` or the request syntax.
  const methodAt = lines.findIndex((l) => /^\.\. py:method::/.test(l));
  const descLines: string[] = [];
  for (let i = methodAt + 1; i < lines.length; i++) {
    const t = lines[i].trim();
    if (/^See also:/.test(t) || /^\*\*Request Syntax\*\*/.test(t)) break;
    descLines.push(lines[i]);
  }
  facts.description = rstParagraphs(descLines) || undefined;

  // Request syntax: `Name=value,` lines of `response = client.x(` ... `)`, in model order.
  const syntax: SyntaxKey[] = [];
  const callAt = lines.findIndex((l) => /^\s*response = client\.\w+\($/.test(l));
  if (callAt >= 0) {
    // Top-level arguments are the lines indented like the first one; nested values are deeper.
    const indent = lines[callAt + 1]?.search(/\S/) ?? -1;
    for (let i = callAt + 1; i < lines.length && !/^\s*\)\s*$/.test(lines[i]); i++) {
      const m = /^(\s*)([A-Za-z][A-Za-z0-9_]*)=(.*)$/.exec(lines[i]);
      if (m && m[1].length === indent) syntax.push({ ...syntaxValueKind(m[3]), name: m[2] });
    }
  }
  // Parameters: `:type Name: t` / `:param Name: [**[REQUIRED]**]` and an indented description.
  const params = new Map<string, { type?: string; required: boolean; desc: string[] }>();
  let currentParam: { type?: string; required: boolean; desc: string[] } | undefined;
  let returnsAt = lines.length;
  for (let i = callAt + 1; i < lines.length; i++) {
    const l = lines[i];
    const type = /^\s*:type (\w+): (\S+)/.exec(l);
    if (type) { currentParam = { type: type[2], required: false, desc: [] }; params.set(type[1], currentParam); continue; }
    const param = /^\s*:param (\w+):\s*(.*)$/.exec(l);
    if (param) {
      currentParam = params.get(param[1]) ?? { required: false, desc: [] };
      params.set(param[1], currentParam);
      currentParam.required = /\*\*\[REQUIRED\]\*\*/.test(param[2]);
      const rest = param[2].replace(/\*\*\[REQUIRED\]\*\*/, '').trim();
      if (rest) currentParam.desc.push(rest);
      continue;
    }
    if (/^\s*:rtype:/.test(l)) { returnsAt = i; break; }
    if (currentParam) currentParam.desc.push(l);
  }
  syntax.forEach((k, index) => {
    const p = params.get(k.name);
    const fields: Record<string, string> = {};
    const t = p?.type ?? (k.kind === 'enum' ? 'string' : k.kind);
    fields.Type = BOTO_TYPES[t] ?? t;
    if (k.enumValues) fields['Valid Values'] = k.enumValues.join(' | ');
    fields.Required = p?.required ? 'Yes' : 'No';
    facts.entries.push({ name: k.name, section: 'body', description: rstParagraphs(p?.desc ?? []), fields, index });
  });
  for (const name of params.keys()) {
    if (!syntax.some((k) => k.name === name)) facts.notes.push(`Parameter ${name} is described but absent from the request syntax.`);
  }

  // Response structure: top-level members `- **Name** *(type) --*` one level under the dict.
  const structAt = lines.findIndex((l, i) => i > returnsAt && /\*\*Response Structure\*\*/.test(l));
  const excAt = lines.findIndex((l, i) => i > returnsAt && /\*\*Exceptions\*\*/.test(l));
  if (structAt >= 0) {
    const end = excAt >= 0 ? excAt : lines.length;
    let memberIndent = -1;
    let current: Entry | undefined;
    let desc: string[] = [];
    const flush = () => { if (current) { current.description = rstParagraphs(desc); facts.entries.push(current); } current = undefined; desc = []; };
    let index = 0;
    for (let i = structAt + 1; i < end; i++) {
      const l = lines[i];
      const m = /^(\s*)- \*\*(\w+)\*\* \*\((\w+)\) --\*/.exec(l);
      if (m) {
        if (memberIndent < 0) memberIndent = m[1].length;
        if (m[1].length === memberIndent) {
          flush();
          current = { name: m[2], section: 'response', description: '', fields: { Type: BOTO_TYPES[m[3]] ?? m[3] }, index: index++ };
          continue;
        }
        if (m[1].length > memberIndent && current) { facts.notes.push(`Nested member ${m[2]} of ${current.name} is not modelled.`); }
      }
      if (/^\s*- \*\(\w+\) --\*/.test(l)) continue;
      if (current) desc.push(l);
    }
    flush();
  }
  // Exceptions: names only.
  if (excAt >= 0) {
    let index = 0;
    for (let i = excAt + 1; i < lines.length; i++) {
      const m = /:py:class:`[\w.]*exceptions\.(\w+)`/.exec(lines[i]);
      if (m) facts.entries.push({ name: m[1], section: 'error', description: '', fields: {}, index: index++ });
      if (/^\s*\*\*Examples\*\*/.test(lines[i])) break;
    }
  }
  return facts;
}
