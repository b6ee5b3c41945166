/**
 * A synthetic OpenAPI model in the project's conventions (model/README.md) with any number of
 * operations, each shaped like the real one: a path label, a query member, a JSON body with a
 * pattern, lengths, an enum and an integer, a response body and modeled errors.
 */

type Json = Record<string, unknown>;

export function syntheticModel(operations: number): Json {
  const paths: Json = {};
  const schemas: Json = {
    Unavailable: { type: 'object', description: 'Out of stock.', 'x-error': { status: 400, fault: 'client' }, properties: { message: { type: 'string' } } },
    Missing: { type: 'object', description: 'No such thing.', 'x-error': { status: 404, fault: 'client' }, properties: { Message: { type: 'string' } } },
    Invalid: { type: 'object', 'x-error': { status: 400, fault: 'client' }, properties: { message: { type: 'string' } } },
  };
  for (let i = 0; i < operations; i++) {
    const name = `Operation${String(i).padStart(4, '0')}`;
    schemas[`${name}Request`] = {
      type: 'object',
      required: ['Color', 'Token'],
      properties: {
        Color: { type: 'string', enum: ['RED', 'GREEN', 'BLUE'], description: `The color of ${name}.` },
        Token: { type: 'string', minLength: 1, maxLength: 100, pattern: '^(?:[a-zA-Z0-9-_]+)$', 'x-documented-pattern': '[a-zA-Z0-9-_]+', description: 'A token.' },
        Label: { type: 'string', minLength: 2, maxLength: 64, pattern: '^(?:[A-Z][a-z]+)$', 'x-documented-pattern': '[A-Z][a-z]+', description: 'A label.' },
        Source: { type: 'string', pattern: '^(?:arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:(.*))$', 'x-documented-pattern': 'arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:(.*)', description: 'An ARN.' },
        Coats: { type: 'integer', description: 'How many coats.' },
        Dry: { type: 'boolean', description: 'Whether to dry.' },
      },
    };
    schemas[`${name}Response`] = { type: 'object', properties: { Receipt: { type: 'string', description: 'What was done.' }, Coats: { type: 'integer' } } };
    paths[`/2020-01-01/things${i}/{Name}/paint`] = {
      post: {
        operationId: name,
        summary: `Runs ${name}.`,
        description: `Runs ${name} on a thing.`,
        'x-member-order': ['Name', 'Color', 'Token', 'Label', 'Source', 'Finish', 'Coats', 'Dry'],
        'x-errors': ['Unavailable', 'Missing'],
        parameters: [
          { name: 'Name', in: 'path', required: true, description: 'Which thing.', schema: { type: 'string', minLength: 1, maxLength: 140 } },
          { name: 'Finish', in: 'query', required: false, description: 'Matte or gloss.', schema: { type: 'string', pattern: '^(?:matte|gloss)$', 'x-documented-pattern': 'matte|gloss' } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Request` } } } },
        responses: {
          '200': { description: 'Done.', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Response` } } } },
          '400': {
            description: 'Unavailable.',
            headers: { 'X-Amzn-ErrorType': { required: true, schema: { type: 'string', enum: ['Unavailable'] } } },
            content: { 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Unavailable' }] } } },
          },
          '404': {
            description: 'Missing.',
            headers: { 'X-Amzn-ErrorType': { required: true, schema: { type: 'string', enum: ['Missing'] } } },
            content: { 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Missing' }] } } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Acme Things', version: '2020-01-01', description: 'A synthetic service for benchmarks.', 'x-client-version': '1.0.0' },
    servers: [{ url: 'https://things.{region}.example.com', variables: { region: { default: 'us-east-1' } } }],
    'x-error-type-header': 'X-Amzn-ErrorType',
    'x-validation-error': 'Invalid',
    security: [{ sigv4: [] }],
    components: {
      securitySchemes: { sigv4: { type: 'apiKey', in: 'header', name: 'Authorization', 'x-aws-sigv4': { signingName: 'things' } } },
      schemas,
    },
    paths,
  };
}
