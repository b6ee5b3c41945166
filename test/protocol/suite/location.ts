// Where AWS's restJson1 compliance suite is read from: ../shared, beside the project, never a copy
// inside it. Everything that needs the suite asks `hasSuite()` first and skips visibly without it.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const suiteRoot = join(projectRoot, '..', 'shared', 'fixtures', 'smithy-protocol-tests');

/** The model files and the trait definitions they use: together one Smithy model. */
export const suitePaths = [join(suiteRoot, 'model'), join(suiteRoot, 'traits')];

export const hasSuite = (): boolean => existsSync(join(suiteRoot, 'model')) && existsSync(join(suiteRoot, 'traits'));

/** How test titles and messages name the suite's location. */
export const SUITE_SHOWN = '../shared/fixtures/smithy-protocol-tests';
