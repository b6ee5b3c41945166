/** The client package's `package.json`, `tsconfig.json` and `README.md`, from the templates beside this file. */
import type { ServiceModel } from '../../model/ir.js';
import { allErrors } from '../../model/queries.js';
import { propertyName } from '../../model/symbols.js';
import { renderTemplate } from '../templates.js';
import { generatedHeader, quote, type GeneratedFile } from '../typescript.js';
import { operationMethodName } from './aggregated.js';
import { lowerFirst } from '../../model/symbols.js';
import { clientNames, commandName } from './names.js';

export interface PackageFacts {
  packageName: string;
  version: string;
  /** Version ranges of the runtime libraries the package depends on. */
  dependencies: Record<string, string>;
}

const template = (name: string) => new URL(`./templates/${name}.hbs`, import.meta.url);

export function emitPackageFiles(model: ServiceModel, facts: PackageFacts): GeneratedFile[] {
  const names = clientNames(model);
  const view = {
    packageName: facts.packageName,
    version: facts.version,
    title: model.title,
    serviceName: model.serviceName,
    client: names.client,
    apiVersion: model.apiVersion,
    description: `Typed client for ${model.title} (${model.operations.map((o) => o.name).join(', ')}), generated from an OpenAPI model.`,
    dependencies: Object.entries(facts.dependencies)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, range], i, all) => ({ name, range, last: i === all.length - 1 })),
    operations: model.operations.map((o) => ({ name: o.name, command: commandName(o), summary: o.summary ?? '', method: o.method, path: o.path })),
    errors: allErrors(model).map((e) => ({ name: e.name, status: e.status, fault: e.fault })),
    aggregatedVariable: lowerFirst(model.serviceName),
    example: exampleCall(model),
    sources: model.sources,
  };
  return [
    { path: 'client/package.json', content: renderTemplate(template('client-package.json'), view) },
    { path: 'client/tsconfig.json', content: renderTemplate(template('client-tsconfig.json'), view) },
    { path: 'client/README.md', content: renderTemplate(template('client-README.md'), { ...view, header: generatedHeader(model, '//').replace(/^\/\/ /gm, '') }) },
  ];
}

/** A short usage example for the README, built from the first operation with a body. */
function exampleCall(model: ServiceModel): { command: string; method: string; input: string } | undefined {
  const operation = model.operations.find((o) => o.input.some((m) => m.location === 'body')) ?? model.operations[0];
  if (!operation) return undefined;
  const input = operation.input
    .filter((m) => m.required)
    .map((m) => `  ${propertyName(m.name)}: ${m.constraints.enum ? quote(m.constraints.enum[0]) : m.type === 'string' ? quote('…') : m.type === 'boolean' ? 'true' : '1'},`)
    .join('\n');
  return { command: commandName(operation), method: operationMethodName(operation), input };
}
