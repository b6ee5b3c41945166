// info.x-revision of every document names the right captures, and those captures are in
// model/sources/ (a user's clone has no ../shared: the project must stand alone).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVISIONS } from './facts.js';
import { HAS_SEEDS, MODEL_DIR, ROOT, SEEDS_DIR, SOURCES_DIR, loadCompanions, loadRevision, revisionNames } from './load.js';

const revisions = revisionNames();
const captures = readdirSync(SOURCES_DIR).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).sort();

function sourcesOf(rev: string): string[] {
  return (loadRevision(rev).info['x-revision'].sources as Array<{ file: string }>).map((s) => s.file);
}

/** model/sources/README.md: capture file → the era in its "revision (era)" column. */
function erasInSourcesReadme(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(SOURCES_DIR, 'README.md'), 'utf8').split('\n')) {
    const row = /^\|\s*(\d{3}_[0-9a-f]+\.txt)\s*\|[^|]*\|([^|]*)\|/.exec(line);
    if (!row) continue;
    const era = /\((about [^)]+)\)/.exec(row[2]);
    if (era) out[row[1]] = era[1];
  }
  return out;
}

/** model/README.md: revision → capture numbers its table row names. */
function capturesInModelReadme(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of readFileSync(join(MODEL_DIR, 'README.md'), 'utf8').split('\n')) {
    const row = /^\|\s*`revisions\/(\d{4})\.yaml`\s*\|(.*)\|\s*$/.exec(line);
    if (row) out[row[1]] = [...row[2].matchAll(/\b(\d{3})\b/g)].map((m) => m[1]);
  }
  return out;
}

it('model/sources holds the five captures and their README', () => {
  expect(captures).toEqual([
    '000_3c6a77f024b23009.txt',
    '001_31e768cfcebed449.txt',
    '002_d759dc53a5faecdd.txt',
    '003_d6abab30469e4984.txt',
    '004_c4767a7f3ce6f2dd.txt',
  ]);
  expect(existsSync(join(SOURCES_DIR, 'README.md'))).toBe(true);
});

describe.each(revisions)('revision %s: info.x-revision', (rev) => {
  const info = loadRevision(rev).info;
  const facts = REVISIONS[rev];

  it(`is named "${rev}", as its file`, () => {
    expect(info['x-revision'].name).toBe(rev);
  });

  it(`names its captures: ${facts.sources.join(', ')}`, () => {
    expect(sourcesOf(rev)).toEqual(facts.sources.map((f) => `model/sources/${f}`));
  });

  it('names captures that exist in model/sources', () => {
    for (const f of sourcesOf(rev)) expect(existsSync(join(ROOT, f)), f).toBe(true);
  });

  it(`gives its era, "${facts.era}", as model/sources/README.md does for its first capture`, () => {
    expect(info['x-revision'].era).toBe(facts.era);
    expect(erasInSourcesReadme()[facts.sources[0]]).toBe(facts.era);
  });

  it('is described in model/README.md with the same captures', () => {
    const numbers = facts.sources.map((f) => f.slice(0, 3)).sort();
    expect(capturesInModelReadme()[rev]?.sort()).toEqual(numbers);
  });

  it('records repairs, carriedOver, fromServiceBehavior and notes as lists', () => {
    for (const key of ['repairs', 'carriedOver', 'fromServiceBehavior', 'notes']) {
      expect(Array.isArray(info['x-revision'][key]), key).toBe(true);
    }
    expect(info['x-revision'].fromServiceBehavior.join('\n')).toMatch(/x-member-order/);
  });
});

describe('provenance across revisions', () => {
  it('uses every capture in model/sources for exactly one revision', () => {
    const used = revisions.flatMap(sourcesOf).map((f) => f.replace('model/sources/', '')).sort();
    expect(used).toEqual(captures);
  });

  it('2020 records the repair of 003\'s stripped `+` from 004', () => {
    const repairs = loadRevision('2020').info['x-revision'].repairs.join('\n');
    expect(repairs).toMatch(/003/);
    expect(repairs).toMatch(/`\+`/);
    expect(repairs).toMatch(/004/);
  });

  it('2022 records the recovery of 001\'s stripped member and error names', () => {
    const repairs = loadRevision('2022').info['x-revision'].repairs.join('\n');
    expect(repairs).toMatch(/Member names recovered/i);
    expect(repairs).toMatch(/Error names recovered/i);
  });

  it('2025 records that its constraints are carried over from 2022', () => {
    const carried = loadRevision('2025').info['x-revision'].carriedOver.join('\n');
    expect(carried).toMatch(/2022/);
  });

  it('the companions record their own provenance', () => {
    const x = loadCompanions().info['x-revision'];
    expect(x.name).toBe('companions');
    expect(x.sources.length).toBeGreaterThan(0);
  });
});

describe('captures in model/sources against ../shared/seeds', () => {
  it.skipIf(!HAS_SEEDS)(
    'are byte-for-byte the seeds they were copied from (needs ../shared: skipped where it is absent, as in users\' clones)',
    () => {
      for (const f of captures) {
        expect(readFileSync(join(SOURCES_DIR, f)).equals(readFileSync(join(SEEDS_DIR, f))), f).toBe(true);
      }
    },
  );
});
