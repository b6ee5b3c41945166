// JSON output, as described by codegen/diff/diff-output.schema.json.

import type { ChainResult } from '../chain.js';
import type { DiffResult } from '../diff.js';

export function formatJson(result: DiffResult | ChainResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
