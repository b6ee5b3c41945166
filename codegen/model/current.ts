/** Which documents make the current API: the last revision (file names sort chronologically) and the companions. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function revisionPaths(root = '.'): string[] {
  const revisions = join(root, 'model', 'revisions');
  const files = existsSync(revisions) ? readdirSync(revisions).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  return files.map((f) => join(revisions, f));
}

export function currentModelPaths(root = '.'): string[] {
  const revisions = revisionPaths(root);
  if (revisions.length === 0) throw new Error(`no revision found in ${join(root, 'model', 'revisions')}`);
  const paths = [revisions[revisions.length - 1]];
  const companions = join(root, 'model', 'companions.yaml');
  if (existsSync(companions)) paths.push(companions);
  return paths;
}
