// importDoc: one documentation page (any known format) → a model document in the conventions.
// Facts come from the page; what the page cannot state comes from a base revision (`base`), a
// Smithy model (`smithy`) or other captures of the same revision (`evidence`), and everything
// still unknown is listed as undetermined, in the result and in the document.

import { type Base, type BaseOperation, findBaseOperation, readBase } from '../base.js';
import { wholeValuePattern } from '../pattern.js';
import { SmithyReader, type SmithyModel } from '../smithy.js';
import type {
  Constraints, DocumentModel, ErrorModel, ImportResult, Location, MemberModel, OperationModel, ServiceModel, Undetermined,
} from '../types.js';
import { conventions, finishDocument } from '../write-document.js';
import { readPage } from './detect.js';
import { checkOperation, checkRequestSyntax, checkText, documentedOperation } from './recognise.js';
import { type Entry, type PageFacts, firstSentence } from './facts.js';
import {
  type Findings, type KnownError, type PatternEvidence, checkQuantifiers, recoverErrorNames, recoverMemberNames, uriCandidates,
} from './repair.js';

export interface DocImportOptions {
  /** The page's file name, recorded in the provenance. */
  file?: string;
  /** Revision name (`info.x-revision.name`). */
  name?: string;
  era?: string;
  /** The previous revision: service facts, bindings, and constraints a constraint-less format omits. */
  base?: Base | { text: string; file: string };
  /** Other captures of the same revision. */
  evidence?: { text: string; file: string }[];
  /** A Smithy model: evidence for patterns, member order, error names and bodies. */
  smithy?: { model: SmithyModel | string; file: string };
  /** The operation's name, for pages that do not print it. */
  operation?: string;
}

type SmithyOp = ReturnType<SmithyReader['operation']>;

function parseType(entry: Entry, found: Findings, subject: string): Constraints {
  const t = entry.fields.Type;
  if (t === undefined) return { type: 'string' };
  const lower = t.toLowerCase();
  const simple: Record<string, Constraints> = {
    string: { type: 'string' }, boolean: { type: 'boolean' }, integer: { type: 'integer' }, long: { type: 'integer', format: 'int64' },
    float: { type: 'number' }, double: { type: 'number' }, number: { type: 'number' }, timestamp: { type: 'number', format: 'epoch-seconds' },
    blob: { type: 'string', format: 'byte' }, 'base64-encoded binary data object': { type: 'string', format: 'byte' },
  };
  if (simple[lower]) return { ...simple[lower] };
  const arr = /^array of (.+?)s?$/i.exec(t);
  if (arr) {
    const item = simple[arr[1].toLowerCase()];
    if (item) return { type: 'array', items: { ...item } };
    const obj = /^(\w+) object$/i.exec(arr[1]);
    if (obj) {
      found.undetermined.push({ subject, fact: 'item structure', reason: `the page shows ${obj[1]} objects but not their members`, assumed: 'object' });
      return { type: 'array', items: { type: 'object' } };
    }
  }
  const map = /^(\w+) to (\w+) map$/i.exec(t);
  if (map && simple[map[2].toLowerCase()]) return { type: 'object', additionalProperties: { ...simple[map[2].toLowerCase()] } };
  if (/^list$/i.test(t)) { found.undetermined.push({ subject, fact: 'item type', reason: 'the format shows only "list"', assumed: 'array' }); return { type: 'array' }; }
  const obj = /^(\w+)( object)?$/i.exec(t);
  if (obj && (obj[2] || /^dict$/i.test(t))) {
    found.undetermined.push({ subject, fact: 'structure', reason: `the page shows ${t} without its members`, assumed: 'object' });
    return { type: 'object' };
  }
  found.undetermined.push({ subject, fact: 'type', reason: `type "${t}" is not understood`, assumed: 'string' });
  return { type: 'string' };
}

