/**
 * A shape graph straight from a Smithy JSON AST model, through the project's importer (Smithy →
 * OpenAPI) and reader (OpenAPI → shape graph): what `npm run import -- smithy …` then
 * `npm run generate` would read, without writing the document anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importSmithy } from '../../codegen/import/index.js';
import { documentFromText } from '../../codegen/model/document.js';
import { readOpenApi } from '../../codegen/model/openapi/read.js';
import type { ShapeModel } from '../../codegen/model/shapes.js';

/** AWS's Smithy model of Lambda, in the shared fixtures beside the project (absent when the project stands alone). */
export const LAMBDA_SMITHY = resolve(import.meta.dirname, '../../../shared/fixtures/smithy/lambda.json');

export const lambdaModelPresent = (): boolean => existsSync(LAMBDA_SMITHY);

export function smithyGraph(path: string, operations: string[]): ShapeModel {
  const result = importSmithy(readFileSync(path, 'utf8'), operations, { file: path });
  const text = typeof result.document === 'string' ? result.document : JSON.stringify(result.document);
  return readOpenApi(documentFromText(text, `${operations.join('-')}.json`));
}
