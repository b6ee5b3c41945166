// The importer's building blocks: regex structure, HTML to Markdown, format detection, YAML output.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { detectFormat, readPage } from '../../codegen/import/doc/detect.js';
import { htmlToMarkdown } from '../../codegen/import/html-to-markdown.js';
import { bareAtoms, hasTopLevelAlternation, isAnchored, matchLengths, unanchor, wholeValuePattern, withoutPlus } from '../../codegen/import/pattern.js';
import { type Capture, capture, importCapture } from './helpers.js';

describe('pattern helpers', () => {
  it.each([
    ['([a-zA-Z0-9-_])', 1, 1],
    ['([a-zA-Z0-9-_]+)', 1, Infinity],
    ['\\d{12}', 12, 12],
    ['^o-[a-z0-9]{10,32}$', 12, 34],
    ['(|[a-zA-Z0-9$_-])', 0, 1],
    ['(lambda:[*]|lambda:[a-zA-Z]|[*])', 1, 8],
    ['(?:ab)?c{2,}', 2, Infinity],
    ['[^\\s]+', 1, Infinity],
  ])('matchLengths(%s) = %d..%d', (p, min, max) => {
    expect(matchLengths(p)).toEqual({ min, max });
  });

  it('finds the atoms that could have carried a stripped quantifier', () => {
    expect(bareAtoms('([a-zA-Z0-9-_])')).toEqual(['[a-zA-Z0-9-_]']);
    expect(bareAtoms('\\d{12}')).toEqual([]);
    expect(bareAtoms('.*')).toEqual([]);
    expect(bareAtoms('[^\\s]+')).toEqual([]);
    expect(bareAtoms('a\\db.')).toEqual(['\\d', '.']);
  });

  it('anchors the conventions\' way', () => {
    expect(wholeValuePattern('\\d{12}')).toBe('^(?:\\d{12})$');
    expect(wholeValuePattern('^o-[a-z0-9]{10,32}$')).toBe('^o-[a-z0-9]{10,32}$');
    expect(isAnchored('^a\\$')).toBe(false);
    expect(unanchor('^\\$(LATEST)|x$')).toEqual({ inner: '\\$(LATEST)|x', anchored: true });
    expect(hasTopLevelAlternation('\\$(LATEST(\\.PUBLISHED)?)|[a-z|]+')).toBe(true);
    expect(hasTopLevelAlternation('(a|b)[|]')).toBe(false);
    expect(withoutPlus('([a-z]+)+')).toBe('([a-z])');
  });
});

describe('HTML to Markdown', () => {
  it.each([
    ['<p>A <code>x</code> and <b>y</b> and <i>z</i>.</p>', 'A `x` and **y** and *z*.'],
    ['<p>See <a href="https://e.com/a">the guide</a> and <a>OtherOperation</a>.</p>', 'See [the guide](https://e.com/a) and `OtherOperation`.'],
    ['<p>One.</p> <p>Two.</p>', 'One.\n\nTwo.'],
    ['<p>List:</p><ul><li><p>a</p></li><li>b <code>c</code></li></ul><p>After.</p>', 'List:\n\n- a\n- b `c`\n\nAfter.'],
    ['<ul><li>outer<ul><li>inner</li></ul></li></ul>', '- outer\n  - inner'],
    ['<p>x &lt; y &amp;&amp; &#39;q&#39;</p>', "x < y && 'q'"],
    ['<p class="title"> <b>Name formats</b> </p>', '**Name formats**'],
    ['<note> <p>Careful.</p> </note>', 'Careful.'],
  ])('%s', (html, md) => {
    expect(htmlToMarkdown(html)).toBe(md);
  });
});

describe('format detection', () => {
  const expected: Record<Capture, [string, string]> = {
    '000': ['markdown', 'markdown'],
    '001': ['html-text', 'html-text-unnamed'],
    '002': ['rst', 'rst'],
    '003': ['html-text', 'html-text-headings'],
    '004': ['html-text', 'html-text'],
  };
  for (const [c, [reader, format]] of Object.entries(expected) as [Capture, [string, string]][]) {
    it(`${c} is read as ${format}`, () => {
      expect(detectFormat(capture(c))).toBe(reader);
      expect(readPage(capture(c)).format).toBe(format);
    });
  }
});

describe('output', () => {
  it('is deterministic YAML that parses back to the document', () => {
    const a = importCapture('001', { base: '2022' });
    const b = importCapture('001', { base: '2022' });
    expect(a.yaml).toBe(b.yaml);
    expect(parse(a.yaml)).toEqual(a.document);
    expect(a.yaml).toMatch(/^# AWS Lambda AddPermission, documentation revision imported\./);
  });

  it('quotes values a YAML 1.1 reader would take for dates or numbers', () => {
    const r = importCapture('000', { base: '2025' });
    expect(r.yaml).toMatch(/^ {2}version: "2015-03-31"$/m);
    expect(r.yaml).toMatch(/^ {8}"201":$/m);
  });
});

describe('library entry point (for a command that imports whatever it is given)', () => {
  it('tells a Smithy model from a page and imports either; a model takes the base\'s operations by default', async () => {
    const { importSource, sourceKind, readBase } = await import('../../codegen/import/index.js');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { fixtures, read } = await import('./helpers.js');
    const smithy = readFileSync(join(fixtures, 'permission-2020.smithy.json'), 'utf8');
    expect(sourceKind(smithy)).toBe('smithy');
    expect(sourceKind(capture('000'))).toBe('doc');
    expect(sourceKind(capture('002'))).toBe('doc');
    const base = readBase(read('model/revisions/2020.yaml'), 'model/revisions/2020.yaml');
    const fromModel = parse(importSource(smithy, { base }).yaml);
    expect(Object.values<any>(fromModel.paths)[0].post.operationId).toBe('AddPermission');
    expect(() => importSource(smithy, {})).toThrow(/needs the operations/);
    expect(importSource(capture('004'), { base }).undetermined).toEqual([]);
  });
});
