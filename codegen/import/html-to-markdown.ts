// A small HTML to Markdown converter for the documentation strings of Smithy models (AWS writes
// them as HTML fragments: p, code, b, i, a, ul/ol/li, note, br). No DOM: a tolerant tag tokenizer,
// a tree, and a renderer. `<a>` without href names another shape or operation and becomes code.

interface Element { tag: string; attrs: Record<string, string>; children: Node[] }
type Node = Element | string;

const VOID = new Set(['br', 'hr', 'img', 'wbr']);
const BLOCK = new Set(['p', 'div', 'note', 'important', 'ul', 'ol', 'li', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'blockquote', 'section']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? whole;
  });
}

function parse(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const re = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|[^<]+|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const token = m[0];
    const top = stack[stack.length - 1];
    if (token.startsWith('<!--')) continue;
    if (m[1]) {
      const tag = m[1].toLowerCase();
      if (token.startsWith('</')) {
        const at = stack.map((e) => e.tag).lastIndexOf(tag);
        if (at > 0) stack.length = at;
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of m[2].matchAll(/([a-zA-Z_:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
        attrs[a[1].toLowerCase()] = decodeEntities(a[3] ?? a[4] ?? a[5] ?? '');
      }
      const el: Element = { tag, attrs, children: [] };
      // An <li> or <p> opening while another is open closes it (HTML's implied end tags).
      if ((tag === 'li' || tag === 'p') && top.tag === tag) stack.pop();
      stack[stack.length - 1].children.push(el);
      if (!VOID.has(tag) && !token.endsWith('/>')) stack.push(el);
      continue;
    }
    top.children.push(decodeEntities(token));
  }
  return root;
}

function inline(node: Node): string {
  if (typeof node === 'string') return node.replace(/\s+/g, ' ');
  const inner = node.children.map(inline).join('');
  const wrap = (open: string, close = open) => {
    const text = inner.replace(/\s+/g, ' ');
    const lead = /^\s/.test(text) ? ' ' : '';
    const trail = /\s$/.test(text) ? ' ' : '';
    const body = text.trim();
    return body ? `${lead}${open}${body}${close}${trail}` : text;
  };
  switch (node.tag) {
    case 'code': case 'tt': case 'kbd': case 'samp': return wrap('`');
    case 'b': case 'strong': return wrap('**');
    case 'i': case 'em': return wrap('*');
    case 'a': return node.attrs.href ? wrap('[', `](${node.attrs.href})`) : wrap('`');
    case 'br': return '\n';
    default: return inner;
  }
}

interface Block { kind: 'p' | 'li' | 'pre'; depth: number; text: string }

function blocks(el: Element, depth: number, out: Block[]): void {
  let buffer = '';
  const flush = () => {
    const text = tidy(buffer);
    if (text) out.push({ kind: 'p', depth, text });
    buffer = '';
  };
  for (const child of el.children) {
    if (typeof child === 'string' || !BLOCK.has(child.tag)) { buffer += inline(child); continue; }
    flush();
    if (child.tag === 'ul' || child.tag === 'ol') {
      for (const item of child.children) {
        if (typeof item === 'string') continue;
        const inner: Block[] = [];
        blocks(item, depth + 1, inner);
        const own = inner.filter((b) => b.depth === depth + 1 && b.kind === 'p').map((b) => b.text).join(' ');
        out.push({ kind: 'li', depth, text: own });
        out.push(...inner.filter((b) => b.depth > depth + 1 || b.kind !== 'p'));
      }
    } else if (child.tag === 'pre') {
      out.push({ kind: 'pre', depth, text: textOf(child).replace(/^\n+|\s+$/g, '') });
    } else {
      blocks(child, depth, out);
    }
  }
  flush();
}

function textOf(node: Node): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

function tidy(s: string): string {
  return s.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).join('\n').trim();
}

/** Markdown for an HTML fragment: paragraphs separated by a blank line, list items by a newline. */
export function htmlToMarkdown(html: string): string {
  const out: Block[] = [];
  blocks(parse(html), 0, out);
  let md = '';
  let previous: Block | undefined;
  for (const b of out) {
    if (previous) md += previous.kind === 'li' && b.kind === 'li' ? '\n' : '\n\n';
    if (b.kind === 'li') md += `${'  '.repeat(b.depth)}- ${b.text}`;
    else if (b.kind === 'pre') md += '```\n' + b.text + '\n```';
    else md += b.text;
    previous = b;
  }
  return md.trim();
}
