// The common "page facts" form every documentation reader produces, and the parser the three
// API-reference readers share once they have turned their text into typed lines.

export type DocFormat = 'markdown' | 'html-text' | 'html-text-headings' | 'html-text-unnamed' | 'rst';

export type Section = 'uri' | 'body' | 'response' | 'response-header' | 'error' | 'unknown';

export interface SyntaxKey {
  name: string;
  /** What the syntax block shows as the value: `string`, `number`, `boolean`, `object`, `array`, or enum values. */
  kind: string;
  enumValues?: string[];
}

export interface RequestSyntax {
  method: string;
  /** The URI as printed, labels without braces, e.g. `/2015-03-31/things/ThingName/parts`. */
  uri: string;
  query: { key: string; value: string }[];
  headers: { header: string; value: string }[];
  bodyKeys: SyntaxKey[];
}

export interface ResponseSyntax {
  status?: number;
  headers: { header: string; value: string }[];
  bodyKeys: SyntaxKey[];
}

export interface Entry {
  /** The name as printed, undefined when the page lost it. */
  name?: string;
  section: Section;
  description: string;
  /** Raw constraint lines by label (`Type`, `Length Constraints`, `Pattern`, ...). */
  fields: Record<string, string>;
  /** Position among the entries of its section, from 0. */
  index: number;
}

export interface PageFacts {
  format: DocFormat;
  formatLabel: string;
  operationName?: string;
  serviceTitle?: string;
  apiVersion?: string;
  endpointPrefix?: string;
  description?: string;
  request?: RequestSyntax;
  response?: ResponseSyntax;
  /** Input, output and error entries in page order. */
  entries: Entry[];
  /** What the format states at all (absent facts of a format that never states them are not removals). */
  states: {
    constraints: boolean;
    errorStatuses: boolean;
    errorDescriptions: boolean;
    bindings: boolean;
    /** The page lists members in the service's model order (boto3 does; reference pages sort them). */
    modelOrder: boolean;
  };
  notes: string[];
  repairs: string[];
}

/** One line of a reference page after a reader's format-specific clean-up. */
export type Line =
  | { kind: 'heading'; text: string }
  | { kind: 'name'; text: string; rest?: string }
  | { kind: 'text'; text: string }
  | { kind: 'blank' };

export const CONSTRAINT_LABELS = [
  'Type', 'Length Constraints', 'Pattern', 'Required', 'Valid Values', 'Valid Range',
  'Array Members', 'Map Entries', 'Key Length Constraints', 'Key Pattern', 'Value Length Constraints',
  'Value Pattern', 'HTTP Status Code',
];
const CONSTRAINT_RE = new RegExp(`^(${CONSTRAINT_LABELS.map((l) => l.replace(/ /g, '\\s+')).join('|')})\\s*:\\s*(.*)$`);

export function constraintLine(text: string): { label: string; value: string } | undefined {
  const m = CONSTRAINT_RE.exec(text.trim());
  if (!m) return undefined;
  return { label: m[1].replace(/\s+/g, ' '), value: m[2].trim() };
}

const REQUEST_LINE = /(GET|POST|PUT|DELETE|PATCH|HEAD)\s+(\/\S*)\s+HTTP\/1\.1\b/;
const RESPONSE_LINE = /^HTTP\/1\.1\s+(\d{3})\b/;

/** Top-level keys of the first JSON-like object in `text`, with the kind of value each shows. */
export function syntaxKeys(text: string): SyntaxKey[] {
  const start = text.indexOf('{');
  if (start < 0) return [];
  const tokens = text.slice(start).match(/"(?:[^"\\]|\\.)*"|[{}[\]:,]|[^\s{}[\]:,"]+/g) ?? [];
  const keys: SyntaxKey[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '{' || t === '[') depth++;
    else if (t === '}' || t === ']') { depth--; if (depth === 0) break; }
    else if (depth === 1 && t.startsWith('"') && tokens[i + 1] === ':') {
      const v = tokens[i + 2] ?? '';
      let kind = 'unknown';
      if (v.startsWith('"')) kind = 'string';
      else if (v === '{') kind = 'object';
      else if (v === '[') kind = 'array';
      else if (/^(number|-?\d)/.test(v)) kind = 'number';
      else if (/^(boolean|true|false)$/.test(v)) kind = 'boolean';
      keys.push({ name: t.slice(1, -1), kind });
      i++;
    }
  }
  return keys;
}

