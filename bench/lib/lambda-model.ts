/**
 * AWS's whole Lambda API as OpenAPI documents for the benchmarks: all operations imported together
 * from ../shared/fixtures/smithy/lambda.json (as test/lambda does), and documents of the first N
 * operations for growth. While the generator refuses some operations, `accepted` names the largest
 * set it takes, so that the benchmarks can still measure, clearly labelled as interim.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { acceptedSubset, hasLambdaModel, importLambda, restrictTo } from '../../test/lambda/generation.js';

export type LambdaDocuments =
  | { available: false; reason: string }
  | {
      available: true;
      /** Every operation of the model. */
      operations: string[];
      /** The document with every operation the importer wrote. */
      allPath: string;
      /** Why the generator refuses the whole document (undefined when it generates). */
      refusal?: string;
      /** The largest set of operations the generator accepts (all of them once it takes the whole API). */
      accepted: string[];
      /** A document with the first `count` of the given operations. */
      subset(names: string[], count: number): string;
    };

export function lambdaDocuments(dir: string): LambdaDocuments {
  if (!hasLambdaModel) return { available: false, reason: '../shared/fixtures/smithy/lambda.json is absent' };
  const { operations, doc, written, lost } = importLambda();
  const allPath = join(dir, `lambda-${operations.length}.yaml`);
  writeFileSync(allPath, stringify(doc));
  const { keep, together } = acceptedSubset(doc, written);
  const refusal = lost.length > 0 ? `the import loses ${lost.length} operation${lost.length === 1 ? '' : 's'} (${lost.join(', ')})${together ? `; ${together}` : ''}` : together;
  return {
    available: true,
    operations,
    allPath,
    ...(refusal !== undefined ? { refusal } : {}),
    accepted: [...keep].sort(),
    subset(names, count) {
      const path = join(dir, `lambda-first-${count}-of-${names.length}.yaml`);
      writeFileSync(path, stringify(restrictTo(doc, new Set(names.slice(0, count)))));
      return path;
    },
  };
}
