// The IDL reader on AWS's restJson1 protocol compliance suite (every .smithy file, with the trait
// definitions it uses) and the printer on AWS's Lambda model: read from ../shared, skipped
// visibly where it is absent.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SmithyAst } from '../../codegen/smithy/ast.js';
import { assembleTexts, loadSmithyModel } from '../../codegen/smithy/load.js';
import { parseIdl } from '../../codegen/smithy/parser.js';
import { printIdl } from '../../codegen/smithy/print.js';

const shared = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'fixtures');
const suite = join(shared, 'smithy-protocol-tests');
const lambdaPath = join(shared, 'smithy', 'lambda.json');
const hasSuite = existsSync(join(suite, 'model'));
const hasLambda = existsSync(lambdaPath);

const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((e) => {
  const p = join(dir, e);
  return statSync(p).isDirectory() ? walk(p) : e.endsWith('.smithy') ? [p] : [];
});

const roundTrip = (ast: SmithyAst) => assembleTexts(printIdl(ast).map((f) => ({ file: `${f.namespace}.smithy`, text: f.text })));
const R = 'aws.protocoltests.restjson';

describe.skipIf(!hasSuite)('the restJson1 protocol suite in IDL (skipped where ../shared/fixtures/smithy-protocol-tests is absent)', () => {
  const files = hasSuite ? walk(suite) : [];

  it('parses every .smithy file of the suite on its own', () => {
    expect(files.length).toBe(67); // 60 models and 6 trait files (+ shared-types) at the suite's commit
    const failures: string[] = [];
    for (const file of files) {
      try {
        parseIdl(readFileSync(file, 'utf8'), relative(suite, file));
      } catch (e) {
        failures.push((e as Error).message);
      }
    }
    expect(failures).toEqual([]);
  });

  const ast = hasSuite ? loadSmithyModel([join(suite, 'model'), join(suite, 'traits')]) : { smithy: '2.0', shapes: {} };
  const cases = (trait: string) => Object.values(ast.shapes).reduce((n, s) => n + ((s.traits?.[trait] as unknown[] | undefined)?.length ?? 0), 0);

  it('reads the model and its trait definitions as one model, applies merged', () => {
    expect(Object.keys(ast.shapes).length).toBe(515);
    expect(Object.values(ast.shapes).filter((s) => s.type === 'apply')).toEqual([]);
    expect(ast.shapes[`${R}#RestJson`].operations).toHaveLength(113);
    expect(ast.shapes[`${R}.validation#RestJsonValidation`].operations).toHaveLength(12);
    expect(cases('smithy.test#httpRequestTests')).toBe(159);
    expect(cases('smithy.test#httpResponseTests')).toBe(116);
    expect(cases('smithy.test#httpMalformedRequestTests')).toBe(191);
  });

  it('concatenates the test cases that several apply statements add to one operation', () => {
    const tests = ast.shapes[`${R}#TestBodyStructure`].traits!['smithy.test#httpRequestTests'] as { id: string }[];
    expect(tests.map((t) => t.id)).toEqual(['RestJsonTestBodyStructure', 'RestJsonHttpWithEmptyBody']);
  });

  it('reads a version 1.0 file of the suite', () => {
    expect(ast.shapes['aws.protocoltests.misc#AcceptHeaderStarService'].traits!['smithy.api#http']).toEqual({ method: 'GET', uri: '/test-accept-header' });
  });

  it('prints the whole suite as IDL that reads back to the same JSON AST', () => {
    expect(roundTrip(ast)).toEqual(ast);
  });
});

describe.skipIf(!hasLambda)('AWS\'s Lambda model through IDL (skipped where ../shared/fixtures/smithy/lambda.json is absent)', () => {
  it('every shape printed as IDL and read back gives the same JSON AST, trait values included', () => {
    const ast = JSON.parse(readFileSync(lambdaPath, 'utf8')) as SmithyAst;
    expect(Object.keys(ast.shapes)).toHaveLength(648);
    const files = printIdl(ast);
    expect(files.map((f) => f.namespace)).toEqual(['com.amazonaws.lambda']);
    expect(roundTrip(ast)).toEqual(ast);
  });
});
