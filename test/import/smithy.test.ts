// The Smithy importer: on a small made-up model (every binding and trait), and on AWS's own
// model of Lambda where ../shared is present (the tests that need it skip visibly otherwise).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readBase } from '../../codegen/import/base.js';
import { importSmithy } from '../../codegen/import/smithy.js';
import { differences, structure } from './structure.js';
import { fixtures, hasShared, read, root, sharedSmithy, undeterminedKeys } from './helpers.js';

const widgets = readFileSync(join(fixtures, 'widgets.smithy.json'), 'utf8');

describe('a small Smithy model (test/import/fixtures/widgets.smithy.json)', () => {
  const r = importSmithy(widgets, ['PutWidget', 'GetWidget'], { file: 'widgets.smithy.json', name: 'w' });
  const doc = parse(r.yaml);
  const put = doc.paths['/v1/widgets/{WidgetName}'].put;
  const get = doc.paths['/v1/widgets/{WidgetName}'].get;
  const schemas = doc.components.schemas;

  it('binds labels, query and headers as parameters (wire names kept, member names noted) and the rest to the body', () => {
    expect(put.parameters.map((p: any) => [p.name, p.in, p.required, p['x-member-name']])).toEqual([
      ['WidgetName', 'path', true, undefined],
      ['version', 'query', false, 'Version'],
      ['X-Widget-Token', 'header', false, 'Token'],
    ]);
    expect(Object.keys(schemas.PutWidgetRequest.properties)).toEqual(['Color', 'Size', 'Tags', 'Legacy', 'Dimensions', 'Enabled']);
    expect(schemas.PutWidgetRequest.required).toEqual(['Color']);
  });

  it('keeps the structure\'s member order as x-member-order', () => {
    expect(put['x-member-order']).toEqual(['WidgetName', 'Color', 'Version', 'Token', 'Size', 'Tags', 'Legacy', 'Dimensions', 'Enabled']);
  });

  it('carries every constraint trait: length, pattern (anchors moved out), enum shapes and enum traits, range, list length', () => {
    expect(put.parameters[0].schema).toEqual({
      type: 'string', minLength: 1, maxLength: 63, pattern: '^(?:[a-z][a-z0-9-]{0,62})$', 'x-documented-pattern': '[a-z][a-z0-9-]{0,62}',
    });
    expect(put.parameters[2].schema).toEqual({ type: 'string', minLength: 8 });
    const p = schemas.PutWidgetRequest.properties;
    expect(p.Color).toEqual({ type: 'string', enum: ['red', 'green'] });
    expect(p.Legacy).toEqual({ type: 'string', enum: ['old', 'older'] });
    expect(p.Size).toEqual({ type: 'integer', format: 'int32', minimum: 1, maximum: 10 });
    expect(p.Tags).toEqual({ type: 'array', items: { type: 'string', pattern: '^(?:[a-z]+)$', 'x-documented-pattern': '[a-z]+' }, maxItems: 5 });
    expect(p.Enabled).toEqual({ type: 'boolean' });
    expect(p.Dimensions.$ref).toBe('#/components/schemas/Dimensions');
    expect(schemas.Dimensions).toEqual(expect.objectContaining({ type: 'object', required: ['Width'] }));
  });

  it('carries @mediaType on a string as contentMediaType, in a header and in the body alike', () => {
    const model = {
      smithy: '2.0',
      shapes: {
        'example.media#Media': { type: 'service', version: '1', operations: [{ target: 'example.media#Put' }], traits: { 'aws.protocols#restJson1': {} } },
        'example.media#Put': { type: 'operation', input: { target: 'example.media#PutInput' }, traits: { 'smithy.api#http': { method: 'PUT', uri: '/media', code: 200 } } },
        'example.media#PutInput': {
          type: 'structure',
          members: {
            Header: { target: 'example.media#JsonText', traits: { 'smithy.api#httpHeader': 'X-Json' } },
            Body: { target: 'example.media#JsonText' },
          },
        },
        'example.media#JsonText': { type: 'string', traits: { 'smithy.api#mediaType': 'application/json' } },
      },
    };
    const media = parse(importSmithy(JSON.stringify(model), ['Put'], { file: 'media.json', name: 'm' }).yaml);
    const operation = media.paths['/media'].put;
    expect(operation.parameters[0].schema).toEqual({ type: 'string', contentMediaType: 'application/json' });
    expect(media.components.schemas.PutRequest.properties.Body).toEqual({ type: 'string', contentMediaType: 'application/json' });
  });

  it('reads an unanchored pattern as a whole-value match and says so', () => {
    expect(put.parameters[1].schema).toEqual({ type: 'string', pattern: '^(?:\\d+)$', 'x-documented-pattern': '\\d+' });
    expect(r.revision.notes.join()).toMatch(/`\\d\+` is not anchored/);
  });

  it('turns the documentation HTML into Markdown', () => {
    expect(put.description).toBe('Creates or replaces a **widget**. See [the widget guide](https://example.com/widgets) and `GetWidget`.\n\n- One *thing*.\n- Two `x`.\n\nIdempotent.');
    expect(put.summary).toBe('Creates or replaces a widget.');
    expect(put.parameters[0].description).toBe('The widget\'s name.');
  });

  it('gives errors their httpError status (500 for a server fault without one), fault, and members with their exact casing', () => {
    expect(put['x-errors']).toEqual(['BadInput', 'Broken', 'NoSuchWidget', 'Throttled']);
    expect(schemas.BadInput['x-error']).toEqual({ status: 400, fault: 'client' });
    expect(Object.keys(schemas.BadInput.properties)).toEqual(['Type', 'message']);
    expect(Object.keys(schemas.NoSuchWidget.properties)).toEqual(['Type', 'Message']);
    expect(schemas.Broken['x-error']).toEqual({ status: 500, fault: 'server' });
    expect(schemas.Broken.properties.Type.default).toBe('Service');
    expect(schemas.BadInput.properties.Type.default).toBe('User');
    expect(schemas.Throttled.properties.retryAfterSeconds['x-http-header']).toBe('Retry-After');
    expect(Object.keys(put.responses['429'].headers)).toEqual(['X-Amzn-ErrorType', 'Retry-After']);
  });

  it('writes the success response: status, body schema, header members; none for a Unit output', () => {
    expect(Object.keys(put.responses)).toEqual(['201', '400', '404', '429', '500']);
    // The member is `Etag`, its header `ETag`: the member name travels beside the wire name.
    expect(put.responses['201'].headers.ETag).toEqual({ 'x-member-name': 'Etag', schema: { type: 'string' } });
    expect(schemas.PutWidgetResponse.properties).toEqual({ Widget: { type: 'string', description: 'The stored widget.' } });
    expect(get.responses['204']).toEqual({ description: 'The operation succeeded.' });
  });

  it('marks an operation without input or output at all (Smithy\'s Unit) apart from an empty structure', () => {
    expect([put['x-unit-input'], put['x-unit-output'], get['x-unit-input'], get['x-unit-output']]).toEqual([undefined, undefined, undefined, true]);
  });

  it('takes service facts from the service shape', () => {
    expect(doc.info.title).toBe('Example Widgets');
    expect(doc.info.version).toBe('2024-01-01');
    expect(doc.servers[0].url).toBe('https://widgets.{region}.amazonaws.com');
    expect(doc.components.securitySchemes.sigv4['x-aws-sigv4'].signingName).toBe('widgetsigning');
  });

  it('lists the validation error as undetermined without a base, and takes it from --base when given', () => {
    expect(undeterminedKeys(r)).toEqual(['document: validation error']);
    const withBase = importSmithy(widgets, ['GetWidget'], { base: readBase(read('model/revisions/2025.yaml'), '2025') });
    expect(withBase.undetermined).toEqual([]);
    expect(parse(withBase.yaml)['x-validation-error']).toBe('ValidationException');
  });

  it('refuses an operation the model does not have', () => {
    expect(() => importSmithy(widgets, ['DeleteWidget'])).toThrow(/DeleteWidget is not in the model/);
  });

  it('writes the same YAML twice', () => {
    expect(importSmithy(widgets, ['PutWidget', 'GetWidget'], { name: 'w' }).yaml).toBe(importSmithy(widgets, ['PutWidget', 'GetWidget'], { name: 'w' }).yaml);
  });
});

