// Reading a model: the normalized form, and the one-line errors that make the CLI exit with 2.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError, normalizeModel, readModel, serviceNameOf } from '../../codegen/diff/load.js';
import { baseDoc, operation, realRevision } from './helpers.js';

function loadError(edit: (doc: any) => void): string {
  const doc = baseDoc();
  edit(doc);
  try {
    normalizeModel(doc, 'x.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as Error).message;
  }
  throw new Error('expected a ModelError');
}

describe('readModel', () => {
  it('normalizes a real revision: members from path, query and body, errors, order, revision name', () => {
    const model = realRevision('2025');
    expect(model.revision).toBe('2025');
    expect(model.serviceName).toBe('Lambda');
    const op = model.operations.get('AddPermission')!;
    expect(op.successStatus).toBe('201');
    expect([...op.input.values()].map((m) => `${m.name}:${m.location}:${m.required}`)).toContain('FunctionName:path:true');
    expect(op.input.get('Qualifier')).toMatchObject({ location: 'query', required: false, minLength: 1, maxLength: 128 });
    expect(op.input.get('InvokedViaFunctionUrl')).toMatchObject({ type: 'boolean', required: false, pointer: '/components/schemas/AddPermissionRequest/properties/InvokedViaFunctionUrl' });
    expect(op.input.get('Principal')).toMatchObject({ pattern: '^(?:[^\\s]+)$', documentedPattern: '[^\\s]+', carriedOver: '2022' });
    expect([...op.errors.keys()]).toContain('PreconditionFailedException');
    expect(model.errors.get('PreconditionFailedException')).toMatchObject({ status: 412, fault: 'client' });
    expect(op.memberOrder[0]).toBe('FunctionName');
  });

  it('reads JSON as well as YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'permgen-diff-'));
    const file = join(dir, 'base.json');
    writeFileSync(file, JSON.stringify(baseDoc()));
    expect(readModel(file).operations.has('CreateWidget')).toBe(true);
  });

  it('names the service the way generated code does', () => {
    expect(serviceNameOf('AWS Lambda')).toBe('Lambda');
    expect(serviceNameOf('Amazon Simple Queue Service')).toBe('SimpleQueueService');
  });

  it('rejects broken models with one line that says where', () => {
    expect(loadError((d) => delete d.paths)).toBe('x.yaml: no `paths` mapping at /paths');
    expect(loadError((d) => (d.openapi = '2.0'))).toMatch(/not an OpenAPI 3 document/);
    expect(loadError((d) => (delete operation(d).operationId, (d.paths['/widgets/{WidgetName}/describe'].get.operationId = 'PostWidgetsByWidgetName')))).toMatch(/PostWidgetsByWidgetName is used twice/);
    expect(loadError((d) => (d.paths['/widgets/{WidgetName}/describe'].get.operationId = 'CreateWidget'))).toMatch(/operationId CreateWidget is used twice/);
    expect(loadError((d) => (operation(d).requestBody.content['application/json'].schema.$ref = '#/components/schemas/Missing'))).toMatch(
      /unresolved reference #\/components\/schemas\/Missing at \/paths\/~1widgets~1\{WidgetName\}\/post\/requestBody\/content\/application~1json\/schema/,
    );
    expect(loadError((d) => (d.components.schemas.InvalidInputException['x-error'] = { status: 'bad' }))).toMatch(/`x-error` needs a numeric `status`/);
    for (const message of [loadError((d) => delete d.info)]) expect(message).not.toContain('\n');
  });
});