function pageConstraints(entry: Entry, found: Findings, subject: string): Constraints {
  const c = parseType(entry, found, subject);
  const len = entry.fields['Length Constraints'];
  if (len) {
    const fixed = /Fixed length of (\d+)/.exec(len);
    const min = /Minimum length of (\d+)/.exec(len);
    const max = /Maximum length of (\d+)/.exec(len);
    if (fixed) { c.minLength = Number(fixed[1]); c.maxLength = Number(fixed[1]); }
    if (min) c.minLength = Number(min[1]);
    if (max) c.maxLength = Number(max[1]);
  }
  const range = entry.fields['Valid Range'];
  if (range) {
    const min = /Minimum value of (-?[\d.]+)/.exec(range);
    const max = /Maximum value of (-?[\d.]+)/.exec(range);
    if (min) c.minimum = Number(min[1]);
    if (max) c.maximum = Number(max[1]);
  }
  const items = entry.fields['Array Members'];
  if (items) {
    const min = /Minimum number of (\d+)/.exec(items);
    const max = /Maximum number of (\d+)/.exec(items);
    if (min) c.minItems = Number(min[1]);
    if (max) c.maxItems = Number(max[1]);
  }
  if (entry.fields.Pattern !== undefined) {
    c.documentedPattern = entry.fields.Pattern;
    c.pattern = wholeValuePattern(entry.fields.Pattern);
  }
  if (entry.fields['Valid Values']) c.enum = entry.fields['Valid Values'].split('|').map((v) => v.trim()).filter(Boolean);
  return c;
}

const CARRIED_KEYS = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'pattern', 'documentedPattern'] as const;

function hasCarriable(c: Constraints): boolean {
  return CARRIED_KEYS.some((k) => c[k] !== undefined);
}

const IDENT = /^[A-Z][A-Za-z0-9_]*$/;

/** Reads a page, or refuses it with one sentence when it is no reference page (recognise.ts). */
function readReferencePage(text: string, what: string): PageFacts {
  checkText(text, what);
  const facts = readPage(text);
  checkRequestSyntax(facts, what);
  return facts;
}

