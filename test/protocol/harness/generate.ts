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
  const operations = all.filter((op) => !excludedOperations.has(op) && !refused.has(op));
  const excluded = all.filter((op) => excludedOperations.has(op));
  const name = serviceId.startsWith(UNBOUND) ? `Unbound_${serviceId.slice(UNBOUND.length).replace(/\W/g, '_')}` : localName(serviceId);
  const fail = (stage: Stage, error: unknown): FailedService => ({ ok: false, service: serviceId, stage, message: firstLine(error), refused });

  let yaml: string;
  try {
    yaml = importSmithy(ast as never, operations, { file: `${name} (smithy-protocol-tests)`, name }).yaml;
  } catch (error) {
    return fail('import', error);
  }
  let generated: Awaited<ReturnType<typeof generateFromDocuments>>;
  try {
    generated = await generateFromDocuments([documentFromText(yaml, `${name}.yaml`)]);
  } catch (error) {
    return fail('generate', error);
  }
  const out = join(folder, name);
  for (const file of generated.files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.content);
  }
  const bundles = { client: join(out, 'client.bundle.mjs'), server: join(out, 'server.bundle.mjs') };
  try {
    await build({
      entryPoints: { 'client.bundle': join(out, 'client', 'src', 'index.ts'), 'server.bundle': join(out, 'server', 'index.ts') },
      outdir: out,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
  } catch (error) {
    return fail('bundle', error);
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
