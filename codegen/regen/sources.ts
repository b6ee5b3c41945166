// Where regen keeps the pages a revision was imported from: model/sources/, so that the revision's
// provenance stays checkable in any clone. A page already there (byte for byte) is not copied
// again; a new one is named after the revision and its content hash, never after the caller's path.

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface PlannedSource {
  /** Where the page is read from. */
  from: string;
  /** Its path in the project, as the revision records it (`model/sources/...`). */
  recorded: string;
  /** False when model/sources/ already holds the same bytes. */
  copy: boolean;
}

/** Where `from` is (or will be) kept in `root`/model/sources/. */
export function planSource(root: string, from: string, revision: string, role: string): PlannedSource {
  const bytes = readFileSync(from);
  const dir = join(root, 'model', 'sources');
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).sort()) {
      const path = join(dir, file);
      if (readFileSync(path).equals(bytes)) return { from, recorded: `model/sources/${file}`, copy: false };
    }
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const ext = extname(from) || '.txt';
  return { from, recorded: `model/sources/${revision}-${role}_${hash}${ext}`, copy: true };
}

export function copySources(root: string, sources: PlannedSource[]): string[] {
  const copied: string[] = [];
  for (const s of sources.filter((x) => x.copy)) {
    mkdirSync(join(root, 'model', 'sources'), { recursive: true });
    copyFileSync(s.from, join(root, s.recorded));
    copied.push(s.recorded);
  }
  return copied;
}