function headerPairs(text: string): { header: string; value: string }[] {
  const pairs: { header: string; value: string }[] = [];
  const before = text.split('{')[0];
  for (const m of before.matchAll(/([A-Za-z][A-Za-z0-9-]*):\s*([^\s{]+)/g)) {
    if (/^content-type$/i.test(m[1]) || /^HTTP$/i.test(m[1])) continue;
    pairs.push({ header: m[1], value: m[2] });
  }
  return pairs;
}

/** Collects the text of a syntax block that starts at line `at`: header lines and one JSON object. */
function syntaxBlock(lines: Line[], at: number): { text: string; end: number } {
  const first = (lines[at] as { text: string }).text;
  let text = first;
  let depth = 0;
  const count = (s: string) => { for (const c of s) { if (c === '{') depth++; else if (c === '}') depth--; } };
  count(first);
  let seenBrace = first.includes('{');
  if (seenBrace && depth === 0) return { text, end: at };
  let i = at + 1;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    if (l.kind !== 'text') break;
    const t = l.text.trim();
    if (!seenBrace && !t.startsWith('{') && !/^[A-Za-z][A-Za-z0-9-]*:\s*\S+$/.test(t)) break;
    text += '\n' + t;
    count(t);
    if (t.includes('{')) seenBrace = true;
    if (seenBrace && depth <= 0) return { text, end: i };
  }
  return { text, end: i - 1 };
}

const MARKERS: { re: RegExp; section?: Section; end?: boolean }[] = [
  { re: /^The request (uses|requires) the following URI parameters/i, section: 'uri' },
  { re: /^The request accepts the following data in JSON format/i, section: 'body' },
  { re: /^The request does not have a request body/i, section: 'body' },
  { re: /^The following data is returned in JSON format by the service/i, section: 'response' },
  { re: /^The response returns the following HTTP headers/i, section: 'response-header' },
  { re: /^If the action is successful, the service sends back an HTTP \d{3} response/i },
  { re: /^For information about the errors that are common to all actions/i, section: 'error' },
  { re: /^For more information about using this API in one of the language-specific AWS SDKs/i, end: true },
];

const HEADINGS: { re: RegExp; section?: Section; end?: boolean }[] = [
  { re: /^URI Request Parameters$/i, section: 'uri' },
  { re: /^Request Body$/i, section: 'body' },
  { re: /^Request Syntax$/i },
  { re: /^Response Syntax$/i },
  { re: /^Response Elements$/i, section: 'response' },
  { re: /^Errors$/i, section: 'error' },
  { re: /^(See Also|Examples)$/i, end: true },
];

export const HEADING_TEXTS = /^(Request Syntax|URI Request Parameters|Request Body|Response Syntax|Response Elements|Errors|See Also|Examples)$/i;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const ERROR_NAME = /^[A-Z][A-Za-z0-9]*(Exception|Error|Fault)$|^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+$/;

export interface DescLine { text: string; blankBefore: boolean }

export interface ReferenceParse {
  intro: DescLine[];
  request?: RequestSyntax;
  response?: ResponseSyntax;
  entries: { name?: string; section: Section; desc: DescLine[]; fields: Record<string, string> }[];
  successStatus?: number;
}

/**
 * Parses the typed lines of an API reference page: the request and response syntax blocks, the
 * introduction, and the member and error entries with their sections. Entries are delimited by
 * name lines, by headings and marker sentences, and, where names were lost, by the return from a
 * run of constraint lines (`Type:`, `Pattern:`, `Required:`, `HTTP Status Code:`) to text.
 */
