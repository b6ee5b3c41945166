/** Writing generated files to a folder, or checking that the folder already holds them. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { GeneratedFile } from './emit/typescript.js';

/** Build products and installs inside the output folder that the generator does not own. */
const NOT_OURS = [/^client\/dist\//, /(^|\/)node_modules\//, /\.tgz$/];

function existingFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = relative(root, full).split('\\').join('/');
      if (NOT_OURS.some((pattern) => pattern.test(entry.isDirectory() ? `${path}/` : path))) continue;
      if (entry.isDirectory()) walk(full);
      else found.push(path);
    }
  };
  walk(root);
  return found.sort();
}

export interface Difference {
  path: string;
  kind: 'stale' | 'missing' | 'extra';
}

export function compareOutput(root: string, files: GeneratedFile[]): Difference[] {
  const differences: Difference[] = [];
  const expected = new Set(files.map((f) => f.path));
  for (const file of files) {
    const full = join(root, file.path);
    if (!existsSync(full)) differences.push({ path: file.path, kind: 'missing' });
    else if (readFileSync(full, 'utf8') !== file.content) differences.push({ path: file.path, kind: 'stale' });
  }
  for (const path of existingFiles(root)) if (!expected.has(path)) differences.push({ path, kind: 'extra' });
  return differences;
}

/** Writes what changed and removes generated files the model no longer produces. */
export function writeOutput(root: string, files: GeneratedFile[]): Difference[] {
  const differences = compareOutput(root, files);
  for (const difference of differences) {
    const full = join(root, difference.path);
    if (difference.kind === 'extra') {
      rmSync(full);
      continue;
    }
    const file = files.find((f) => f.path === difference.path)!;
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.content);
  }
  return differences;
}
