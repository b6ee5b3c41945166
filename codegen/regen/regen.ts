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
import { importSource, PageRefused, readBase, sourceKind, type Undetermined } from '../import/index.js';
import { readSourceText } from '../import/smithy.js';
import { toYaml } from '../import/write-document.js';
import { writeOutput } from '../output.js';
import { compareClientPackages } from '../diff/surface/compare.js';
import { nextSteps } from './next-steps.js';
import { describeDependencies, droppedRuntimeErrors } from './runtime-dependencies.js';
import { copySources, planSource } from './sources.js';

export class RegenRefused extends Error {}

/**
 * Facts a page may leave open without blocking a regeneration: they decide only the order in
 * which violations are listed, and the importer records what it assumed in the revision.
 */
const ORDER_ONLY_FACTS = new Set(['position in x-member-order', 'x-member-order']);

/** Diff findings that say where a revision's facts came from, not what the API or its documentation says. */
const PROVENANCE_ONLY = new Set(['constraints-carried-over']);

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
  /** Other captures of the same revision (repair evidence), as for `npm run import`. */
  evidence?: string[];
  /** AWS's Smithy model as evidence for a page, as for `npm run import`. */
  smithy?: string;
  /** Write the revision even where the runtime raises an error it no longer declares. */
  acceptRuntimeChanges?: boolean;
  log: (line: string) => void;
}

export interface RegenResult {
  revisionPath?: string;
  version?: string;
  bump: Bump;
  /** False when the page changes nothing: then nothing was written. */
  changed: boolean;
  /** Generated files written or removed. */
  generatedChanged: string[];
}

