/**
 * Client package emitter: a `<Service>Client`, one `<Operation>Command` per operation, the
 * input/output types, one exception class per modeled error, the restJson1 serializers and
 * deserializers kept apart from the commands (../rest-json1/client.ts), and the runtime beside
 * this file, as a package that ships compiled JavaScript.
 */
import type { ServiceModel } from '../../model/ir.js';
import { emitClientProtocol, shipWireRuntime } from '../rest-json1/client.js';
import { shipRuntime } from '../shipped.js';
import { shipEventStreamRuntime } from '../rest-json1/event-stream.js';
import { generatedHeader, type GeneratedFile } from '../typescript.js';
import { readFileSync } from 'node:fs';
import { emitAggregatedClient } from './aggregated.js';
import { emitClientClass } from './client-class.js';
import { emitCommand } from './commands.js';
import { emitEntryPoint } from './entry-point.js';
import { emitErrors } from './errors.js';
import { emitModels } from './models.js';
import { defaultPackageName } from './names.js';
import { emitPackageFiles } from './package-files.js';
import { emitPaginators } from './paginators.js';
import { emitWaiters } from './waiters.js';

export { clientNames, defaultPackageName } from './names.js';

export interface ClientPackageOptions {
  /** npm package name; defaults to `@permgen/client-<service>`. */
  packageName?: string;
  version: string;
  /** Version ranges of the runtime libraries the package depends on. */
  dependencies: Record<string, string>;
}

/** The client runtime, one concern per file (runtime/ beside this file). */
const RUNTIME_FILES = [
  'aggregated-send.ts',
  'auth.ts',
  'bytes.ts',
  'config.ts',
  'defaults.browser.ts',
  'defaults.ts',
  'fetch-handler.ts',
  'lazy.ts',
  'rest-json1.ts',
  'retry.ts',
  'sdk-config.ts',
  'sdk-retry.ts',
  'serde.ts',
  'signing.ts',
  'uri.ts',
  'values.ts',
];

/** The script that builds the package's ES module and CommonJS outputs (package/ beside this file). */
const BUILD_SCRIPT = new URL('./package/build.mjs', import.meta.url);

export function emitClient(model: ServiceModel, options: ClientPackageOptions): GeneratedFile[] {
  const header = generatedHeader(model);
  return [
    ...emitPackageFiles(model, { packageName: options.packageName ?? defaultPackageName(model), version: options.version, dependencies: options.dependencies }),
    ...shipRuntime(import.meta.url, RUNTIME_FILES, 'client/src/runtime', header),
    ...shipWireRuntime('client/src/runtime', header),
    ...shipEventStreamRuntime(model, 'client/src/runtime', header),
    emitModels(model, header),
    emitErrors(model, header),
    emitClientProtocol(model, header),
    ...model.operations.map((operation) => emitCommand(model, operation, header)),
    emitClientClass(model, header),
    emitAggregatedClient(model, header),
    ...emitPaginators(model, header),
    ...emitWaiters(model, header),
    emitEntryPoint(model, header),
    { path: 'client/build.mjs', content: `${generatedHeader(model, '//')}\n${readFileSync(BUILD_SCRIPT, 'utf8')}` },
  ];
}
