// The one generation every test/lambda file shares: AWS's Lambda model (../shared) imported whole
// with the project's Smithy importer into one OpenAPI document, generated once, type-checked once.
//
// The result lives in .tmp/lambda/<key>/ (inside the repository, so generated code resolves the
// project's node_modules), keyed by the model, the generator's sources and this harness: a second
// test file, a second run or the status recorder reuse it; a change to the generator makes a new one.
// A lock folder lets parallel vitest workers wait for the one that generates.
//
// While the generator cannot take all 85 operations at once, the harness still measures each
// operation: it generates the largest set the generator accepts, taking out the operations whose
// shapes a refusal points at (each with that refusal as its cause) until the rest generates.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { stringify } from 'yaml';
import { readBase } from '../../codegen/import/base.js';
import { importSmithy } from '../../codegen/import/smithy.js';
import { buildModel, documentFromText, ModelError, type LoadedDocument } from '../../codegen/model/read-openapi.js';
import { generateFromDocuments } from '../../codegen/generate.js';
import { writeOutput } from '../../codegen/output.js';
import { GENERATED_TS_OPTIONS } from '../codegen/helpers.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** AWS's Smithy model of the whole Lambda API: read from ../shared, never copied into the project. */
export const LAMBDA_JSON = resolve(ROOT, '..', 'shared', 'fixtures', 'smithy', 'lambda.json');
export const hasLambdaModel = existsSync(LAMBDA_JSON);
/** Where skipped tests say the model would come from. */
export const SKIP_REASON = 'skipped: ../shared/fixtures/smithy/lambda.json is absent';
/** The committed revision that supplies what the Smithy model lacks (the validation error, success wording). */
const BASE_REVISION = 'model/revisions/2026.yaml';
const HARNESS_VERSION = '4';

export interface Generation {
  key: string;
  /** Folder with the imported document (lambda.yaml) and the generated output (out/). */
  dir: string;
  out: string;
  /** Every operation of the model, sorted. */
  operations: string[];
  /** The first refusal when all operations are generated together, or undefined when they generate. */
  together: { error?: string };
  /** Operations of the model that the imported document lacks. */
  lost: string[];
  /** Operations the importer leaves out on purpose (event streams), with the reason it gives. */
  leftOut: Record<string, string>;
  importMs: number;
  generateMs: number;
  /** Operations generated (the largest set the generator accepts). */
  generated: string[];
  /** Operations taken out, with the refusal that named their shapes. */
  refused: Record<string, string>;
  typecheck: {
    ms: number;
    /** Diagnostics that name an operation's own files or declarations, by operation. */
    byOperation: Record<string, string[]>;
    /** Diagnostics in shared files that no single operation owns (they fail every generated operation). */
    shared: string[];
    total: number;
  };
  /** The model's validation error (x-validation-error), which validation failures answer with. */
  validationError?: string;
}

/** A document already in memory, as the generator takes it (no second parse of a large text). */
function inMemory(document: Doc): LoadedDocument {
  const text = JSON.stringify(document);
  return { source: { path: 'lambda.yaml', sha256: createHash('sha256').update(text).digest('hex') }, document };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js|json|hbs|yaml)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The cache key: the model, every generator source, this harness and the installed TypeScript. */
