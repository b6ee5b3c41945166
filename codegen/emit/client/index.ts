/**
 * Client package emitter: a `<Service>Client`, one `<Operation>Command` per operation, the
 * input/output types, one exception class per modeled error, the restJson1 serializers and
 * deserializers kept apart from the commands (../rest-json1/client.ts), and the runtime beside
 * this file, as a package that ships compiled JavaScript.
 */
import type { ServiceModel } from '../../model/ir.js';
import { emitClientProtocol } from '../rest-json1/client.js';
import { shipRuntime } from '../shipped.js';
import { generatedHeader, type GeneratedFile } from '../typescript.js';
import { emitClientClass } from './client-class.js';
import { emitCommand } from './commands.js';
import { emitEntryPoint } from './entry-point.js';
import { emitErrors } from './errors.js';
import { emitModels } from './models.js';
import { defaultPackageName, enumNames } from './names.js';
import { emitPackageFiles } from './package-files.js';

export { clientNames, defaultPackageName } from './names.js';

export interface ClientPackageOptions {
  /** npm package name; defaults to `@permgen/client-<service>`. */
  packageName?: string;
  version: string;
  /** Version ranges of the runtime libraries the package depends on. */
  dependencies: Record<string, string>;
}

/** The client runtime, one concern per file (runtime/ beside this file). */
const RUNTIME_FILES = ['bytes.ts', 'config.ts', 'fetch-handler.ts', 'rest-json1.ts', 'serde.ts', 'signing.ts', 'uri.ts', 'values.ts'];

export function emitClient(model: ServiceModel, options: ClientPackageOptions): GeneratedFile[] {
  const header = generatedHeader(model);
  const enums = enumNames(model);
  return [
    ...emitPackageFiles(model, { packageName: options.packageName ?? defaultPackageName(model), version: options.version, dependencies: options.dependencies }),
    ...shipRuntime(import.meta.url, RUNTIME_FILES, 'client/src/runtime', header),
    emitModels(model, enums, header),
    emitErrors(model, header),
    emitClientProtocol(model, enums, header),
    ...model.operations.map((operation) => emitCommand(model, operation, header)),
    emitClientClass(model, header),
    emitEntryPoint(model, header),
  ];
}