/** The shapes of one operation read straight from the Smithy JSON, independently of the importer. */
function smithyShapes(model: any, op: string) {
  const shapes = model.shapes;
  const id = Object.keys(shapes).find((k) => k.endsWith(`#${op}`) && shapes[k].type === 'operation')!;
  const o = shapes[id];
  const strip = (p: string) => p.replace(/^\^/, '').replace(/\$$/, '');
  const members: Record<string, any> = {};
  for (const [name, m] of Object.entries<any>(shapes[o.input.target].members)) {
    const t = shapes[m.target] ?? {};
    const traits = { ...(t.traits ?? {}), ...(m.traits ?? {}) };
    const v: any = {
      in: traits['smithy.api#httpLabel'] ? 'path' : traits['smithy.api#httpQuery'] ? 'query' : traits['smithy.api#httpHeader'] ? 'header' : 'body',
      required: !!traits['smithy.api#required'] || !!traits['smithy.api#httpLabel'],
    };
    if (traits['smithy.api#length']?.min !== undefined) v.minLength = traits['smithy.api#length'].min;
    if (traits['smithy.api#length']?.max !== undefined) v.maxLength = traits['smithy.api#length'].max;
    if (traits['smithy.api#pattern']) v['x-documented-pattern'] = strip(traits['smithy.api#pattern']);
    if (t.type === 'enum') v.enum = Object.values<any>(t.members).map((e) => e.traits['smithy.api#enumValue']);
    if (t.type === 'boolean' || m.target === 'smithy.api#Boolean') v.type = 'boolean';
    members[name] = v;
  }
  const errors: Record<string, any> = {};
  for (const e of o.errors ?? []) {
    const s = shapes[e.target];
    errors[e.target.split('#')[1]] = { status: s.traits['smithy.api#httpError'], fault: s.traits['smithy.api#error'], members: Object.keys(s.members).sort() };
  }
  const http = o.traits['smithy.api#http'];
  return { method: http.method.toLowerCase(), path: http.uri, code: String(http.code), members, order: Object.keys(shapes[o.input.target].members), errors };
}

