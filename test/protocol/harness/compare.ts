// The HTTP-level assertions of the compliance traits, each returning the list of what is wrong
// (empty when the message complies): query parameters (expected, forbidden, required), headers
// (expected, forbidden, required), bodies (as JSON or as bytes, by media type), and a malformed
// request's response body (exact contents or `messageRegex` on its `message`).

/** One `key=value` query pair as the suite writes it (`key`, `key=`, `key=value`), percent-decoded. */
export interface QueryPair { key: string; value: string | undefined }

/** `%XX` escapes decoded; a `%` that starts no escape is kept (a malformed request may carry one). */
export function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

export function parseQueryPair(pair: string): QueryPair {
  const eq = pair.indexOf('=');
  return eq === -1 ? { key: percentDecode(pair), value: undefined } : { key: percentDecode(pair.slice(0, eq)), value: percentDecode(pair.slice(eq + 1)) };
}

/** A raw query string (`a=1&b&a=2`) as pairs in wire order; empty pieces are dropped. */
export function parseQueryString(query: string): QueryPair[] {
  return query.split('&').filter((piece) => piece !== '').map(parseQueryPair);
}

/**
 * Query assertions. Pairs compare after percent-decoding, so `%2F` and `%2f` agree while `+` and
 * `%20` do not (restJson1 sends spaces as `%20`). Keys in any order; the values of one key in the
 * order listed, and exactly those (`queryParams` puts no constraint on other keys).
 * `key` and `key=` are the same pair.
 */
export function queryProblems(actual: QueryPair[], want: { queryParams?: string[]; forbidQueryParams?: string[]; requireQueryParams?: string[] }): string[] {
  const problems: string[] = [];
  const valuesOf = (pairs: QueryPair[], key: string) => pairs.filter((p) => p.key === key).map((p) => p.value ?? '');
  const expected = (want.queryParams ?? []).map(parseQueryPair);
  for (const key of [...new Set(expected.map((p) => p.key))]) {
    const wantValues = valuesOf(expected, key);
    const gotValues = valuesOf(actual, key);
    if (JSON.stringify(wantValues) !== JSON.stringify(gotValues)) {
      problems.push(gotValues.length ? `query ${key}: want ${JSON.stringify(wantValues)}, got ${JSON.stringify(gotValues)}` : `query ${key}: missing (want ${JSON.stringify(wantValues)})`);
    }
  }
  for (const raw of want.forbidQueryParams ?? []) {
    const key = percentDecode(raw);
    if (actual.some((p) => p.key === key)) problems.push(`query ${key}: forbidden, but sent`);
  }
  for (const raw of want.requireQueryParams ?? []) {
    const key = percentDecode(raw);
    if (!actual.some((p) => p.key === key)) problems.push(`query ${key}: required, but not sent`);
  }
  return problems;
}

/** Header values as one comparable string: trimmed, and list elements (split on commas outside quotes) trimmed. */
export function normalizeHeaderValue(value: string | readonly string[]): string {
  const joined = typeof value === 'string' ? value : value.join(', ');
  const elements: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i];
    if (c === '"' && joined[i - 1] !== '\\') quoted = !quoted;
    if (c === ',' && !quoted) {
      elements.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  elements.push(current.trim());
  return elements.join(', ');
}

export type HeaderBag = Record<string, string | readonly string[] | undefined>;

/** Header names lower-cased (HTTP header names are case-insensitive); repeated headers joined as one list. */
export function lowerCaseHeaders(headers: HeaderBag): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const text = typeof value === 'string' ? value : value.join(', ');
    out.set(key, out.has(key) ? `${out.get(key)}, ${text}` : text);
  }
  return out;
}

export function headerProblems(actual: HeaderBag, want: { headers?: Record<string, string>; forbidHeaders?: string[]; requireHeaders?: string[] }): string[] {
  const got = lowerCaseHeaders(actual);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(want.headers ?? {})) {
    const sent = got.get(name.toLowerCase());
    if (sent === undefined) problems.push(`header ${name}: missing (want ${JSON.stringify(value)})`);
    else if (normalizeHeaderValue(sent) !== normalizeHeaderValue(value)) problems.push(`header ${name}: want ${JSON.stringify(value)}, got ${JSON.stringify(sent)}`);
  }
  for (const name of want.forbidHeaders ?? []) if (got.has(name.toLowerCase())) problems.push(`header ${name}: forbidden, but sent (${JSON.stringify(got.get(name.toLowerCase()))})`);
  for (const name of want.requireHeaders ?? []) if (!got.has(name.toLowerCase())) problems.push(`header ${name}: required, but not sent`);
  return problems;
}

