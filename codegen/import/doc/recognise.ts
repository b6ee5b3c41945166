// Whether a text is an API reference page at all, and one of the operation it is imported for.
// A page that is not is refused with one sentence about the page, before any reader or merge
// step could turn its absence of facts into an invented model or an internal error.

import type { PageFacts } from './facts.js';

/** A page that cannot be imported, said in one sentence about the page. */
export class PageRefused extends Error {
  override name = 'PageRefused';
}

/**
 * Share of characters that are control characters or U+FFFD (what undecodable bytes become)
 * above which a text is taken for binary data. Scraped pages carry a stray replacement character
 * at most; random bytes decode to about one in two.
 */
const BINARY_SHARE = 0.02;

/** Refuses text that is empty or not text at all. `what` names the page in the sentence. */
export function checkText(text: string, what: string): void {
  if (text.trim() === '') throw new PageRefused(`${what} is empty: there is no reference page to import.`);
  let odd = 0;
  let total = 0;
  for (const char of text) {
    total++;
    const code = char.codePointAt(0)!;
    if (code === 0xfffd || code === 0 || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code < 0xa0)) odd++;
  }
  if (odd / total > BINARY_SHARE) {
    throw new PageRefused(`${what} is not text (${Math.round((100 * odd) / total)}% of its characters are control characters or undecodable bytes): it is not a reference page.`);
  }
}

/** `get_widget` → `GetWidget`: the operation a boto3 page's request syntax calls. */
function operationFromClientCall(text: string): string | undefined {
  const m = /^\s*response = client\.([a-z0-9_]+)\(/m.exec(text);
  return m ? m[1].split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') : undefined;
}

/** The operation a page documents, as far as the page itself says. */
export function documentedOperation(facts: PageFacts, text: string): string | undefined {
  return facts.operationName ?? operationFromClientCall(text);
}

/** Refuses a page whose reader found no request syntax: nothing says what the operation takes. */
export function checkRequestSyntax(facts: PageFacts, what: string): void {
  const inputs = facts.entries.filter((e) => e.section === 'uri' || e.section === 'body');
  if (facts.format === 'rst' ? inputs.length === 0 : facts.request === undefined) {
    const shape = facts.format === 'rst'
      ? 'no `response = client.operation(...)` request syntax with parameters'
      : 'no request syntax (no `METHOD /path HTTP/1.1` line)';
    throw new PageRefused(`${what} has ${shape}: it is not an API reference page of an operation.`);
  }
}

/**
 * Refuses a page of another operation than the ones expected (`--operation`, or the base
 * revision's operations). `found` is the operation the page names; without a name, the request
 * line decides: it must be the HTTP binding of one of the expected operations.
 */
export function checkOperation(
  found: string | undefined,
  binding: { method: string; uri: string } | undefined,
  expected: { names: string[]; bindings: { name: string; method: string; path: string }[]; from: string },
  what: string,
): void {
  if (expected.names.length === 0) return;
  const list = expected.names.join(', ');
  if (found !== undefined) {
    if (!expected.names.includes(found)) {
      throw new PageRefused(`${what} documents the operation ${found}, not ${list} (${expected.from}): it is a page of another operation.`);
    }
    return;
  }
  if (!binding) return;
  // The request line prints labels without braces: compare path segments with labels as wildcards.
  const segments = (path: string) => path.split('/');
  const matches = expected.bindings.some((b) => b.method === binding.method && segments(b.path).length === segments(binding.uri).length
    && segments(b.path).every((s, i) => /^\{.+\}$/.test(s) || s === segments(binding.uri)[i]));
  if (!matches) {
    throw new PageRefused(`${what} names no operation, and its request ${binding.method} ${binding.uri} is not the binding of ${list} (${expected.from}): it is a page of another operation.`);
  }
}