/** The same facts from an imported document. */
function documentShapes(doc: any, op: string) {
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, o] of Object.entries<any>(item)) {
      if (o.operationId !== op) continue;
      const members: Record<string, any> = {};
      const pick = (s: any, v: any) => {
        for (const k of ['minLength', 'maxLength', 'x-documented-pattern', 'enum']) if (s[k] !== undefined) v[k] = s[k];
        if (s.type === 'boolean') v.type = 'boolean';
        return v;
      };
      for (const p of o.parameters ?? []) members[p.name] = pick(p.schema, { in: p.in, required: p.required });
      const ref = o.requestBody?.content['application/json'].schema.$ref.split('/').pop();
      const body = ref ? doc.components.schemas[ref] : undefined;
      for (const [n, s] of Object.entries<any>(body?.properties ?? {})) members[n] = pick(s, { in: 'body', required: (body.required ?? []).includes(n) });
      const errors: Record<string, any> = {};
      for (const e of o['x-errors']) {
        const s = doc.components.schemas[e];
        errors[e] = { status: s['x-error'].status, fault: s['x-error'].fault, members: Object.keys(s.properties).sort() };
      }
      const code = Object.keys(o.responses).find((k) => k.startsWith('2'));
      return { method, path, code, members, order: o['x-member-order'], errors };
    }
  }
  throw new Error(`${op} not in the document`);
}

const SKIP = '(skipped where ../shared/fixtures/smithy/lambda.json is absent)';

describe.skipIf(!hasShared)(`AWS's Smithy model of Lambda ${SKIP}`, () => {
  const text = hasShared ? readFileSync(sharedSmithy, 'utf8') : '{"shapes":{}}';
  const model = JSON.parse(text);
  const companionsBase = readBase(read('model/companions.yaml'), 'model/companions.yaml');
  const current = readBase(read('model/revisions/2025.yaml'), 'model/revisions/2025.yaml');

  for (const op of ['AddPermission', 'GetPolicy', 'RemovePermission']) {
    it(`${op}: the imported shapes are the model's (bindings, required, lengths, patterns, enums, order, errors)`, () => {
      const r = importSmithy(text, [op], { file: 'lambda.json' });
      expect(documentShapes(parse(r.yaml), op)).toEqual(smithyShapes(model, op));
    });
  }

  it('GetPolicy and RemovePermission match model/companions.yaml exactly (bindings, constraints, errors, the throttle Reason enum)', () => {
    const r = importSmithy(text, ['GetPolicy', 'RemovePermission'], { file: 'lambda.json', base: companionsBase });
    expect(r.undetermined).toEqual([]);
    const diff = differences(structure(parse(r.yaml)), structure(parse(read('model/companions.yaml'))));
    expect(diff).toEqual([]);
  });

  it('AddPermission is the current official shape: FunctionName up to 256, $LATEST.PUBLISHED, the new Qualifier pattern', () => {
    const r = importSmithy(text, ['AddPermission'], { file: 'lambda.json', name: '2026', base: current });
    expect(r.undetermined).toEqual([]);
    const doc = parse(r.yaml);
    const [fn, q] = doc.paths['/2015-03-31/functions/{FunctionName}/policy'].post.parameters;
    expect(fn.schema.maxLength).toBe(256);
    expect(fn.schema['x-documented-pattern']).toContain('\\$LATEST(\\.PUBLISHED)?');
    expect(q.schema['x-documented-pattern']).toBe('\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+');
    // PrincipalOrgID is documented anchored by the service; the base shows it and the model's text is the same.
    expect(doc.components.schemas.AddPermissionRequest.properties.PrincipalOrgID['x-documented-pattern']).toBe('^o-[a-z0-9]{10,32}$');
    expect(doc.paths['/2015-03-31/functions/{FunctionName}/policy'].post['x-member-order']).toEqual(
      parse(read('model/revisions/2025.yaml')).paths['/2015-03-31/functions/{FunctionName}/policy'].post['x-member-order'],
    );
  });

  it('the AddPermission subset fixture gives the same shapes as the full model', () => {
    const subset = readFileSync(join(root, '..', 'shared', 'fixtures', 'smithy', 'lambda-addpermission-subset.json'), 'utf8');
    const fromSubset = importSmithy(subset, ['AddPermission']);
    const a = parse(fromSubset.yaml);
    const b = parse(importSmithy(text, ['AddPermission']).yaml);
    // The subset drops the service's title trait: the importer falls back to the sdkId and says so.
    expect(differences(structure(a), structure(b))).toEqual(['service.title: imported "Lambda" / committed "AWS Lambda"']);
    expect(undeterminedKeys(fromSubset)).toEqual(['document: info.title', 'document: validation error']);
  });
});