export const isJsonMediaType = (mediaType: string | undefined): boolean => !!mediaType && /^application\/(.+\+)?json\b/i.test(mediaType.trim());

/**
 * Body assertion: none when the case states no body; JSON media types compare as parsed JSON
 * (key order and whitespace free, numbers by value), an empty expected body wants an empty body;
 * any other body compares byte for byte with the UTF-8 of the expected text (the suite writes
 * even `application/octet-stream` bodies as their text).
 */
export function bodyProblems(actual: Uint8Array | undefined, want: { body?: string; bodyMediaType?: string }): string[] {
  if (want.body === undefined) return [];
  const got = actual ?? new Uint8Array();
  const gotText = Buffer.from(got).toString('utf8');
  if (want.body === '') return got.length === 0 ? [] : [`body: want empty, got ${JSON.stringify(clip(gotText))}`];
  if (isJsonMediaType(want.bodyMediaType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(gotText);
    } catch {
      return [`body: want JSON ${clip(want.body.replace(/\s+/g, ' '))}, got ${got.length ? `non-JSON ${JSON.stringify(clip(gotText))}` : 'an empty body'}`];
    }
    const d = jsonDifference(JSON.parse(want.body), parsed);
    return d ? [`body: ${d}`] : [];
  }
  const wantBytes = Buffer.from(want.body, 'utf8');
  return wantBytes.equals(Buffer.from(got)) ? [] : [`body: want ${JSON.stringify(clip(want.body))}, got ${JSON.stringify(clip(gotText))}`];
}

/** The first difference between two parsed JSON values, as `$.path: want …, got …`. */
export function jsonDifference(want: unknown, got: unknown, path = '$'): string | undefined {
  const show = (v: unknown) => (v === undefined ? 'nothing' : clip(JSON.stringify(v)));
  if (typeof want !== 'object' || want === null || typeof got !== 'object' || got === null) {
    return want === got ? undefined : `${path}: want ${show(want)}, got ${show(got)}`;
  }
  if (Array.isArray(want) !== Array.isArray(got)) return `${path}: want ${show(want)}, got ${show(got)}`;
  if (Array.isArray(want)) {
    const g = got as unknown[];
    if (want.length !== g.length) return `${path}: want ${show(want)}, got ${show(g)}`;
    for (let i = 0; i < want.length; i++) {
      const d = jsonDifference(want[i], g[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const w = want as Record<string, unknown>;
  const g = got as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(w), ...Object.keys(g)])]) {
    const d = jsonDifference(w[key], g[key], `${path}.${key}`);
    if (d) return d;
  }
  return undefined;
}

/** A malformed request's response body: exact contents (as JSON for a JSON media type), or `messageRegex` on `message`. */
export function malformedBodyProblems(actual: Uint8Array | undefined, want: { assertion: { contents?: string; messageRegex?: string }; mediaType: string } | undefined): string[] {
  if (!want) return [];
  const { contents, messageRegex } = want.assertion;
  if (contents !== undefined) return bodyProblems(actual, { body: contents, bodyMediaType: want.mediaType });
  if (messageRegex === undefined) return [];
  const text = Buffer.from(actual ?? new Uint8Array()).toString('utf8');
  let message: unknown;
  try {
    message = (JSON.parse(text) as { message?: unknown }).message;
  } catch {
    return [`body: want JSON with a message matching /${messageRegex}/, got ${JSON.stringify(clip(text))}`];
  }
  if (typeof message !== 'string') return [`body: want a message matching /${messageRegex}/, got ${message === undefined ? 'no message' : JSON.stringify(message)}`];
  // The suite's regexes are Java's; the ones it uses mean the same in JavaScript. A whole-message
  // match, as Java's `matches` does.
  return new RegExp(`^(?:${messageRegex})$`, 'su').test(message) ? [] : [`body: message ${JSON.stringify(clip(message))} does not match /${messageRegex}/`];
}

function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
