// The JSON output validates against its published schema; markdown and text read well.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { diffChain } from '../../codegen/diff/chain.js';
import { diffModels } from '../../codegen/diff/diff.js';
import { formatJson } from '../../codegen/diff/format/json.js';
import { formatMarkdown } from '../../codegen/diff/format/markdown.js';
import { formatText } from '../../codegen/diff/format/text.js';
import { normalizeModel } from '../../codegen/diff/load.js';
import { RULES } from '../../codegen/diff/rules/index.js';
import { diffEdited, prop, realRevision } from './helpers.js';
import { revisionNames } from '../model/load.js';

const schemaFile = fileURLToPath(new URL('../../codegen/diff/diff-output.schema.json', import.meta.url));
const readmeFile = fileURLToPath(new URL('../../codegen/diff/README.md', import.meta.url));
const revisionsDir = fileURLToPath(new URL('../../model/revisions', import.meta.url));

// ajv/dist/2020 is CommonJS: the class is the module itself, or its default export.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as unknown as new (opts: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
};
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

function expectValid(json: string) {
  const ok = validate(JSON.parse(json));
  expect(validate.errors ?? null, JSON.stringify(validate.errors, null, 1)).toBeNull();
  expect(ok).toBe(true);
}

const PAIRS = [
  ['2017', '2020'],
  ['2020', '2022'],
  ['2022', '2025'],
  ['2017', '2025'],
  ['2025', '2026'],
  ['2017', '2026'],
] as const;

describe('JSON output', () => {
  it.each(PAIRS)('validates against the schema for %s → %s', (a, b) => {
    expectValid(formatJson(diffModels(realRevision(a), realRevision(b))));
  });

  it('validates for a chain, whose findings name the revision that introduced them', () => {
    const chain = diffChain(revisionsDir);
    expectValid(formatJson(chain));
    // Every revision in the folder, including any added by `npm run regen` after 2026.
    const names = revisionNames();
    expect(chain.steps.map((s) => s.new.revision)).toEqual(names.slice(1));
    expect(chain.steps.map((s) => s.old.revision)).toEqual(names.slice(0, -1));
    expect(chain.steps.slice(0, 4).map((s) => s.new.revision)).toEqual(['2020', '2022', '2025', '2026']);
    expect(chain.steps[1].findings.find((f) => f.id === 'pattern-narrowed')?.introducedIn).toBe('2022');
    expect(chain.steps.slice(0, 4).reduce((n, s) => n + s.summary.breaking, 0)).toBe(1);
    const last = chain.steps[3];
    expect(last.findings.length).toBeGreaterThan(0);
    expect(last.findings.every((f) => f.introducedIn === '2026')).toBe(true);
    expect(last.findings.filter((f) => f.id === 'pattern-widened').map((f) => f.introducedIn)).toEqual(['2026', '2026']);
    expect(last.summary).toMatchObject({ breaking: 0, warning: 0, semver: 'patch' });
  });

  it('validates for artifacts, undecidable patterns and every kind of example', () => {
    const damaged = structuredClone(realRevision('2020').document) as any;
    damaged.components.schemas.AddPermissionRequest.properties.StatementId.pattern = '^(?:([a-zA-Z0-9-_]))$';
    expectValid(formatJson(diffModels(realRevision('2020'), normalizeModel(damaged, 'damaged.yaml'))));
    expectValid(formatJson(diffEdited((d) => (prop(d, 'Label').pattern = '^(?:([a-z]+)-\\1)$'))));
  });

  it('rejects output that breaks the contract (the schema is not vacuous)', () => {
    const result = JSON.parse(formatJson(diffModels(realRevision('2020'), realRevision('2022'))));
    result.findings[0].level = 'fatal';
    expect(validate(result)).toBe(false);
    delete result.findings[0].level;
    expect(validate(result)).toBe(false);
  });
});

describe('markdown output', () => {
  it.each(PAIRS)('reads as a pull-request comment for %s → %s', (a, b) => {
    const md = formatMarkdown(diffModels(realRevision(a), realRevision(b)));
    expect(md).toMatch(new RegExp(`^## API shape diff: \`${a}\` → \`${b}\`\n`));
    expect(md).toContain('| Breaking | Warning | Info | Documentation only | Suspected artifacts |');
    expect(md).toMatch(/\*\*Suggested version bump for the generated client: (major|minor|patch|none)\*\*/);
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    // Every line has balanced inline code, so no span swallows the rest of the comment.
    for (const line of md.split('\n')) expect(line.replace(/``[^`]*``/g, '').split('`').length % 2, line).toBe(1);
  });

  it('shows the Principal narrowing with its witness and TypeScript impact', () => {
    const md = formatMarkdown(diffModels(realRevision('2020'), realRevision('2022')));
    expect(md).toContain('### 🔴 Breaking (1)');
    expect(md).toContain('- **AddPermission: `Principal` (body member) pattern narrowed: `.*` → `[^\\s]+`** `pattern-narrowed`');
    expect(md).toContain('  - Example: `""` is accepted by 2020 and rejected by 2022 (shortest such value)');
    expect(md).toContain('  - Sample: `"principal"` meets every constraint of `Principal` in 2022');
    expect(md).toContain('<summary>📝 Documentation only (13): never counted as breaking</summary>');
  });

  it('gives suspected artifacts their own section', () => {
    const md = formatMarkdown(diffEdited((d) => (prop(d, 'Label').pattern = '^(?:[a-z])$')));
    expect(md).toContain('### 🧩 Suspected documentation artifacts (1)');
    expect(md).toContain('If real: `pattern-narrowed` (breaking)');
    expect(md).toContain('No API changes.');
  });
});

describe('text output', () => {
  it('groups by level, with documentation last and apart', () => {
    const text = formatText(diffModels(realRevision('2020'), realRevision('2022')));
    // SourceAccount's new maxLength 12 beside \d{12} accepts the same values: documentation, not a change.
    const order = ['BREAKING (1)', 'INFO (2)', 'DOCUMENTATION ONLY (13)', '[length-bound-equivalent] AddPermission: maxLength of `SourceAccount`'].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(text).toContain('e.g. "" is accepted by 2020 and rejected by 2022 (shortest such value)');
    expect(text).toContain('e.g. "principal " is accepted by 2020 and rejected by 2022 (realistic value)');
    expect(text).toContain('sample: "principal" meets every constraint of Principal in 2022');
  });
});

describe('codegen/diff/README.md', () => {
  const readme = readFileSync(readmeFile, 'utf8');
  it.each(RULES.map((r) => [r.id, r.level]))('documents %s with its level (%s)', (id, level) => {
    expect(readme).toMatch(new RegExp(`\\| \`${id}\` \\| ${level} \\|`));
  });
});