export function parseReference(lines: Line[]): ReferenceParse {
  const result: ReferenceParse = { intro: [], entries: [] };
  let reqAt = lines.findIndex((l) => l.kind === 'text' && REQUEST_LINE.test(l.text));
  let requestEnd = -1;
  if (reqAt >= 0) {
    const block = syntaxBlock(lines, reqAt);
    const m = REQUEST_LINE.exec(block.text)!;
    const [uri, queryText] = m[2].split('?');
    const query = (queryText ?? '').split('&').filter(Boolean).map((kv) => {
      const [key, value] = kv.split('=');
      return { key, value: value ?? key };
    });
    const afterLine = block.text.slice(block.text.indexOf(m[0]) + m[0].length);
    result.request = { method: m[1], uri, query, headers: headerPairs(afterLine), bodyKeys: syntaxKeys(afterLine) };
    requestEnd = block.end;
  } else {
    reqAt = lines.length;
  }
  // Introduction: text before the request syntax.
  let blank = false;
  for (let i = 0; i < reqAt; i++) {
    const l = lines[i];
    if (l.kind === 'blank') { blank = true; continue; }
    if (l.kind !== 'text' || l.text.trim() === '```') continue;
    result.intro.push({ text: l.text, blankBefore: blank });
    blank = false;
  }
  const requestNames = new Set<string>([
    ...(result.request?.bodyKeys.map((k) => k.name) ?? []),
    ...(result.request?.query.map((q) => q.value) ?? []),
    ...(result.request?.headers.map((h) => h.value) ?? []),
    ...(result.request?.uri.split('/').filter((s) => IDENTIFIER.test(s)) ?? []),
  ]);
  let responseNames = new Set<string>();

  let section: Section = 'unknown';
  let ended = false;
  type Raw = ReferenceParse['entries'][number];
  let current: Raw | undefined;
  let inConstraints = false;
  blank = false;
  const close = () => {
    if (current && (current.name || current.desc.length || Object.keys(current.fields).length)) result.entries.push(current);
    current = undefined;
    inConstraints = false;
  };
  const open = (name?: string) => {
    close();
    current = { name, section, desc: [], fields: {} };
  };
  for (let i = requestEnd + 1; i < lines.length && !ended; i++) {
    const l = lines[i];
    if (l.kind === 'blank') { blank = true; continue; }
    if (l.kind === 'heading') {
      const h = HEADINGS.find((x) => x.re.test(l.text.trim()));
      close();
      if (h?.end) ended = true;
      if (h?.section) section = h.section;
      blank = false;
      continue;
    }
    const text = l.text;
    if (l.kind === 'text') {
      const t = text.trim();
      const rm = RESPONSE_LINE.exec(t);
      if (rm) {
        close();
        const block = syntaxBlock(lines, i);
        const after = block.text.slice(rm[0].length);
        result.response = { status: Number(rm[1]), headers: headerPairs(after), bodyKeys: syntaxKeys(after) };
        responseNames = new Set([...result.response.bodyKeys.map((k) => k.name), ...result.response.headers.map((h) => h.value)]);
        section = 'response';
        i = block.end;
        blank = false;
        continue;
      }
      const marker = MARKERS.find((x) => x.re.test(t));
      if (marker) {
        close();
        const status = /HTTP (\d{3}) response/.exec(t);
        if (status) result.successStatus = Number(status[1]);
        if (marker.end) ended = true;
        if (marker.section) section = marker.section;
        blank = false;
        continue;
      }
      if (HEADING_TEXTS.test(t) || t === '```') { blank = false; continue; }
    }
    if (l.kind === 'name') {
      open(l.text);
      if (l.rest) current!.desc.push({ text: l.rest, blankBefore: false });
      blank = false;
      continue;
    }
    const c = constraintLine(text);
    if (c) {
      if (!current) open();
      current!.fields[c.label] = c.value;
      inConstraints = true;
      blank = false;
      continue;
    }
    if (!current || inConstraints) open();
    const t = text.trim();
    const known = section === 'response' || section === 'response-header' ? responseNames : requestNames;
    if (!current!.name && current!.desc.length === 0 && IDENTIFIER.test(t) && (known.has(t) || (!requestNames.has(t) && !responseNames.has(t) && ERROR_NAME.test(t) && (section === 'error' || section === 'response' || section === 'unknown')))) {
      current!.name = t;
      blank = false;
      continue;
    }
    current!.desc.push({ text, blankBefore: blank && current!.desc.length > 0 });
    blank = false;
  }
  close();
  // An entry with an HTTP status is an error wherever it stands (pages without headings).
  for (const e of result.entries) {
    if (e.fields['HTTP Status Code'] !== undefined) e.section = 'error';
    else if (e.section === 'unknown' && e.name) {
      if (responseNames.has(e.name) && !requestNames.has(e.name)) e.section = 'response';
    }
  }
  return result;
}

/** Operation name, API version and endpoint prefix from AWS "goto" links (`.../service-2015-03-31/OperationName`). */
export function gotoLinkFacts(text: string): { endpointPrefix?: string; apiVersion?: string; operationName?: string } {
  const m = /docs\.aws\.amazon\.com\/goto\/[A-Za-z0-9]+\/([a-z0-9-]+?)-(\d{4}-\d{2}-\d{2})\/([A-Za-z0-9]+)/.exec(text);
  return m ? { endpointPrefix: m[1], apiVersion: m[2], operationName: m[3] } : {};
}

/** Markdown clean-up shared by the readers: spacing around punctuation, collapsed runs of spaces. */
export function tidyParagraph(s: string): string {
  return s
    .replace(/[ \t]+/g, ' ')
    .replace(/ +([.,;:!?)])(?=\s|$)/g, '$1')
    .replace(/\( +/g, '(')
    .replace(/\),(?=[^\s])/g, '), ')
    .trim();
}

/** First sentence of a Markdown description, links and emphasis reduced to their text: the operation summary. */
export function firstSentence(md: string): string | undefined {
  const para = md.split(/\n\s*\n/)[0]?.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*([^*]+)\*\*|\*([^*]+)\*/g, '$1$2').trim();
  if (!para) return undefined;
  const m = /^(.+?[.!?])(\s|$)/.exec(para);
  return (m ? m[1] : para).trim();
}
