// Extracts the facts of each documentation capture in model/sources/ from the capture text itself,
// so that the tests can compare the model with what the pages print. Every capture is damaged in
// its own way (model/sources/README.md); each parser says which damage it works around.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES_DIR, type Location } from './load.js';

export interface CapturedMember {
  name: string;
  /** Undefined when the capture does not say (the boto3 reference has no HTTP binding). */
  in?: Location;
  type: 'string' | 'boolean';
  required: boolean;
  minLength?: number;
  maxLength?: number;
  documentedPattern?: string;
  enum?: string[];
}

export interface CapturedError {
  /** Undefined where the scraper stripped the name (capture 001). */
  name?: string;
  /** Undefined where the capture gives no status (the boto3 reference). */
  status?: number;
}

export interface Capture {
  file: string;
  /** From the request line of the Request Syntax block. */
  method?: string;
  /** The request line's path with its labels written `{Label}`, as OpenAPI writes them. */
  path?: string;
  queryMembers: string[];
  /** Status of the Response Syntax block (`HTTP/1.1 201`). */
  successStatus?: number;
  /** Status of the sentence "the service sends back an HTTP 201 response". */
  successStatusProse?: number;
  /** Body member names in the order the Request Syntax block prints them. */
  requestSyntax: string[];
  /** Response member names of the Response Syntax block. */
  responseSyntax: string[];
  /** Input members, in the order of the page's sections. */
  members: CapturedMember[];
  /** Response members that have their own section. */
  responseMembers: Array<{ name: string; type?: string }>;
  /** Errors, in the order of the page's error list. */
  errors: CapturedError[];
  /** Each input member's documentation text as the capture prints it (raw, before any field line). */
  texts: Record<string, string>;
  /** Each error's documentation text, aligned with `errors`. */
  errorTexts: string[];
}

/** `NNN_…txt` for a capture number. */
export function captureFile(number: string): string {
  const found = readdirSync(SOURCES_DIR).filter((f) => f.startsWith(`${number}_`) && f.endsWith('.txt'));
  if (found.length !== 1) throw new Error(`expected one capture ${number}_*.txt, found ${found.length}`);
  return found[0];
}