function cacheKey(): string {
  const hash = createHash('sha256').update(HARNESS_VERSION);
  for (const file of [LAMBDA_JSON, join(ROOT, 'package-lock.json'), join(ROOT, BASE_REVISION), join(ROOT, 'test/lambda/generation.ts'), ...filesUnder(join(ROOT, 'codegen'))]) {
    hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export function operationNames(model: { shapes: Record<string, { type: string }> }): string[] {
  return Object.entries(model.shapes).filter(([, s]) => s.type === 'operation').map(([id]) => id.replace(/^.*#/, '')).sort();
}

type Doc = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function operationsOf(doc: Doc): { name: string; path: string; method: string; op: Doc }[] {
  const out = [];
  for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
    for (const method of METHODS) if (item[method]) out.push({ name: item[method].operationId as string, path, method, op: item[method] });
  }
  return out;
}

/** Schema names an operation reaches through $refs and x-errors, transitively. */
function schemasReached(doc: Doc, start: unknown): Set<string> {
  const schemas = doc.components?.schemas ?? {};
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = decodeURIComponent(value.slice('#/components/schemas/'.length)).replace(/~1/g, '/').replace(/~0/g, '~');
        if (!seen.has(name)) { seen.add(name); walk(schemas[name]); }
      } else if (key === 'x-errors' && Array.isArray(value)) {
        for (const name of value) if (typeof name === 'string' && !seen.has(name)) { seen.add(name); walk(schemas[name]); }
      } else walk(value);
    }
  };
  walk(start);
  return seen;
}

/** The document with only the named operations and the schemas they (and the validation error) reach. */
export function restrictTo(doc: Doc, keep: Set<string>): Doc {
  const paths: Doc = {};
  for (const { name, path, method, op } of operationsOf(doc)) {
    if (!keep.has(name)) continue;
    paths[path] ??= Object.fromEntries(Object.entries(doc.paths[path]).filter(([k]) => !METHODS.includes(k)));
    paths[path][method] = op;
  }
  const roots: unknown[] = [paths];
  if (doc['x-validation-error']) roots.push({ 'x-errors': [doc['x-validation-error']] });
  const reached = schemasReached(doc, roots);
  const schemas = Object.fromEntries(Object.entries<unknown>(doc.components?.schemas ?? {}).filter(([name]) => reached.has(name)));
  return { ...doc, paths, components: { ...doc.components, schemas } };
}

/** The operations a refusal points at: by its path, or through the schema it names. */
function operationsBlamed(doc: Doc, error: ModelError, among: Set<string>): string[] {
  const pointer = error.pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (pointer[0] === 'paths' && pointer.length >= 3) {
    const op = doc.paths?.[pointer[1]!]?.[pointer[2]!];
    if (op?.operationId && among.has(op.operationId)) return [op.operationId];
    if (pointer.length === 2 || !METHODS.includes(pointer[2]!)) {
      return operationsOf(doc).filter((o) => o.path === pointer[1] && among.has(o.name)).map((o) => o.name);
    }
  }
  if (pointer[0] === 'components' && pointer[1] === 'schemas' && pointer[2]) {
    const schema = pointer[2];
    return operationsOf(doc).filter((o) => among.has(o.name) && schemasReached(doc, o.op).has(schema)).map((o) => o.name);
  }
  return [];
}

/** The largest set of operations that the generator's model reader accepts, and why the others are refused. */
export function acceptedSubset(doc: Doc, all: string[]): { keep: Set<string>; refused: Record<string, string>; together?: string } {
  const keep = new Set(all);
  const refused: Record<string, string> = {};
  let together: string | undefined;
  for (let attempt = 0; attempt <= all.length && keep.size > 0; attempt++) {
    try {
      buildModel([inMemory(restrictTo(doc, keep))]);
      break;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      together ??= message;
      const blamed = error instanceof ModelError ? operationsBlamed(doc, error, keep) : [];
      // A refusal that names no operation of the set cannot be narrowed down: it refuses them all.
      for (const name of blamed.length > 0 ? blamed : [...keep]) {
        refused[name] = message.replace(/^lambda\.yaml: /, '');
        keep.delete(name);
      }
    }
  }
  return { keep, refused, ...(together !== undefined ? { together } : {}) };
}