export function importDoc(text: string, options: DocImportOptions = {}): ImportResult {
  const what = options.file ? `The page ${options.file}` : 'The page';
  const facts = readReferencePage(text, what);
  const base: Base | undefined = options.base && 'text' in options.base ? readBase(options.base.text, options.base.file) : options.base as Base | undefined;
  const expected = options.operation
    ? { names: [options.operation], bindings: base?.operations.filter((o) => o.name === options.operation) ?? [], from: '--operation' }
    : { names: base?.operations.map((o) => o.name) ?? [], bindings: base?.operations ?? [], from: `the operation${(base?.operations.length ?? 0) > 1 ? 's' : ''} of ${base?.name}` };
  checkOperation(documentedOperation(facts, text), facts.request, expected, what);
  const found: Findings = { repairs: [...facts.repairs], notes: [...facts.notes], undetermined: [] };
  const u = (x: Undetermined) => found.undetermined.push(x);
  const smithyModel = options.smithy ? (typeof options.smithy.model === 'string' ? JSON.parse(options.smithy.model) as SmithyModel : options.smithy.model) : undefined;
  const smithy = smithyModel ? new SmithyReader(smithyModel) : undefined;
  const smithyFile = options.smithy?.file ?? 'the Smithy model';
  const fromServiceBehavior: string[] = [];
  const carriedOver: string[] = [];

  // 1. Names the page lost, from its own syntax blocks.
  recoverMemberNames(facts, found);
  const evidence = (options.evidence ?? []).map((ev) => {
    const f = readReferencePage(ev.text, `The evidence page ${ev.file}`);
    recoverMemberNames(f, { repairs: [], notes: [], undetermined: [] });
    return { facts: f, file: ev.file };
  });

  // 2. The operation and its HTTP binding.
  const uriNames = new Set(facts.entries.filter((e) => e.section === 'uri' && e.name).map((e) => e.name!));
  const request = facts.request;
  let path = request ? request.uri.split('/').map((s) => (uriNames.has(s) || (IDENT.test(s) && uriCandidates(facts).includes(s)) ? `{${s}}` : s)).join('/') : undefined;
  let method = request?.method;
  let opName = options.operation ?? facts.operationName ?? evidence.find((e) => e.facts.operationName)?.facts.operationName;
  const baseOp: BaseOperation | undefined = findBaseOperation(base, opName, method, path);
  let smithyOpId = smithy ? (opName ? smithy.operationId(opName) : undefined) ?? (method && path ? smithy.operationByHttp(method, path) : undefined) : undefined;
  if (!opName) {
    opName = baseOp?.name ?? (smithyOpId ? smithyOpId.replace(/^.*#/, '') : undefined);
    if (opName) found.notes.push(`The page does not print the operation's name; ${opName} is the operation ${baseOp ? base!.name : smithyFile} binds to ${method} ${path}.`);
  }
  if (!opName) {
    opName = 'UnnamedOperation';
    u({ subject: 'operation', fact: 'name', reason: 'the page does not print it and no --base, --smithy or --operation names the operation at this HTTP binding', assumed: opName });
  }
  if (smithy && !smithyOpId) smithyOpId = smithy.operationId(opName);
  const smithyOp: SmithyOp | undefined = smithy && smithyOpId ? smithy.operation(smithyOpId, base) : undefined;
  if (smithy && !smithyOp) found.notes.push(`${smithyFile} has no operation ${opName}; it served as no evidence.`);

  if (!request) {
    if (baseOp) {
      method = baseOp.method; path = baseOp.path;
      carriedOver.push(`The HTTP binding (${method} ${path}, success status, member locations) is carried over from ${base!.name}: the ${facts.formatLabel} states none.`);
    } else if (smithyOp) {
      method = smithyOp.op.method; path = smithyOp.op.path;
      found.notes.push(`The HTTP binding (${method} ${path}) is taken from ${smithyFile}: the page states none.`);
    } else {
      method = 'POST'; path = '/';
      u({ subject: `operation ${opName}`, fact: 'HTTP method and path', reason: `the ${facts.formatLabel} states none and no --base or --smithy gives them`, assumed: `${method} ${path}` });
    }
  }

  // 3. Error names the page lost, from what other sources know of the operation's errors.
  const known: KnownError[] = [];
  for (const n of baseOp?.errors ?? []) known.push({ name: n, status: base!.errors.get(n)?.status, description: base!.errors.get(n)?.description, from: base!.name });
  for (const e of smithyOp?.errors ?? []) known.push({ name: e.name, status: e.status, description: e.description, from: smithyFile });
  for (const ev of evidence) {
    for (const e of ev.facts.entries.filter((x) => x.section === 'error' && x.name)) {
      known.push({ name: e.name!, status: e.fields['HTTP Status Code'] ? Number(e.fields['HTTP Status Code']) : undefined, description: e.description, from: ev.file });
    }
  }
  recoverErrorNames(facts, known, found);

  // 4. Patterns that lost their quantifiers.
  const patternEvidence = new Map<string, PatternEvidence[]>();
  const addEvidence = (name: string, pattern: string, from: string) => patternEvidence.set(name, [...(patternEvidence.get(name) ?? []), { pattern, from }]);
  for (const ev of evidence) for (const e of ev.facts.entries) if (e.name && e.fields.Pattern) addEvidence(e.name, e.fields.Pattern, ev.file);
  for (const m of [...(smithyOp?.op.members ?? []), ...(smithyOp?.op.output ?? [])]) if (m.schema.documentedPattern) addEvidence(m.name, m.schema.documentedPattern, smithyFile);
  checkQuantifiers(facts, patternEvidence, found);

  // 5. Input members.
  const labels = new Set((path ?? '').match(/\{([^}]+)\}/g)?.map((s) => s.slice(1, -1)) ?? []);
  const inputs = facts.entries.filter((e) => (e.section === 'uri' || e.section === 'body') && e.name);
  const members: MemberModel[] = [];
  const unlocated: string[] = [];
  const noConstraints: string[] = [];
  const carried: string[] = [];
  for (const e of inputs) {
    const name = e.name!;
    const subject = `member ${name}`;
    let location: Location = 'body';
    let wireName: string | undefined;
    if (facts.states.bindings) {
      if (e.section === 'uri') {
        const q = request?.query.find((x) => x.value === name);
        const h = request?.headers.find((x) => x.value === name);
        if (labels.has(name)) location = 'path';
        else if (q) { location = 'query'; if (q.key !== name) wireName = q.key; }
        else if (h) { location = 'header'; wireName = h.header; }
        else { location = 'query'; u({ subject, fact: 'HTTP binding', reason: 'a URI parameter the request line does not show', assumed: 'query' }); }
      }
    } else {
      const bm = baseOp?.members.get(name);
      const sm = smithyOp?.op.members.find((m) => m.name === name);
      if (bm) location = bm.location;
      else if (sm) { location = sm.location; wireName = sm.wireName; }
      else unlocated.push(name);
    }
    const m: MemberModel = {
      name, location, required: e.fields.Required === 'Yes' || location === 'path',
      schema: pageConstraints(e, found, subject),
    };
    if (wireName) m.wireName = wireName;
    if (e.description) m.description = e.description;
    if (facts.states.constraints) {
      const bm = baseOp?.members.get(name);
      if (bm && hasCarriable(bm.schema) && !hasCarriable(m.schema)) {
        found.notes.push(`${name}: the page documents no length or pattern where ${base!.name} had some; read as removed.`);
      }
    } else {
      const bm = baseOp?.members.get(name);
      if (bm && hasCarriable(bm.schema)) {
        for (const k of CARRIED_KEYS) if (bm.schema[k] !== undefined) (m.schema as Record<string, unknown>)[k] = bm.schema[k];
        m.carriedOver = base!.name;
        carried.push(name);
      } else if (!bm && m.schema.type !== 'boolean' && !m.schema.enum) {
        noConstraints.push(name);
      }
    }
    members.push(m);
  }
  if (unlocated.length) {
    u({
      subject: `member${unlocated.length > 1 ? 's' : ''} ${unlocated.join(', ')}`, fact: 'HTTP binding',
      reason: `the ${facts.formatLabel} states no bindings and ${baseOp ? `${base!.name} does not have ${unlocated.length > 1 ? 'these members' : 'this member'}` : 'no --base or --smithy gives them'}`,
      assumed: 'body',
    });
  }
  if (carried.length) {
    carriedOver.push(`Length and pattern constraints of ${carried.join(', ')} are carried over unchanged from ${base!.name}: the ${facts.formatLabel} lists no constraints (members marked x-carried-over).`);
  }
  if (noConstraints.length) {
    u({
      subject: `member${noConstraints.length > 1 ? 's' : ''} ${noConstraints.join(', ')}`, fact: 'length and pattern constraints',
      reason: `the ${facts.formatLabel} lists no constraints at all, and ${base ? `${base.name} does not have ${noConstraints.length > 1 ? 'these members' : 'this member'}` : 'no --base revision gives them'}`,
      assumed: 'none',
    });
  }
  const uriWithoutType = inputs.filter((e) => e.section === 'uri' && !e.fields.Type).map((e) => e.name!);
  if (uriWithoutType.length && facts.states.bindings) found.notes.push(`URI parameters ${uriWithoutType.join(', ')} have no Type line; read as strings.`);

  // 6. The service's member order.
  const pageOrder = members.map((m) => m.name);
  let memberOrder: string[];
  if (facts.states.modelOrder) {
    memberOrder = pageOrder;
    for (const [label, order] of [[base?.name, baseOp?.memberOrder], [smithyFile, smithyOp?.op.memberOrder]] as const) {
      if (!order?.length) continue;
      const shared = pageOrder.filter((n) => order.includes(n));
      const theirs = order.filter((n) => shared.includes(n));
      if (shared.join() !== theirs.join()) found.notes.push(`The page's member order differs from ${label}'s x-member-order; the page's is used.`);
    }
    fromServiceBehavior.push(`x-member-order (the order of the ${facts.formatLabel}'s request syntax, which is the service's model order)`);
  } else {
    const sources = [
      { label: smithyFile, order: smithyOp?.op.memberOrder ?? [] },
      { label: base?.name ?? '', order: baseOp?.memberOrder ?? [] },
    ].filter((s) => s.order.length);
    const cover = (o: string[]) => pageOrder.filter((n) => o.includes(n)).length;
    const chosen = sources.find((s) => cover(s.order) === pageOrder.length) ?? [...sources].sort((a, b) => cover(b.order) - cover(a.order))[0];
    if (chosen) {
      memberOrder = chosen.order.filter((n) => pageOrder.includes(n));
      const missing = pageOrder.filter((n) => !memberOrder.includes(n));
      memberOrder.push(...missing);
      for (const n of missing) {
        u({ subject: `member ${n}`, fact: 'position in x-member-order', reason: `${n} is new: ${chosen.label} does not order it, and the page lists members alphabetically, not in the service's order`, assumed: `after the members ${chosen.label} orders, in page order (${memberOrder.indexOf(n) + 1} of ${memberOrder.length})` });
      }
      fromServiceBehavior.push(`x-member-order (from ${chosen.label})`);
    } else {
      memberOrder = pageOrder;
      u({ subject: `operation ${opName}`, fact: 'x-member-order', reason: 'the page lists members alphabetically, not in the service\'s order, and no --base or --smithy gives the order', assumed: 'the page\'s own order' });
    }
  }

  // 7. Output members.
  const output: MemberModel[] = facts.entries.filter((e) => (e.section === 'response' || e.section === 'response-header') && e.name).map((e) => {
    const m: MemberModel = { name: e.name!, location: e.section === 'response-header' ? 'header' : 'body', required: false, schema: pageConstraints(e, found, `output member ${e.name}`) };
    if (e.description) m.description = e.description;
    if (!facts.states.constraints) {
      const bm = baseOp?.output.get(e.name!);
      if (bm && hasCarriable(bm.schema)) {
        for (const k of CARRIED_KEYS) if (bm.schema[k] !== undefined) (m.schema as Record<string, unknown>)[k] = bm.schema[k];
        m.carriedOver = base!.name;
      }
    }
    return m;
  });

  // 8. Errors.
  const errors: ErrorModel[] = [];
  const defaultBodies: string[] = [];
  const carriedErrors: string[] = [];
  for (const e of facts.entries.filter((x) => x.section === 'error' && x.name)) {
    const name = e.name!;
    const be = base?.errors.get(name);
    const se = smithyOp?.errors.find((x) => x.name === name);
    let status = e.fields['HTTP Status Code'] ? Number(e.fields['HTTP Status Code']) : undefined;
    let description = e.description || undefined;
    let carriedFrom: string | undefined;
    if (!facts.states.errorStatuses) {
      if (be?.status !== undefined) { status = be.status; carriedFrom = base!.name; }
      else if (se?.status !== undefined) { status = se.status; found.notes.push(`${name}: status ${status} from ${smithyFile}.`); }
      else u({ subject: `error ${name}`, fact: 'HTTP status', reason: `the ${facts.formatLabel} lists errors by name only, and no --base or --smithy source knows ${name}` });
    }
    if (!facts.states.errorDescriptions && !description && be?.description) { description = be.description; carriedFrom = base!.name; }
    const fault: 'client' | 'server' = be?.fault ?? se?.fault ?? (status !== undefined && status >= 500 ? 'server' : 'client');
    let bodyMembers = be?.members ?? se?.members;
    if (bodyMembers && !be && se) {
      bodyMembers = se.members.map((m) => ({ ...m, schema: { ...m.schema, ...(m.name === 'Type' && m.schema.default === undefined ? { default: fault === 'server' ? 'Service' : 'User' } : {}) } }));
    }
    if (!bodyMembers) {
      bodyMembers = conventions.defaultErrorMembers(fault);
      defaultBodies.push(name);
    }
    const err: ErrorModel = { name, fault, members: bodyMembers.map((m) => ({ ...m, schema: { ...m.schema } })) };
    if (status !== undefined) err.status = status;
    if (description) err.description = description;
    if (carriedFrom) { err.carriedOver = carriedFrom; carriedErrors.push(name); }
    errors.push(err);
  }
  if (carriedErrors.length) {
    carriedOver.push(`The status and description of ${carriedErrors.join(', ')} are carried over from ${base!.name}: the ${facts.formatLabel} lists errors by name only (schemas marked x-carried-over).`);
  }
  if (defaultBodies.length) {
    u({
      subject: `error${defaultBodies.length > 1 ? 's' : ''} ${defaultBodies.join(', ')}`, fact: 'body members and casing',
      reason: 'no page states an error\'s body members, and no --base or --smithy source records them for these errors',
      assumed: 'Type and message (lower-case)',
    });
  }
  const errorSources = errors.filter((e) => !defaultBodies.includes(e.name)).length;
  if (errorSources) fromServiceBehavior.push(`error body members and casing (from ${[base?.name, smithyOp ? smithyFile : undefined].filter(Boolean).join(' and ')})`);
  if (baseOp && facts.states.errorStatuses) {
    const removed = baseOp.errors.filter((n) => !errors.some((e) => e.name === n));
    if (removed.length) found.notes.push(`Errors of ${base!.name} the page no longer lists: ${removed.join(', ')}.`);
  }
  if (baseOp) {
    const gone = [...baseOp.members.keys()].filter((n) => !members.some((m) => m.name === n));
    if (gone.length) found.notes.push(`Members of ${base!.name} the page no longer documents: ${gone.join(', ')}.`);
  }

  let validationError: ErrorModel | undefined;
  if (base?.validationError) {
    validationError = base.validationError;
    fromServiceBehavior.push(`${validationError.name}, which the page does not list (from ${base.name})`);
  } else {
    u({ subject: 'document', fact: 'validation error', reason: 'no reference page lists the error the service returns for constraint violations, and no --base revision records it', assumed: 'none (x-validation-error left out)' });
  }

  // 9. Success response.
  let successStatus = facts.response?.status;
  if (successStatus === undefined) {
    successStatus = baseOp?.successStatus ?? smithyOp?.op.successStatus;
    if (successStatus === undefined) {
      successStatus = 200;
      u({ subject: `operation ${opName}`, fact: 'success status', reason: 'the page shows no response status and no --base or --smithy gives it', assumed: '200' });
    }
  }

  // 10. Document-level facts.
  const smithyService = smithy ? smithy.service(smithyOpId).model : {};
  const pick = <K extends keyof ServiceModel>(key: K, pageValue: ServiceModel[K] | undefined, fallback: ServiceModel[K], reason: string): ServiceModel[K] => {
    const v = base?.service[key] ?? smithyService[key] ?? pageValue;
    if (v !== undefined) return v as ServiceModel[K];
    u({ subject: 'document', fact: key, reason, assumed: String(fallback) });
    return fallback;
  };
  const endpointPrefix = pick('endpointPrefix', facts.endpointPrefix, 'service', 'the page has no SDK links naming the endpoint prefix');
  const service: ServiceModel = {
    title: pick('title', facts.serviceTitle, endpointPrefix, 'the page does not print the service title'),
    version: pick('version', facts.apiVersion, '', 'the page does not print the API version'),
    endpointPrefix,
    signingName: pick('signingName', undefined, endpointPrefix, 'no page states the SigV4 signing name'),
    errorTypeHeader: base?.service.errorTypeHeader ?? smithyService.errorTypeHeader ?? conventions.errorTypeHeader,
    defaultRegion: base?.service.defaultRegion ?? conventions.defaultRegion,
  };

  const op: OperationModel = {
    name: opName, method: method!, path: path!, successStatus,
    successDescription: baseOp?.successDescription ?? conventions.successDescription,
    summary: facts.description ? firstSentence(facts.description) : undefined,
    description: facts.description,
    members, memberOrder, output,
    errors: errors.map((e) => e.name).sort(),
  };
  const file = options.file ?? 'documentation page';
  const sources = [{ file, format: facts.formatLabel }, ...evidence.map((e) => ({ file: e.file, format: `${e.facts.formatLabel} (evidence)` }))];
  if (options.smithy) sources.push({ file: smithyFile, format: 'Smithy 2.0 JSON AST (evidence)' });
  const name = options.name ?? 'imported';
  const model: DocumentModel = {
    service,
    operations: [op],
    errors: errors.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    validationError,
    extraSchemas: {},
    revision: {
      name, era: options.era,
      description: `${service.title} ${opName} as documented by ${file} (${facts.formatLabel}).`,
      sources,
      repairs: found.repairs,
      carriedOver,
      fromServiceBehavior,
      notes: found.notes,
      undetermined: found.undetermined,
    },
    header: [
      `# ${service.title} ${opName}, documentation revision ${name}.`,
      `# Source: ${file} (${facts.formatLabel}).`,
      '# Conventions: model/README.md. Written by `npm run import -- doc`; what it could not determine is in info.x-revision.x-undetermined.',
    ],
  };
  return finishDocument(model);
}

