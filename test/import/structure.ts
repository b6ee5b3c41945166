// Structural comparison of two model documents: everything the generator and the runtime read
// (operations, bindings, members and their constraints, errors and statuses, member order,
// carry-over marks), with documentation compared apart, after a stated normalisation.

type Obj = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'];

function constraintView(s: Obj | undefined): Obj {
  const v: Obj = {};
  if (!s) return v;
  for (const k of ['$ref', 'type', 'format', 'enum', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'pattern', 'x-documented-pattern', 'default', 'x-carried-over', 'x-http-header']) {
    if (s[k] !== undefined) v[k] = s[k];
  }
  if (s.items) v.items = constraintView(s.items);
  return v;
}

const refName = (s: Obj | undefined) => (typeof s?.$ref === 'string' ? s.$ref.split('/').pop() : undefined);

export function structure(doc: Obj): Obj {
  const schemas: Obj = doc.components?.schemas ?? {};
  const operations: Obj = {};
  for (const [path, item] of Object.entries<Obj>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const members: Obj = {};
      for (const p of op.parameters ?? []) members[p.name] = { in: p.in, required: !!p.required, ...constraintView(p.schema) };
      const body = schemas[refName(op.requestBody?.content?.['application/json']?.schema) ?? ''];
      for (const [n, s] of Object.entries<Obj>(body?.properties ?? {})) {
        members[n] = { in: 'body', required: (body.required ?? []).includes(n), ...constraintView(s) };
      }
      const responses: Obj = {};
      let output: Obj = {};
      for (const [status, r] of Object.entries<Obj>(op.responses ?? {})) {
        const ref = refName(r.content?.['application/json']?.schema);
        const oneOf = r.content?.['application/json']?.schema?.oneOf;
        if (/^2/.test(status)) {
          responses[status] = 'success';
          if (ref) output = Object.fromEntries(Object.entries<Obj>(schemas[ref]?.properties ?? {}).map(([n, s]) => [n, constraintView(s)]));
        } else {
          responses[status] = {
            errors: (oneOf ?? []).map(refName).sort(),
            headerEnum: [...(r.headers?.[doc['x-error-type-header']]?.schema?.enum ?? [])].sort(),
            headers: Object.keys(r.headers ?? {}).sort(),
          };
        }
      }
      operations[op.operationId] = {
        path, method, members, memberOrder: op['x-member-order'], errors: op['x-errors'], responses, output,
      };
    }
  }
  const errors: Obj = {};
  for (const [name, s] of Object.entries<Obj>(schemas)) {
    if (!s['x-error']) continue;
    errors[name] = {
      status: s['x-error'].status, fault: s['x-error'].fault, 'x-carried-over': s['x-carried-over'],
      members: Object.fromEntries(Object.entries<Obj>(s.properties ?? {}).map(([n, p]) => [n, constraintView(p)])),
    };
  }
  return {
    service: {
      title: doc.info?.title, version: doc.info?.version, server: doc.servers?.[0]?.url,
      signingName: doc.components?.securitySchemes?.sigv4?.['x-aws-sigv4']?.signingName,
      errorTypeHeader: doc['x-error-type-header'], validationError: doc['x-validation-error'],
    },
    operations,
    errors,
  };
}

/** Paths at which two values differ, `a` the imported and `b` the committed one. */
export function differences(a: unknown, b: unknown, at = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a as Obj), ...Object.keys(b as Obj)])].sort();
    return keys.flatMap((k) => differences((a as Obj)[k], (b as Obj)[k], at ? `${at}.${k}` : k));
  }
  return [`${at}: imported ${JSON.stringify(a)} / committed ${JSON.stringify(b)}`];
}

/**
 * Documentation normalisation (the wording differences these tests tolerate):
 * Markdown markup (code spans, emphasis, links reduced to their text, list markers), dash
 * variants, whitespace and line structure, and spacing before punctuation. What differs after
 * that is wording and is reported, not ignored.
 */
export function normaliseDoc(s: string | undefined): string {
  return (s ?? '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/^\s*-\s+/gm, '')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

/** Every documentation string of a document, by location. */
export function documentation(doc: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  const schemas: Obj = doc.components?.schemas ?? {};
  for (const item of Object.values<Obj>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      out[`${op.operationId}.summary`] = op.summary;
      out[`${op.operationId}.description`] = op.description;
      for (const p of op.parameters ?? []) out[`${op.operationId}.${p.name}`] = p.description;
      const body = schemas[refName(op.requestBody?.content?.['application/json']?.schema) ?? ''];
      for (const [n, s] of Object.entries<Obj>(body?.properties ?? {})) out[`${op.operationId}.${n}`] = s.description;
    }
  }
  for (const [name, s] of Object.entries<Obj>(schemas)) {
    if (s['x-error'] || /Response$/.test(name)) {
      if (s['x-error']) out[name] = s.description;
      for (const [n, p] of Object.entries<Obj>(s.properties ?? {})) if (!s['x-error']) out[`${name}.${n}`] = p.description;
    }
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** Documentation strings that still differ after normalisation. */
export function wordingDifferences(imported: Obj, committed: Obj): string[] {
  const a = documentation(imported);
  const b = documentation(committed);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => normaliseDoc(a[k]) !== normaliseDoc(b[k]));
}