/** A diagnostic's owner: an operation whose name is the file's or the enclosing declaration's. */
function ownerOf(fileName: string, declaration: string | undefined, operations: string[]): string | undefined {
  const base = fileName.replace(/^.*\//, '').replace(/\.ts$/, '');
  const byLength = [...operations].sort((a, b) => b.length - a.length);
  for (const name of [base, declaration ?? '']) {
    const stripped = name.replace(/^(?:se_|de_|handle|validate)/, '').replace(/(?:Command|Input|Output|Request|Response|CommandInput|CommandOutput)$/, '');
    const found = byLength.find((op) => stripped === op || name === `${op}Command` || name.startsWith(`se_${op}Command`) || name.startsWith(`de_${op}Command`));
    if (found) return found;
  }
  return undefined;
}

function enclosingDeclaration(file: ts.SourceFile, position: number): string | undefined {
  for (const statement of file.statements) {
    if (position < statement.getStart(file) || position > statement.getEnd()) continue;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name) {
      return statement.name.text;
    }
    if (ts.isVariableStatement(statement)) {
      const first = statement.declarationList.declarations[0];
      if (first && ts.isIdentifier(first.name)) return first.name.text;
    }
  }
  return undefined;
}

/** tsc over the generated client, server and validators: strict and exactOptionalPropertyTypes. */
/**
 * The shapes each operation reaches (input, output, errors, and every member's target, by local
 * name): a diagnostic inside a shared declaration named after a shape (`FunctionConfiguration`,
 * `de_FunctionConfiguration`) belongs to the operations that use that shape.
 */
