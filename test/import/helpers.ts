// Shared by the importer's tests: the committed captures and revisions, and import shortcuts.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readBase, type Base } from '../../codegen/import/base.js';
import { importDoc, type DocImportOptions } from '../../codegen/import/doc/import-doc.js';
import type { ImportResult } from '../../codegen/import/types.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(root, 'test', 'import', 'fixtures');

export const CAPTURES = {
  '000': 'model/sources/000_3c6a77f024b23009.txt',
  '001': 'model/sources/001_31e768cfcebed449.txt',
  '002': 'model/sources/002_d759dc53a5faecdd.txt',
  '003': 'model/sources/003_d6abab30469e4984.txt',
  '004': 'model/sources/004_c4767a7f3ce6f2dd.txt',
} as const;
export type Capture = keyof typeof CAPTURES;

export const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
export const capture = (c: Capture) => read(CAPTURES[c]);
export const committed = (name: string) => parse(read(`model/revisions/${name}.yaml`));
export const base = (name: string): Base => readBase(read(`model/revisions/${name}.yaml`), `model/revisions/${name}.yaml`);

/** The shared folder next to the project (AWS's Smithy model; never copied into the project). */
export const sharedSmithy = join(root, '..', 'shared', 'fixtures', 'smithy', 'lambda.json');
export const hasShared = existsSync(sharedSmithy);

export interface ImportSpec {
  base?: string;
  evidence?: Capture[];
  smithy?: string;
}

export function importCapture(c: Capture, spec: ImportSpec = {}, text = capture(c)): ImportResult & { parsed: any } {
  const options: DocImportOptions = { file: CAPTURES[c], name: 'imported' };
  if (spec.base) options.base = base(spec.base);
  if (spec.evidence) options.evidence = spec.evidence.map((e) => ({ text: capture(e), file: CAPTURES[e] }));
  if (spec.smithy) options.smithy = { model: readFileSync(spec.smithy, 'utf8'), file: spec.smithy };
  const result = importDoc(text, options);
  return { ...result, parsed: parse(result.yaml) };
}

/** Undetermined entries as `subject: fact` lines, sorted. */
export const undeterminedKeys = (r: ImportResult) => r.undetermined.map((u) => `${u.subject}: ${u.fact}`).sort();
