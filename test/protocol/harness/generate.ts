// One service of the suite, generated the way a user would: its operations imported from the
// Smithy model into an OpenAPI document (codegen/import), that document through the generator
// (codegen/generate.ts) into a scratch folder, the client and the server bundled with esbuild and
// loaded. Each stage that fails is recorded with its message: every case of that service then
// fails with it, since a user would have no client or server either.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generateFromDocuments } from '../../../codegen/generate.js';
import { importSmithy } from '../../../codegen/import/smithy.js';
import { buildModel, documentFromText } from '../../../codegen/model/read-openapi.js';
import { clientSymbols } from '../../../codegen/model/symbols.js';
import { localName, type SmithyAst } from '../../../codegen/smithy/ast.js';
import { projectRoot } from '../suite/location.js';
import { operationsOf, UNBOUND } from '../suite/services.js';

export type Stage = 'import' | 'generate' | 'bundle' | 'load';

export interface GeneratedService {
  ok: true;
  service: string;
  /** The generated client module (its index): the client class, commands, errors. */
  client: Record<string, any>;
  /** The generated server module (its index): createNodeListener, createRequestHandler. */
  server: Record<string, any>;
  clientClass: string;
  /** Smithy operation id → the name the generated code gives it. */
  operationNames: Map<string, string>;
  /** Operations of the service left out of the generation (skips.json). */
  excluded: string[];
  /** Diagnostic runs only: operations left out because the generator refuses them on their own, with its reason. */
  refused: Map<string, string>;
}

export interface FailedService {
  ok: false;
  service: string;
  stage: Stage;
  message: string;
  /** As in GeneratedService. */
  refused: Map<string, string>;
  /** Bundling only: the generated files esbuild found errors in. */
  errorFiles?: string[];
}

export type ServiceBuild = GeneratedService | FailedService;