export function shapesByOperation(model: { shapes: Record<string, any> }, operations: string[]): Map<string, Set<string>> {
  const local = (id: string) => id.replace(/^.*#/, '');
  const out = new Map<string, Set<string>>();
  for (const name of operations) {
    const id = Object.keys(model.shapes).find((k) => local(k) === name && model.shapes[k].type === 'operation');
    if (!id) continue;
    const op = model.shapes[id];
    const seen = new Set<string>();
    const walk = (target: string | undefined) => {
      if (!target || seen.has(target) || target.startsWith('smithy.api#')) return;
      seen.add(target);
      const shape = model.shapes[target];
      for (const m of [...Object.values<any>(shape?.members ?? {}), shape?.member, shape?.key, shape?.value]) if (m) walk(m.target);
    };
    for (const t of [op.input?.target, op.output?.target, ...(op.errors ?? []).map((e: { target: string }) => e.target)]) walk(t);
    out.set(name, new Set([...seen].map(local)));
  }
  return out;
}

function ownersByShape(declaration: string | undefined, shapes: Map<string, Set<string>> | undefined): string[] {
  if (!declaration || !shapes) return [];
  const name = declaration.replace(/^(?:se_|de_|validate|check|read|write|serialize|deserialize)/, '');
  const owners: string[] = [];
  for (const [op, reached] of shapes) if (reached.has(name) || reached.has(declaration)) owners.push(op);
  return owners;
}

export function typeCheckGenerated(out: string, operations: string[], shapes?: Map<string, Set<string>>): Generation['typecheck'] {
  const started = performance.now();
  const files = ts.sys.readDirectory(out, ['.ts'], ['**/dist/**', '**/node_modules/**']);
  const program = ts.createProgram(files, { ...GENERATED_TS_OPTIONS, exactOptionalPropertyTypes: true });
  const byOperation: Record<string, string[]> = {};
  const shared: string[] = [];
  const diagnostics = ts.getPreEmitDiagnostics(program);
  for (const d of diagnostics) {
    const where = d.file ? `${relative(out, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '(program)';
    const text = `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 300)}`;
    const declaration = d.file ? enclosingDeclaration(d.file, d.start ?? 0) : undefined;
    const owner = d.file ? ownerOf(d.file.fileName, declaration, operations) : undefined;
    const owners = owner ? [owner] : ownersByShape(declaration, shapes).filter((op) => operations.includes(op));
    if (owners.length > 0) for (const op of owners) (byOperation[op] ??= []).push(text);
    else shared.push(text);
  }
  return { ms: Math.round(performance.now() - started), byOperation, shared, total: diagnostics.length };
}

/** Every operation of the Lambda model imported together into one OpenAPI document, with the project's Smithy importer. */
export function importLambda(): { model: Doc; operations: string[]; yaml: string; doc: Doc; written: string[]; lost: string[]; leftOut: Record<string, string>; importMs: number } {
  const text = readFileSync(LAMBDA_JSON, 'utf8');
  const model = JSON.parse(text);
  const operations = operationNames(model);
  const started = performance.now();
  // The whole service, as a user imports it: an operation the importer cannot carry (an event stream) is left out and listed.
  const imported = importSmithy(text, [], { file: 'lambda.json', name: 'lambda', base: readBase(readFileSync(join(ROOT, BASE_REVISION), 'utf8'), BASE_REVISION) });
  const importMs = Math.round(performance.now() - started);
  const doc = documentFromText(imported.yaml, 'lambda.yaml').document;
  // An operation the importer does not write cannot be generated: its cause is the import's.
  const written = new Set(operationsOf(doc).map((o) => o.name));
  const leftOut = Object.fromEntries(
    imported.undetermined.filter((u) => u.subject.startsWith('operation ') && u.assumed === 'left out').map((u) => [u.subject.slice('operation '.length), u.reason]),
  );
  return { model, operations, yaml: imported.yaml, doc, written: operations.filter((name) => written.has(name)), lost: operations.filter((name) => !written.has(name)), leftOut, importMs };
}

async function generateNow(dir: string, key: string): Promise<Generation> {
  const { model, operations, yaml, doc, written: writtenList, lost, leftOut, importMs } = importLambda();
  writeFileSync(join(dir, 'lambda.yaml'), yaml);
  const written = new Set(writtenList);
  let started: number;
  started = performance.now();
  const { keep, refused, together } = acceptedSubset(doc, operations.filter((name) => written.has(name)));
  for (const name of lost) {
    const trait = model.shapes[Object.keys(model.shapes).find((id) => id.endsWith(`#${name}`))!]?.traits?.['smithy.api#http'];
    refused[name] = leftOut[name] ? `the importer leaves it out: ${leftOut[name]}` : `the import loses the operation (no operationId ${name} in the imported document; its http trait is ${trait?.method} ${trait?.uri})`;
  }
  const out = join(dir, 'out');
  let generated = [...keep].sort();
  if (generated.length > 0) {
    const subset = generated.length === operations.length ? doc : restrictTo(doc, keep);
    if (subset !== doc) writeFileSync(join(dir, 'lambda-generated-subset.yaml'), stringify(subset));
    try {
      const { files } = await generateFromDocuments([inMemory(subset)]);
      writeOutput(out, files);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const name of generated) refused[name] = `the emitters fail: ${message.split('\n')[0]}`;
      generated = [];
    }
  }
  const generateMs = Math.round(performance.now() - started);
  const typecheck = generated.length > 0 ? typeCheckGenerated(out, generated, shapesByOperation(model as { shapes: Record<string, any> }, generated)) : { ms: 0, byOperation: {}, shared: [], total: 0 };
  return {
    key, dir, out, operations, lost, leftOut, together: together !== undefined ? { error: together } : {}, importMs, generateMs, generated, refused, typecheck,
    ...(doc['x-validation-error'] ? { validationError: doc['x-validation-error'] as string } : {}),
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The shared generation: made once per generator state, waited for by every other caller. */
export async function lambdaGeneration(): Promise<Generation> {
  const key = cacheKey();
  const parent = join(ROOT, '.tmp', 'lambda');
  const dir = join(parent, key);
  const result = join(dir, 'generation.json');
  const lock = join(parent, `${key}.lock`);
  mkdirSync(parent, { recursive: true });
  for (let waited = 0; waited < 600; waited++) {
    if (existsSync(result)) return JSON.parse(readFileSync(result, 'utf8')) as Generation;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker generates; a lock older than ten minutes belonged to a process that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      // Older generations of the harness are of no further use.
      for (const entry of readdirSync(parent)) if (entry !== key && entry !== `${key}.lock` && !entry.endsWith('.lock')) rmSync(join(parent, entry), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const generation = await generateNow(dir, key);
      writeFileSync(result, `${JSON.stringify(generation, null, 2)}\n`);
      return generation;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  throw new Error(`gave up waiting for another process to generate ${dir}`);
}
