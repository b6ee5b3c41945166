// Decoding of the IDL's two string forms: quoted text (escapes, newline normalization) and text
// blocks (incidental whitespace removed first, escapes expanded after, as the IDL spec orders it).

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Expands escapes in the raw text between the quotes (newlines already normalized to LF).
 * Returns the value, or the offset into `raw` and a reason where an escape is invalid.
 */
export function unescape(raw: string): { value: string } | { offset: number; reason: string } {
  if (!raw.includes('\\')) return { value: raw };
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) return { offset: i, reason: 'a backslash ends the string' };
    if (next === '\n') { i++; continue; } // an escaped newline expands to nothing
    if (next === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return { offset: i, reason: `\\u must be followed by four hexadecimal digits, not "${hex}"` };
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple === undefined) return { offset: i, reason: `"\\${next}" is not a valid escape (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)` };
    out += simple;
    i++;
  }
  return { value: out };
}

/**
 * The content of a text block (everything after the newline that follows the opening `"""`, up to
 * the closing `"""`) with incidental whitespace removed: the smallest indentation of the non-blank
 * lines, and of the last line whatever it holds, is cut from every line; trailing spaces go.
 */
export function dedentTextBlock(content: string): string {
  const lines = content.split('\n');
  let common = Infinity;
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    const indent = line.length - line.replace(/^[ \t]+/, '').length;
    if (!last && indent === line.length) return; // blank lines other than the last do not count
    common = Math.min(common, indent);
  });
  if (common === Infinity) common = 0;
  return lines.map((line) => line.slice(common).replace(/[ \t]+$/, '')).join('\n');
}