/** A scratch folder inside node_modules/.cache, so that the bundles' packages resolve from the project. */
export function scratchFolder(): { path: string; dispose: () => void } {
  const parent = join(projectRoot, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  const path = mkdtempSync(join(parent, 'permgen-protocol-'));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();

type BundleErrors = { text: string; location?: { file: string; line: number; column: number } | null }[];

function bundleErrorFiles(error: unknown): string[] {
  return [...new Set(((error as { errors?: BundleErrors }).errors ?? []).flatMap((e) => (e.location ? [e.location.file] : [])))];
}

/** esbuild's failure names its errors apart from its message: the first of them, where it is in the generated output. */
function bundleFailure(error: unknown): string {
  const errors = (error as { errors?: BundleErrors }).errors;
  if (!errors?.length) return firstLine(error);
  const at = (e: (typeof errors)[number]) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '');
  return `${at(errors[0])}${errors[0].text}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
}

/**
 * What the generator says about one operation imported on its own (import and model building, no
 * emitting: cheap), or undefined when it takes it.
 */
export function refusalOnItsOwn(ast: SmithyAst, operation: string): string | undefined {
  try {
    buildModel([documentFromText(importSmithy(ast as never, [operation], { name: localName(operation) }).yaml, `${localName(operation)}.yaml`)]);
    return undefined;
  } catch (error) {
    return firstLine(error);
  }
}

/** Whether the operation's input or output has an event stream (a `@streaming` union). */
export function isEventStreamOperation(ast: SmithyAst, operation: string): boolean {
  const shape = ast.shapes[operation];
  return [shape?.input?.target, shape?.output?.target].some((id) =>
    Object.values((id && ast.shapes[id]?.members) || {}).some((m) => ast.shapes[m.target]?.type === 'union' && ast.shapes[m.target].traits?.['smithy.api#streaming'] !== undefined),
  );
}

export interface GenerateOptions {
  /**
   * Diagnostic only, never counted: leave out the operations the generator refuses on their own,
   * so that the cases of the others show what fails beyond generation.
   */
  onlyAcceptedOperations?: boolean;
}

export async function generateService(ast: SmithyAst, serviceId: string, excludedOperations: ReadonlySet<string>, folder: string, options: GenerateOptions = {}): Promise<ServiceBuild> {
  const all = operationsOf(ast, serviceId);
  const refused = new Map<string, string>();
  if (options.onlyAcceptedOperations) {
    for (const op of all) {
      const reason = excludedOperations.has(op) ? undefined : refusalOnItsOwn(ast, op);
      if (reason) refused.set(op, reason);
    }
  }
  const name = serviceId.startsWith(UNBOUND) ? `Unbound_${serviceId.slice(UNBOUND.length).replace(/\W/g, '_')}` : localName(serviceId);
  // A diagnostic run also leaves out operations whose own generated files do not compile, a few
  // rounds at most; errors in shared files stop it.
  for (let round = 0; ; round++) {
    const result = await generateOnce(ast, serviceId, all, excludedOperations, refused, join(folder, round ? `${name}.${round}` : name), name);
    if (result.ok || !options.onlyAcceptedOperations || result.stage !== 'bundle' || round === MAX_DIAGNOSTIC_ROUNDS) return result;
    const culprits = all.filter((op) => result.errorFiles?.some((file) => operationOfFile(file) === localName(op)));
    if (!culprits.length) return result;
    for (const op of culprits) refused.set(op, `its generated code does not bundle: ${result.message}`);
  }
}

const MAX_DIAGNOSTIC_ROUNDS = 5;

/** The operation a generated file belongs to, if it belongs to one. */
export function operationOfFile(file: string): string | undefined {
  return /^(?:server\/operations|validators)\/(\w+)\.ts$/.exec(file)?.[1] ?? /^client\/src\/commands\/(\w+)Command\.ts$/.exec(file)?.[1];
}

async function generateOnce(
  ast: SmithyAst, serviceId: string, all: string[], excludedOperations: ReadonlySet<string>, refused: Map<string, string>, out: string, name: string,
): Promise<ServiceBuild> {
  const operations = all.filter((op) => !excludedOperations.has(op) && !refused.has(op));
  const excluded = all.filter((op) => excludedOperations.has(op));
  const fail = (stage: Stage, error: unknown): FailedService => ({ ok: false, service: serviceId, stage, message: firstLine(error), refused });

  // As a user imports a service: the whole of it (`--service`), the importer itself leaving out
  // the event-stream operations (skips.json names them). Operations that no service binds, a
  // diagnostic run and a skip list leaving out anything else name their operations instead.
  const whole = !serviceId.startsWith(UNBOUND) && !refused.size && excluded.every((op) => isEventStreamOperation(ast, op));
  let yaml: string;
  try {
    const file = `${name} (smithy-protocol-tests)`;
    yaml = (whole ? importSmithy(ast as never, [], { file, name, service: serviceId }) : importSmithy(ast as never, operations, { file, name })).yaml;
  } catch (error) {
    return fail('import', error);
  }
  let generated: Awaited<ReturnType<typeof generateFromDocuments>>;
  try {
    generated = await generateFromDocuments([documentFromText(yaml, `${name}.yaml`)]);
  } catch (error) {
    return fail('generate', error);
  }
  for (const file of generated.files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.content);
  }
  const bundles = { client: join(out, 'client.bundle.mjs'), server: join(out, 'server.bundle.mjs') };
  try {
    await build({
      entryPoints: { 'client.bundle': join(out, 'client', 'src', 'index.ts'), 'server.bundle': join(out, 'server', 'index.ts') },
      outdir: out,
      absWorkingDir: out,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
  } catch (error) {
    return { ...fail('bundle', error), message: bundleFailure(error), errorFiles: bundleErrorFiles(error) };
  }
  try {
    const client = await import(pathToFileURL(bundles.client).href);
    const server = await import(pathToFileURL(bundles.server).href);
    const operationNames = new Map<string, string>();
    for (const id of operations) {
      const op = generated.model.operations.find((o) => o.name === localName(id));
      if (op) operationNames.set(id, op.name);
    }
    return { ok: true, service: serviceId, client, server, clientClass: clientSymbols.client(generated.model.serviceName), operationNames, excluded, refused };
  } catch (error) {
    return fail('load', error);
  }
}
