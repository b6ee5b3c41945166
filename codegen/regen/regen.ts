/**
 * One command from a revised reference page (or a Smithy model) to regenerated bindings: import
 * it against the current revision, show the diff, write the new revision with the client
 * version bumped as the diff suggests, and regenerate generated/. Nothing is written when the
 * import could not determine a fact the model needs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { currentModelPaths } from '../model/current.js';
import { diffModels } from '../diff/diff.js';
import { formatText } from '../diff/format/text.js';
import { fromGraph, normalizeModel } from '../diff/load.js';
import type { Bump } from '../diff/findings.js';
import { generateFromDocuments } from '../generate.js';
import { loadDocument, documentFromText } from '../model/document.js';
import { readOpenApi } from '../model/openapi/read.js';
import { importSource, readBase, sourceKind, type Undetermined } from '../import/index.js';
import { readSourceText } from '../import/smithy.js';
import { toYaml } from '../import/write-document.js';
import { writeOutput } from '../output.js';

export class RegenRefused extends Error {}

/**
 * Facts a page may leave open without blocking a regeneration: they decide only the order in
 * which violations are listed, and the importer records what it assumed in the revision.
 */
const ORDER_ONLY_FACTS = new Set(['position in x-member-order', 'x-member-order']);

/** `1.2.3` bumped by a semantic-version step. */
export function bumpVersion(version: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new RegenRefused(`the current client version "${version}" is not MAJOR.MINOR.PATCH`);
  const [major, minor, patch] = match.slice(1).map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return version;
}

export interface RegenOptions {
  source: string;
  name?: string;
  root: string;
  operations?: string[];
  log: (line: string) => void;
}

export async function regen(options: RegenOptions): Promise<{ revisionPath: string; version: string; bump: Bump }> {
  const { root, log } = options;
  const [currentPath, ...companions] = currentModelPaths(root);
  const name = options.name ?? String(new Date().getFullYear());
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new RegenRefused(`"${name}" is not a usable revision name`);
  const revisionPath = join(root, 'model', 'revisions', `${name}.yaml`);
  if (existsSync(revisionPath)) throw new RegenRefused(`${relative(root, revisionPath)} already exists: choose another --name`);
  if (`${name}.yaml` <= basename(currentPath)) {
    throw new RegenRefused(`"${name}" sorts before the current revision ${basename(currentPath)}: revisions are ordered by file name`);
  }

  // 1. Import against the current revision, which supplies what the page does not state.
  const text = readSourceText(options.source); // a page, a JSON AST, or Smithy IDL (.smithy file or folder)
  const kind = sourceKind(text);
  log(`1/4 import: ${options.source} (${kind === 'smithy' ? 'Smithy model' : 'reference page'}), base ${relative(root, currentPath)}`);
  const currentText = readFileSync(currentPath, 'utf8');
  const imported = importSource(text, {
    file: relative(root, options.source),
    name,
    base: readBase(currentText, relative(root, currentPath)),
    operations: options.operations,
  });
  const describe = (u: Undetermined) => `  - ${u.subject}: ${u.fact} (${u.reason})${u.assumed === undefined ? '' : `; assumed ${u.assumed}`}`;
  const blocking = imported.undetermined.filter((u) => !ORDER_ONLY_FACTS.has(u.fact));
  if (blocking.length > 0) {
    throw new RegenRefused(`the import could not determine ${blocking.length} required fact(s); nothing was written:\n${blocking.map(describe).join('\n')}`);
  }
  for (const u of imported.undetermined) log(`    undetermined, recorded in the revision:\n${describe(u)}`);

  // 2. What changes, and what that means for the client package's version.
  const currentGraph = readOpenApi(documentFromText(currentText, relative(root, currentPath)));
  const current = fromGraph(currentGraph, relative(root, currentPath));
  const next = normalizeModel(imported.document, relative(root, revisionPath));
  const result = diffModels(current, next);
  log(`2/4 diff against ${relative(root, currentPath)}:`);
  log(formatText(result).trimEnd());
  const currentVersion = currentGraph.service.clientVersion;
  if (typeof currentVersion !== 'string') {
    throw new RegenRefused(`${relative(root, currentPath)} has no info.x-client-version to bump: add the version its client package has`);
  }
  const version = bumpVersion(currentVersion, result.summary.semver);

  // 3. Bindings from the new revision, built in memory first: a model the generator refuses
  // leaves the project untouched.
  const document = withClientVersion(imported.document, version);
  const lines = imported.yaml.split('\n');
  const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('#')));
  const revisionText = toYaml(document, header);
  const shownPath = relative(root, revisionPath);
  const { files } = await generateFromDocuments([documentFromText(revisionText, shownPath), ...companions.map((c) => loadDocument(c, root))]);

  // 4. Write the revision, then the bindings.
  mkdirSync(join(root, 'model', 'revisions'), { recursive: true });
  writeFileSync(revisionPath, revisionText);
  log(`3/4 wrote ${shownPath} (client version ${currentVersion} → ${version}, ${result.summary.semver} bump)`);
  const changed = writeOutput(join(root, 'generated'), files);
  log(`4/4 regenerated generated/ from ${[shownPath, ...companions.map((c) => relative(root, c))].join(' + ')}: ${changed.length} of ${files.length} files changed`);
  return { revisionPath, version, bump: result.summary.semver };
}

/** The document with `info.x-client-version` placed right after `info.version`. */
function withClientVersion(document: Record<string, unknown>, version: string): Record<string, unknown> {
  const info = (document.info ?? {}) as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(info)) {
    if (key === 'x-client-version') continue;
    ordered[key] = value;
    if (key === 'version') ordered['x-client-version'] = version;
  }
  if (!('x-client-version' in ordered)) ordered['x-client-version'] = version;
  return { ...document, info: ordered };
}
