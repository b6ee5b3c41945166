// Every model document passes a standard OpenAPI 3.1 validator that nobody here wrote: Redocly's
// `lint` (@redocly/openapi-core), with its built-in `spec` ruleset (structural validity only) and
// with its `recommended` ruleset.
import { readFileSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { createConfig, lint, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { REVISIONS } from './facts.js';
import { COMPANIONS_FILE, REVISIONS_DIR, ROOT, revisionFile, revisionNames } from './load.js';

const documents = [...revisionNames().map(revisionFile), COMPANIONS_FILE];

/**
 * Warnings of the `recommended` ruleset that do not apply to this model, with the reason. Anything
 * else the ruleset reports fails the test, warnings included.
 *
 * - `info-license`: the documents describe AWS's Lambda API as AWS documented it. AWS publishes no
 *   license for that API, and the model must not invent facts (issue 2), so `info.license` stays out.
 * - `no-unused-components` on `ValidationException`: by the model's convention (model/README.md,
 *   "Errors") the schema is named by the document-level `x-validation-error` key, not by an
 *   operation response, because no reference page lists it among the operation's errors. The rule
 *   cannot see references made from an `x-` extension.
 */
const NOT_APPLICABLE: Array<{ ruleId: string; pointer?: string }> = [
  { ruleId: 'info-license', pointer: '#/info' },
  { ruleId: 'no-unused-components', pointer: '#/components/schemas/ValidationException' },
];

function describeProblem(p: NormalizedProblem): string {
  const where = p.location?.[0]?.pointer ?? '';
  return `${p.severity} ${p.ruleId} ${where}: ${p.message}`;
}

function isNotApplicable(p: NormalizedProblem): boolean {
  return NOT_APPLICABLE.some(
    (n) => n.ruleId === p.ruleId && (n.pointer === undefined || n.pointer === p.location?.[0]?.pointer),
  );
}

describe('Redocly OpenAPI validator', () => {
  it('finds every revision document, in file-name order, among them every revision of facts.ts, and the companions', () => {
    const onDisk = readdirSync(REVISIONS_DIR).filter((f) => f.endsWith('.yaml')).sort().map((f) => `model/revisions/${f}`);
    expect(documents.map((f) => relative(ROOT, f))).toEqual([...onDisk, 'model/companions.yaml']);
    expect(onDisk).toEqual(expect.arrayContaining(Object.keys(REVISIONS).map((rev) => `model/revisions/${rev}.yaml`)));
  });

  it('reports errors on a broken document (the validator is wired up and effective)', async () => {
    const config = await createConfig({ extends: ['spec'] });
    const source = readFileSync(revisionFile('2022'), 'utf8')
      .replace('openapi: 3.1.0', 'openapi: 3.1.0\nunknownTopLevel: true')
      .replace('in: query', 'in: body');
    const problems = await lintFromString({ source, absoluteRef: revisionFile('2022'), config });
    const errors = problems.filter((p) => p.severity === 'error').map(describeProblem);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error struct #\/unknownTopLevel: /),
        expect.stringMatching(/^error struct .*parameters\/1\/in: /),
      ]),
    );
  });

  describe.each(documents.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    it('is valid OpenAPI 3.1 under the `spec` ruleset: no problems at all', async () => {
      const config = await createConfig({ extends: ['spec'] });
      const problems = await lint({ ref: file, config });
      expect(problems.map(describeProblem)).toEqual([]);
    });

    it('has no errors under the `recommended` ruleset, and only the warnings listed as not applicable', async () => {
      const config = await createConfig({ extends: ['recommended'] });
      const problems = await lint({ ref: file, config });
      expect(problems.filter((p) => p.severity === 'error').map(describeProblem)).toEqual([]);
      expect(problems.filter((p) => !isNotApplicable(p)).map(describeProblem)).toEqual([]);
    });

    it('declares OpenAPI 3.1', () => {
      expect(readFileSync(file, 'utf8')).toMatch(/^openapi: 3\.1\.\d+$/m);
    });
  });
});
