// info.x-revision of every document names the right captures, and those captures are in
// model/sources/ (a user's clone has no ../shared: the project must stand alone). A revision
// imported from AWS's Smithy model (2026) names that model instead, which lives in ../shared: only
// its existence needs ../shared, and that check is skipped visibly where it is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVISIONS } from './facts.js';
import {
  HAS_SEEDS,
  HAS_SMITHY,
  MODEL_DIR,
  ROOT,
  SEEDS_DIR,
  SMITHY_FILE,
  SOURCES_DIR,
  loadCompanions,
  loadRevision,
  revisionNames,
} from './load.js';

const revisions = revisionNames();
/** Revisions built from documentation captures in model/sources/, and those imported from Smithy. */
const fromCaptures = revisions.filter((rev) => REVISIONS[rev] !== undefined && REVISIONS[rev].smithy === undefined);
const fromSmithy = revisions.filter((rev) => REVISIONS[rev]?.smithy !== undefined);
/** Revisions added by `npm run regen` after the fact tables were written: their facts are their own documents'. */
const added = revisions.filter((rev) => REVISIONS[rev] === undefined);
const captures = readdirSync(SOURCES_DIR).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).sort();

function sourcesOf(rev: string): string[] {
  return (loadRevision(rev).info['x-revision'].sources as Array<{ file: string }>).map((s) => s.file);
}

/** The sources of a revision that are captures in model/sources/. */
function capturesOf(rev: string): string[] {
  return sourcesOf(rev).filter((f) => f.startsWith('model/sources/'));
}

/** Semantic version `x.y.z` as numbers. */
function semver(v: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  if (!m) throw new Error(`not a semantic version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function semverLess(a: string, b: string): boolean {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
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

it('every fact table in facts.ts has a revision file; every other revision was added after them', () => {
  expect(Object.keys(REVISIONS).every((rev) => revisions.includes(rev))).toBe(true);
  expect([...fromCaptures, ...fromSmithy, ...added].sort()).toEqual(revisions);
  // Revisions without a table come after the tabled ones: a table is never skipped.
  for (const rev of added) expect(rev > Object.keys(REVISIONS).sort().at(-1)!, rev).toBe(true);
});

describe.each(added)('revision %s (added by npm run regen): info.x-revision', (rev) => {
  const x = loadRevision(rev).info['x-revision'];

  it(`is named "${rev}", as its file`, () => {
    expect(x.name).toBe(rev);
  });

  it('names the pages it was imported from, each copied into model/sources', () => {
    expect(sourcesOf(rev).length).toBeGreaterThan(0);
    for (const f of sourcesOf(rev)) {
      expect(f.startsWith('model/sources/'), f).toBe(true);
      expect(existsSync(join(ROOT, f)), f).toBe(true);
    }
  });

  it('records repairs, carriedOver, fromServiceBehavior, notes and x-undetermined as lists', () => {
    for (const key of ['repairs', 'carriedOver', 'fromServiceBehavior', 'notes', 'x-undetermined']) {
      expect(Array.isArray(x[key]), key).toBe(true);
    }
  });
});

describe.each(fromCaptures)('revision %s: info.x-revision', (rev) => {
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

describe.each(fromSmithy)('revision %s (imported from AWS\'s Smithy model): info.x-revision', (rev) => {
  const info = loadRevision(rev).info;
  const facts = REVISIONS[rev];
  const x = info['x-revision'];

  it(`is named "${rev}", as its file`, () => {
    expect(x.name).toBe(rev);
  });

  it(`names exactly one source, AWS's Smithy model ${facts.smithy}, and no capture`, () => {
    expect(sourcesOf(rev)).toEqual([facts.smithy]);
    expect(capturesOf(rev)).toEqual([]);
    expect(x.sources[0].format).toMatch(/Smithy/);
  });

  it('names it by a path that, from the project root, is ../shared/fixtures/smithy/lambda.json (outside the project)', () => {
    expect(resolve(ROOT, facts.smithy!)).toBe(SMITHY_FILE);
    expect(resolve(ROOT, facts.smithy!).startsWith(ROOT + '/')).toBe(false);
  });

  it.skipIf(!HAS_SMITHY)(
    'names a Smithy model that exists (needs ../shared: skipped where it is absent, as in users\' clones)',
    () => {
      expect(existsSync(resolve(ROOT, facts.smithy!))).toBe(true);
    },
  );

  it(`gives its era, "${facts.era}"`, () => {
    expect(x.era).toBe(facts.era);
  });

  it('records repairs, carriedOver, fromServiceBehavior, notes and x-undetermined as lists; repairs, carriedOver and x-undetermined empty', () => {
    for (const key of ['repairs', 'carriedOver', 'fromServiceBehavior', 'notes', 'x-undetermined']) {
      expect(Array.isArray(x[key]), key).toBe(true);
    }
    expect(x.repairs).toEqual([]);
    expect(x.carriedOver).toEqual([]);
    expect(x['x-undetermined']).toEqual([]);
  });

  it('records as fromServiceBehavior what Smithy does not state: the `Type` defaults and ValidationException', () => {
    const behaviour = x.fromServiceBehavior.join('\n');
    expect(behaviour).toMatch(/`Type`/);
    expect(behaviour).toMatch(/ValidationException/);
  });

  it('notes how the Qualifier pattern\'s top-level alternation is read under whole-value matching', () => {
    expect(x.notes.join('\n')).toMatch(/Qualifier.*top-level alternation/);
  });
});

describe('provenance across revisions', () => {
  it('uses every page in model/sources (the five captures and any page regen kept) for exactly one revision', () => {
    const pages = readdirSync(SOURCES_DIR).filter((f) => f !== 'README.md').sort();
    const used = revisions.flatMap(capturesOf).map((f) => f.replace('model/sources/', '')).sort();
    expect(used).toEqual(pages);
    expect(pages).toEqual(expect.arrayContaining(captures));
  });

  it('names no source other than a capture in model/sources or AWS\'s Smithy model', () => {
    for (const rev of revisions) {
      const others = sourcesOf(rev).filter((f) => !f.startsWith('model/sources/'));
      expect(others, rev).toEqual(REVISIONS[rev]?.smithy === undefined ? [] : [REVISIONS[rev].smithy]);
    }
  });

  it('gives each tabled revision the x-client-version of its table: 1.0.0, 1.1.0, 1.2.0, 1.3.0, 1.3.1', () => {
    const tabled = revisions.filter((rev) => REVISIONS[rev] !== undefined);
    const versions = tabled.map((rev) => loadRevision(rev).info['x-client-version']);
    expect(versions).toEqual(tabled.map((rev) => REVISIONS[rev].clientVersion));
    expect(versions).toEqual(['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.3.1']);
  });

  it('increases x-client-version strictly, in file-name order (semantic-version order, not string order)', () => {
    const versions = revisions.map((rev) => loadRevision(rev).info['x-client-version'] as string);
    for (let i = 1; i < versions.length; i++) {
      expect(semverLess(versions[i - 1], versions[i]), `${revisions[i - 1]} ${versions[i - 1]} < ${revisions[i]} ${versions[i]}`).toBe(true);
    }
    expect(semverLess('1.3.0', '1.10.0')).toBe(true); // the comparison is numeric
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
