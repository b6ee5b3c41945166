// Which of the known documentation formats a page is in.

import type { PageFacts } from './facts.js';
import { readHtmlText } from './html-text.js';
import { readMarkdown } from './markdown.js';
import { readRst } from './rst.js';

export type ReaderKind = 'markdown' | 'html-text' | 'rst';

export function detectFormat(text: string): ReaderKind {
  if (/^\.\. py:method::/m.test(text) || /^\s*:param \w+:/m.test(text)) return 'rst';
  if (/^#{1,6}\s+\S/m.test(text) && /^\s*\*\*\s*\w+\s*\*\*\s*$/m.test(text)) return 'markdown';
  if (/^##\s+Request Syntax/m.test(text)) return 'markdown';
  return 'html-text';
}

/** Reads a page in whichever format it is in. */
export function readPage(text: string): PageFacts {
  switch (detectFormat(text)) {
    case 'rst': return readRst(text);
    case 'markdown': return readMarkdown(text);
    default: return readHtmlText(text);
  }
}