export function captureText(number: string): string {
  return readFileSync(join(SOURCES_DIR, captureFile(number)), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Field lines shared by the API-reference captures (000, 001, 003, 004).

interface Fields {
  type?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  required?: boolean;
  validValues?: string[];
  status?: number;
}

function fieldsOf(text: string): Fields {
  const f: Fields = {};
  const type = /^\s*Type:\s*(\w+)/m.exec(text);
  if (type) f.type = type[1].toLowerCase();
  const length = /^\s*Length Constraints:(.*)$/m.exec(text);
  if (length) {
    // 000 escapes the full stops (`Minimum length of 1\.`); the numbers are not affected.
    const min = /Minimum length of (\d+)/.exec(length[1]);
    const max = /Maximum length of (\d+)/.exec(length[1]);
    if (min) f.minLength = Number(min[1]);
    if (max) f.maxLength = Number(max[1]);
  }
  // 004 sometimes drops the space after the colon (`Pattern:(arn:…`); 000 wraps the pattern in
  // backticks (Markdown code, so the pattern itself is not escaped); 003 leaves a trailing space.
  const pattern = /^\s*Pattern:[ \t]*(.*?)\s*$/m.exec(text);
  if (pattern) {
    const p = pattern[1];
    f.pattern = p.startsWith('`') && p.endsWith('`') ? p.slice(1, -1) : p;
  }
  const required = /^\s*Required:\s*(Yes|No)\b/m.exec(text);
  if (required) f.required = required[1] === 'Yes';
  const valid = /^\s*Valid Values:\s*(.*?)\s*$/m.exec(text);
  if (valid) f.validValues = valid[1].split(/\s*\|\s*/);
  const status = /HTTP Status Code:\s*(\d{3})/.exec(text);
  if (status) f.status = Number(status[1]);
  return f;
}

/** The documentation text of a section: everything before its first field line. */
function textOf(section: string): string {
  const at = section.search(/^\s*(Type|Length Constraints|Pattern|Required|Valid Values|HTTP Status Code):/m);
  return (at < 0 ? section : section.slice(0, at)).trim();
}

function hasMemberFields(f: Fields): boolean {
  return (
    f.type !== undefined ||
    f.minLength !== undefined ||
    f.maxLength !== undefined ||
    f.pattern !== undefined ||
    f.required !== undefined ||
    f.validValues !== undefined
  );
}

interface RequestLine {
  method: string;
  path: string;
  pathLabels: string[];
  queryMembers: string[];
}

/**
 * `POST /2015-03-31/functions/FunctionName/policy?Qualifier=Qualifier HTTP/1.1`: the reference
 * pages print each URI member by its name, so a path segment that is a member name (an upper-case
 * identifier; the fixed segments are lower-case or a date) is a label.
 */
function requestLine(text: string): RequestLine {
  const m = /^(GET|PUT|POST|DELETE|PATCH|HEAD) (\/\S*) HTTP\/1\.1/m.exec(text);
  if (!m) throw new Error('no request line');
  const [rawPath, query = ''] = m[2].split('?');
  const pathLabels: string[] = [];
  const path = rawPath
    .split('/')
    .map((seg) => {
      if (/^[A-Z][A-Za-z0-9]*$/.test(seg)) {
        pathLabels.push(seg);
        return `{${seg}}`;
      }
      return seg;
    })
    .join('/');
  const queryMembers = query
    .split('&')
    .filter(Boolean)
    .map((kv) => kv.split('=')[0]);
  return { method: m[1], path, pathLabels, queryMembers };
}

/** The JSON keys of the block that starts at `from` (up to its closing brace). */
function jsonKeysAfter(text: string, from: number): string[] {
  const open = text.indexOf('{', from);
  const close = text.indexOf('}', open);
  if (open < 0 || close < 0) throw new Error('no JSON block');
  return [...text.slice(open, close).matchAll(/"(\w+)"\s*:/g)].map((k) => k[1]);
}

function syntaxBlocks(text: string): {
  line: RequestLine;
  requestSyntax: string[];
  responseSyntax: string[];
  successStatus?: number;
  successStatusProse?: number;
} {
  const line = requestLine(text);
  const requestAt = text.search(/^(GET|PUT|POST|DELETE|PATCH|HEAD) \//m);
  const requestSyntax = jsonKeysAfter(text, requestAt);
  const response = /^HTTP\/1\.1 (\d{3})\b/m.exec(text);
  const prose = /sends back an HTTP (\d{3}) response/.exec(text);
  return {
    line,
    requestSyntax,
    responseSyntax: response ? jsonKeysAfter(text, response.index) : [],
    successStatus: response ? Number(response[1]) : undefined,
    successStatusProse: prose ? Number(prose[1]) : undefined,
  };
}

function toMember(name: string, f: Fields, line: RequestLine): CapturedMember {
  const where: Location = line.pathLabels.includes(name)
    ? 'path'
    : line.queryMembers.includes(name)
      ? 'query'
      : 'body';
  const m: CapturedMember = {
    name,
    in: where,
    // The pages print no Type line for URI members: on the wire they are strings.
    type: (f.type ?? 'string') as 'string' | 'boolean',
    // Nor always a Required line: a path label cannot be left out, a query member can.
    required: f.required ?? where === 'path',
  };
  if (f.minLength !== undefined) m.minLength = f.minLength;
  if (f.maxLength !== undefined) m.maxLength = f.maxLength;
  if (f.pattern !== undefined) m.documentedPattern = f.pattern;
  if (f.validValues !== undefined) m.enum = f.validValues;
  return m;
}

// ---------------------------------------------------------------------------------------------
// Captures whose sections keep their names: 000 (Markdown), 003 and 004 (scraped HTML).

/** Lines that start a named section, in the three spellings the captures use. */
const SECTION_HEADERS: RegExp[] = [
  /^\s*\*\*\s*([A-Za-z]\w*)\s*\*\*\s*(.*)$/, // 000 `** Action **`, `**ServiceException**`; 004 `** FunctionName ** The name…`
  /^ ([A-Z]\w*)\s*$/, // 003 ` Action  ` (one leading space)
  /^([A-Z]\w*Exception)\s*$/, // 003/004 error names on a line of their own
];

/** Headings that end a section (003 keeps them as plain lines, 000 as Markdown headings). */
const REGION_HEADING =
  /^(#{1,6}\s.*|Request Syntax|URI Request Parameters|Request Body|Response Syntax|Response Elements|Errors|See Also)\s*$/;

function namedSections(text: string): Array<{ name: string; body: string }> {
  const sections: Array<{ name: string; body: string[] }> = [];
  let current: { name: string; body: string[] } | undefined;
  for (const line of text.split('\n')) {
    let header: RegExpExecArray | null = null;
    for (const re of SECTION_HEADERS) {
      header = re.exec(line);
      if (header) break;
    }
    if (header) {
      current = { name: header[1], body: header[2] ? [header[2]] : [] };
      sections.push(current);
    } else if (REGION_HEADING.test(line)) {
      current = undefined;
    } else if (current) {
      current.body.push(line);
    }
  }
  return sections.map((s) => ({ name: s.name, body: s.body.join('\n') }));
}

function parseNamed(number: string): Capture {
  const text = captureText(number);
  const blocks = syntaxBlocks(text);
  const members: CapturedMember[] = [];
  const responseMembers: Capture['responseMembers'] = [];
  const errors: CapturedError[] = [];
  const texts: Record<string, string> = {};
  const errorTexts: string[] = [];
  for (const { name, body } of namedSections(text)) {
    const f = fieldsOf(body);
    if (f.status !== undefined) {
      errors.push({ name, status: f.status });
      errorTexts.push(textOf(body));
    } else if (blocks.responseSyntax.includes(name)) {
      responseMembers.push({ name, type: f.type });
    } else {
      members.push(toMember(name, f, blocks.line));
      texts[name] = textOf(body);
    }
  }
  return {
    file: captureFile(number),
    method: blocks.line.method,
    path: blocks.line.path,
    queryMembers: blocks.line.queryMembers,
    successStatus: blocks.successStatus,
    successStatusProse: blocks.successStatusProse,
    requestSyntax: blocks.requestSyntax,
    responseSyntax: blocks.responseSyntax,
    members,
    responseMembers,
    errors,
    texts,
    errorTexts,
  };
}

// ---------------------------------------------------------------------------------------------
// Capture 001: the scraper stripped every member and error name. The sections are still there,
// separated by two blank lines, and still in the page's order: the URI members in the order of the
// request line, the body members in the order of the Request Syntax block (alphabetical), the
// errors in alphabetical order of their (lost) names. Errors are returned without names; see
// `recoverErrorNames`.

function parse001(): Capture {
  const text = captureText('001');
  const blocks = syntaxBlocks(text);
  const headingAt = (h: string): number => {
    const m = new RegExp(`^${h}$`, 'm').exec(text);
    if (!m) throw new Error(`001: no heading ${h}`);
    return m.index;
  };
  const uriAt = headingAt('URI Request Parameters');
  const bodyAt = headingAt('Request Body');
  const responseSyntaxAt = headingAt('Response Syntax');
  const responseElementsAt = headingAt('Response Elements');
  const seeAlsoAt = headingAt('See Also');

  const chunks: Array<{ at: number; text: string }> = [];
  const sep = /\n{3,}/g;
  let start = 0;
  for (let m = sep.exec(text); ; m = sep.exec(text)) {
    const end = m ? m.index : text.length;
    let chunk = text.slice(start, end);
    // A chunk runs on into the next heading when the heading is not preceded by two blank lines.
    const heading = /^(Request Syntax|URI Request Parameters|Request Body|Response Syntax|Response Elements|See Also)$/m.exec(chunk);
    if (heading) chunk = chunk.slice(0, heading.index);
    chunks.push({ at: start, text: chunk });
    if (!m) break;
    start = m.index + m[0].length;
  }

  const uriNames = [...blocks.line.pathLabels, ...blocks.line.queryMembers];
  const bodyNames = blocks.requestSyntax;
  const uri: Fields[] = [];
  const body: Fields[] = [];
  const response: Fields[] = [];
  const errors: CapturedError[] = [];
  const memberTexts: string[] = [];
  const errorTexts: string[] = [];
  for (const c of chunks) {
    if (c.at >= seeAlsoAt) continue;
    const f = fieldsOf(c.text);
    if (f.status !== undefined) {
      errors.push({ status: f.status });
      errorTexts.push(textOf(c.text));
    } else if (!hasMemberFields(f)) continue;
    else if (c.at > uriAt && c.at < bodyAt) {
      uri.push(f);
      memberTexts.push(textOf(c.text));
    } else if (c.at > bodyAt && c.at < responseSyntaxAt) {
      body.push(f);
      memberTexts.push(textOf(c.text));
    }
    else if (c.at > responseElementsAt) response.push(f);
    else throw new Error(`001: member-like section outside any region at offset ${c.at}`);
  }
  if (uri.length !== uriNames.length) {
    throw new Error(`001: ${uri.length} URI sections for ${uriNames.length} URI members in the request line`);
  }
  if (body.length !== bodyNames.length) {
    throw new Error(`001: ${body.length} body sections for ${bodyNames.length} members in the Request Syntax block`);
  }
  if (response.length !== blocks.responseSyntax.length) {
    throw new Error(`001: ${response.length} response sections for ${blocks.responseSyntax.length} response members`);
  }
  const names = [...uriNames, ...bodyNames];
  return {
    file: captureFile('001'),
    method: blocks.line.method,
    path: blocks.line.path,
    queryMembers: blocks.line.queryMembers,
    successStatus: blocks.successStatus,
    successStatusProse: blocks.successStatusProse,
    requestSyntax: blocks.requestSyntax,
    responseSyntax: blocks.responseSyntax,
    members: [
      ...uri.map((f, i) => toMember(uriNames[i], f, blocks.line)),
      ...body.map((f, i) => toMember(bodyNames[i], f, blocks.line)),
    ],
    responseMembers: response.map((f, i) => ({ name: blocks.responseSyntax[i], type: f.type })),
    errors,
    texts: Object.fromEntries(memberTexts.map((t, i) => [names[i], t])),
    errorTexts,
  };
}

/**
 * Names 001's errors from a capture that kept them: both lists are in alphabetical order of the
 * names, so the i-th status of 001 belongs to the i-th name, provided the statuses agree one by one.
 */
export function recoverErrorNames(unnamed: CapturedError[], named: CapturedError[]): CapturedError[] {
  if (unnamed.length !== named.length) {
    throw new Error(`error lists differ in length: ${unnamed.length} vs ${named.length}`);
  }
  return unnamed.map((e, i) => {
    if (e.status !== named[i].status) {
      throw new Error(`error #${i}: status ${e.status} does not match ${named[i].name} (${named[i].status})`);
    }
    return { name: named[i].name, status: e.status };
  });
}

// ---------------------------------------------------------------------------------------------
// Capture 002: the boto3 reference (reStructuredText). No constraints, no HTTP binding, no
// statuses; its Request Syntax block lists the members in the service's own model order.

function parse002(): Capture {
  const text = captureText('002');
  const syntaxAt = text.indexOf('**Request Syntax**');
  if (syntaxAt < 0) throw new Error('002: no Request Syntax');
  const call = /client\.add_permission\(\n([\s\S]*?)\n\s*\)/.exec(text.slice(syntaxAt));
  if (!call) throw new Error('002: no add_permission call in the Request Syntax');
  const types = new Map([...text.matchAll(/^\s*:type (\w+): (\w+)\s*$/gm)].map((m) => [m[1], m[2]]));
  const required = new Set([...text.matchAll(/^\s*:param (\w+): \*\*\[REQUIRED\]\*\*/gm)].map((m) => m[1]));
  const members: CapturedMember[] = [];
  for (const line of call[1].split('\n')) {
    const m = /^\s*(\w+)=(.+?),?\s*$/.exec(line);
    if (!m) throw new Error(`002: unreadable Request Syntax line ${JSON.stringify(line)}`);
    const [, name, value] = m;
    const declared = types.get(name);
    const member: CapturedMember = {
      name,
      type: declared === 'boolean' || value === 'True|False' ? 'boolean' : 'string',
      required: required.has(name),
    };
    if (declared !== undefined && declared !== member.type) {
      throw new Error(`002: ${name} is ${declared} in :type but ${value} in the Request Syntax`);
    }
    // `FunctionUrlAuthType='NONE'|'AWS_IAM'` lists the enum; `'string'` is a plain string.
    if (value !== "'string'" && value !== 'True|False') {
      member.enum = value.split('|').map((v) => v.replace(/^'|'$/g, ''));
    }
    members.push(member);
  }
  const responseAt = text.indexOf('**Response Syntax**');
  const responseBlock = text.slice(responseAt, text.indexOf('}', responseAt));
  const responseSyntax = [...responseBlock.matchAll(/'(\w+)':/g)].map((m) => m[1]);
  const errors = [...text.matchAll(/Lambda\.Client\.exceptions\.(\w+)/g)].map((m) => ({ name: m[1] }));
  // `:param X: [**[REQUIRED]**]` is followed by the member's text, up to the next `:type` or `:rtype`.
  const texts = Object.fromEntries(
    [...text.matchAll(/^\s*:param (\w+):(?: \*\*\[REQUIRED\]\*\*)?\s*\n([\s\S]*?)(?=^\s*:(?:r?type)\b)/gm)].map((m) => [
      m[1],
      m[2].trim(),
    ]),
  );
  return {
    file: captureFile('002'),
    queryMembers: [],
    requestSyntax: members.map((m) => m.name),
    responseSyntax,
    members,
    responseMembers: responseSyntax.map((name) => ({ name })),
    errors,
    texts,
    errorTexts: errors.map(() => ''),
  };
}

const parsers: Record<string, () => Capture> = {
  '000': () => parseNamed('000'),
  '001': parse001,
  '002': parse002,
  '003': () => parseNamed('003'),
  '004': () => parseNamed('004'),
};

const parsed = new Map<string, Capture>();

export function capture(number: string): Capture {
  let c = parsed.get(number);
  if (!c) {
    const parser = parsers[number];
    if (!parser) throw new Error(`no parser for capture ${number}`);
    c = parser();
    parsed.set(number, c);
  }
  return c;
}

export const CAPTURE_NUMBERS = Object.keys(parsers);

export function memberOf(c: Capture, name: string): CapturedMember {
  const m = c.members.find((x) => x.name === name);
  if (!m) throw new Error(`${c.file}: no member ${name}`);
  return m;
}
