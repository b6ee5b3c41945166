// The conventions of model/README.md that every document follows: errors as named schemas with
// x-error, one response per error status with a oneOf and an X-Amzn-ErrorType enum, the validation
// error, x-member-order, the SigV4 signing name and the endpoint.
import { describe, expect, it } from 'vitest';
import { ERROR_SHAPES } from './facts.js';
import {
  COMPANIONS_FILE,
  HAS_SMITHY,
  ROOT,
  deref,
  errorSchema,
  loadYaml,
  members,
  operations,
  revisionFile,
  revisionNames,
  successResponse,
  type Json,
} from './load.js';
import { smithyError } from './smithy.js';

const documents = [...revisionNames().map(revisionFile), COMPANIONS_FILE].map((f) => [f.slice(ROOT.length + 1), f]);

describe.each(documents)('%s', (_name, file) => {
  const doc = loadYaml(file);
  const ops = [...operations(doc).values()];

  it('describes AWS Lambda 2015-03-31, signed with SigV4 as "lambda", at lambda.{region}.amazonaws.com', () => {
    expect(doc.info.title).toBe('AWS Lambda');
    expect(doc.info.version).toBe('2015-03-31');
    expect(doc.components.securitySchemes.sigv4['x-aws-sigv4'].signingName).toBe('lambda');
    expect(doc.security).toEqual([{ sigv4: [] }]);
    expect(doc.servers[0].url).toBe('https://lambda.{region}.amazonaws.com');
    expect(doc.servers[0].variables.region.default).toBeTypeOf('string');
  });

  it('names errors by the X-Amzn-ErrorType header and constraint violations by ValidationException (400, not in x-errors)', () => {
    expect(doc['x-error-type-header']).toBe('X-Amzn-ErrorType');
    expect(doc['x-validation-error']).toBe('ValidationException');
    expect(errorSchema(doc, 'ValidationException')['x-error']).toEqual({ status: 400, fault: 'client' });
    expect(Object.keys(errorSchema(doc, 'ValidationException').properties)).toEqual(['message']);
    for (const { op } of ops) expect(op['x-errors']).not.toContain('ValidationException');
  });

  it('gives each error its own named schema with x-error, and the body members with their exact casing', () => {
    const used = new Set(ops.flatMap(({ op }) => op['x-errors'] as string[]));
    for (const name of used) {
      const schema = errorSchema(doc, name);
      const shape = ERROR_SHAPES[name];
      expect(shape, `${name} is a known error`).toBeDefined();
      expect(schema.type, name).toBe('object');
      expect(schema['x-error'].fault, name).toBe(shape.fault);
      expect(schema['x-error'].fault, name).toBe(schema['x-error'].status >= 500 ? 'server' : 'client');
      expect(Object.keys(schema.properties).sort(), name).toEqual([...shape.members].sort());
      expect(schema.properties.Type.default, name).toBe(shape.typeDefault);
      for (const [member, header] of Object.entries(shape.headers ?? {})) {
        expect(schema.properties[member]['x-http-header'], `${name}.${member}`).toBe(header);
      }
    }
  });

  it('has, for each error status of an operation, one response: a oneOf of exactly its errors and an X-Amzn-ErrorType enum of their names', () => {
    for (const { op } of ops) {
      const byStatus = new Map<string, string[]>();
      for (const name of op['x-errors'] as string[]) {
        const status = String(errorSchema(doc, name)['x-error'].status);
        byStatus.set(status, [...(byStatus.get(status) ?? []), name]);
      }
      const { status: ok } = successResponse(op);
      expect(Object.keys(op.responses).sort(), op.operationId).toEqual([String(ok), ...byStatus.keys()].sort());
      for (const [status, names] of byStatus) {
        const response = op.responses[status];
        const where = `${op.operationId} ${status}`;
        const oneOf: Json[] = response.content['application/json'].schema.oneOf;
        expect(oneOf.map((s) => s.$ref).sort(), where).toEqual(names.map((n) => `#/components/schemas/${n}`).sort());
        expect(response.content['application/json'].schema.discriminator, where).toBeUndefined();
        const header = response.headers['X-Amzn-ErrorType'];
        expect(header.required, where).toBe(true);
        expect([...header.schema.enum].sort(), where).toEqual([...names].sort());
      }
    }
  });

  it('declares the Retry-After header on 429 responses', () => {
    for (const { op } of ops) {
      if (op.responses['429'] === undefined) continue;
      expect(op.responses['429'].headers['Retry-After'], op.operationId).toBeDefined();
    }
  });

  it('lists every input member exactly once in each operation\'s x-member-order', () => {
    for (const { op } of ops) {
      const order: string[] = op['x-member-order'];
      expect(new Set(order).size, op.operationId).toBe(order.length);
      expect([...order].sort(), op.operationId).toEqual([...members(doc, op).keys()].sort());
    }
  });

  it('puts a parameter\'s documentation on the parameter and its constraints on its schema', () => {
    for (const { op } of ops) {
      for (const p of op.parameters ?? []) {
        const param = deref(doc, p);
        expect(param.description, `${op.operationId} ${param.name}`).toBeTypeOf('string');
        for (const k of ['minLength', 'maxLength', 'pattern', 'x-documented-pattern', 'enum']) {
          expect(param[k], `${op.operationId} ${param.name}.${k}`).toBeUndefined();
        }
        if (param.in === 'path') expect(param.required, `${op.operationId} ${param.name}`).toBe(true);
      }
    }
  });

  it.skipIf(!HAS_SMITHY)(
    'has error schemas whose status, fault and members match ../shared/fixtures/smithy/lambda.json (needs ../shared: skipped where it is absent, as in users\' clones)',
    () => {
      const used = new Set(ops.flatMap(({ op }) => op['x-errors'] as string[]));
      for (const name of used) {
        const schema = errorSchema(doc, name);
        const s = smithyError(name);
        expect(schema['x-error'], name).toEqual({ status: s.status, fault: s.fault });
        expect(Object.keys(schema.properties).sort(), name).toEqual([...s.members].sort());
      }
    },
  );
});