export async function regen(options: RegenOptions): Promise<RegenResult> {
  const { root, log } = options;
  const [currentPath, ...companions] = currentModelPaths(root);
  const name = options.name ?? String(new Date().getFullYear());
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new RegenRefused(`"${name}" is not a usable revision name`);
  const revisionPath = join(root, 'model', 'revisions', `${name}.yaml`);
  if (existsSync(revisionPath)) throw new RegenRefused(`${relative(root, revisionPath)} already exists: choose another --name`);
  if (`${name}.yaml` <= basename(currentPath)) {
    throw new RegenRefused(`"${name}" sorts before the current revision ${basename(currentPath)}: revisions are ordered by file name`);
  }

  // 1. Import against the current revision, which supplies what the page does not state. The
  // revision records the pages where they will be kept: model/sources/.
  const text = readSourceText(options.source); // a page, a JSON AST, or Smithy IDL (.smithy file or folder)
  const kind = sourceKind(text);
  // A Smithy model (perhaps a folder of IDL files) is the published source itself: only pages are kept.
  const page = kind === 'smithy' ? undefined : planSource(root, options.source, name, 'page');
  const evidence = (options.evidence ?? []).map((file, i) => planSource(root, file, name, `evidence${i + 1}`));
  const keptSources = page ? [page, ...evidence] : [];
  log(`1/5 import: ${options.source} (${kind === 'smithy' ? 'Smithy model' : 'reference page'}), base ${relative(root, currentPath)}`);
  const currentText = readFileSync(currentPath, 'utf8');
  const currentBase = readBase(currentText, relative(root, currentPath));
  const imported = namingPagesAsGiven(keptSources, () => importSource(text, {
    file: page ? page.recorded : relative(root, options.source),
    name,
    base: currentBase,
    operations: options.operations,
    evidence: evidence.map((e) => ({ text: readFileSync(e.from, 'utf8'), file: e.recorded })),
    smithy: options.smithy ? { model: readSourceText(options.smithy), file: relative(root, options.smithy) } : undefined,
  }));
  const describe = (u: Undetermined) => `  - ${u.subject}: ${u.fact} (${u.reason})${u.assumed === undefined ? '' : `; assumed ${u.assumed}`}`;
  const blocking = imported.undetermined.filter((u) => !ORDER_ONLY_FACTS.has(u.fact));
  if (blocking.length > 0) {
    throw new RegenRefused(`the import could not determine ${blocking.length} required fact(s); nothing was written:\n${blocking.map(describe).join('\n')}\n`
      + 'Give the facts another way and run regen again: --evidence OTHER_CAPTURE (another capture of the same revision), or --smithy MODEL.json (AWS\'s model).');
  }
  for (const u of imported.undetermined) log(`    undetermined, recorded in the revision:\n${describe(u)}`);

  // 2. What changes, and what that means for the client package's version.
  const currentGraph = readOpenApi(documentFromText(currentText, relative(root, currentPath)));
  const current = fromGraph(currentGraph, relative(root, currentPath));
  const next = normalizeModel(imported.document, relative(root, revisionPath));
  const companionDocuments = companions.map((c) => loadDocument(c, root));
  // The same clients step 4 compares: the diff's TypeScript impact and bump are the version step regen takes.
  const result = diffModels(current, next, { companions: companionDocuments });
  // A finding that only restates where constraints were carried from is provenance, not a change of the API or its text.
  if (result.findings.every((f) => PROVENANCE_ONLY.has(f.id))) {
    log(`2/5 the page states nothing ${relative(root, currentPath)} does not: no new revision is needed, and nothing was written.`);
    return { bump: 'none', changed: false, generatedChanged: [] };
  }
  log(`2/5 diff against ${relative(root, currentPath)}:`);
  log(formatText(result).trimEnd());
  const currentVersion = currentGraph.service.clientVersion;
  if (typeof currentVersion !== 'string') {
    throw new RegenRefused(`${relative(root, currentPath)} has no info.x-client-version to bump: add the version its client package has`);
  }

  // 3. Behaviour of the runtime that depends on what the revision removes.
  const lines = imported.yaml.split('\n');
  const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('#')));
  const shownPath = relative(root, revisionPath);
  const nextBase = readBase(toYaml(imported.document, header), shownPath);
  const dropped = droppedRuntimeErrors(currentBase, nextBase);
  if (dropped.length > 0) {
    const list = describeDependencies(dropped);
    if (!options.acceptRuntimeChanges) {
      throw new RegenRefused(`the runtime depends on what this revision removes; nothing was written:\n${list}\n`
        + 'The server would answer these client mistakes with a 500. Change the runtime (runtime/errors.ts lists what it raises), '
        + 'or run regen again with --accept-runtime-changes to write the revision and fix the runtime after (npm test then fails its type check until you do).');
    }
    log(`3/5 the runtime depends on what this revision removes (written anyway, --accept-runtime-changes):\n${list}`);
  } else {
    log('3/5 the runtime raises no error this revision stops declaring');
  }

  // 4. Bindings from the new revision, built in memory first: a model the generator refuses
  // leaves the project untouched.
  // The version step is the one the client package's TypeScript surface takes (codegen/diff/surface).
  const build = (version: string) => generateFromDocuments([documentFromText(toYaml(withClientVersion(imported.document, version), header), shownPath), ...companionDocuments]);
  const before = await generateFromDocuments([documentFromText(currentText, relative(root, currentPath)), ...companionDocuments]);
  const surface = compareClientPackages(before.files, (await build(currentVersion)).files);
  const bump = surface.bump;
  log(`    client package surface: ${bump}${surface.changes.length ? `, for:\n${surface.changes.map((c) => `      - ${c.message} (${c.bump})`).join('\n')}` : ''}`);
  const version = bumpVersion(currentVersion, bump);
  const revisionText = toYaml(withClientVersion(imported.document, version), header);
  const { files } = await build(version);

  // 5. Write the pages, the revision, then the bindings.
  const copied = copySources(root, keptSources);
  mkdirSync(join(root, 'model', 'revisions'), { recursive: true });
  writeFileSync(revisionPath, revisionText);
  log(`4/5 wrote ${shownPath} (client version ${currentVersion} → ${version}, ${bump} bump)${copied.length ? ` and ${copied.join(', ')}` : ''}`);
  const changed = writeOutput(join(root, 'generated'), files);
  log(`5/5 regenerated generated/ from ${[shownPath, ...companions.map((c) => relative(root, c))].join(' + ')}: ${changed.length} of ${files.length} files changed`);
  for (const line of nextSteps({ name, revision: shownPath, sources: keptSources.map((s) => s.recorded), current: currentBase, next: nextBase, root })) log(line);
  return { revisionPath, version, bump, changed: true, generatedChanged: changed.map((c) => c.path) };
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

/** A refused page is named as the user gave it, not by the name it would have had in model/sources/. */
function namingPagesAsGiven<T>(sources: readonly { from: string; recorded: string }[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PageRefused)) throw error;
    let message = error.message;
    for (const s of sources) message = message.split(s.recorded).join(s.from);
    throw new PageRefused(message);
  }
}
