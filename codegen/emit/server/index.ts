/**
 * Server stubs emitter: a framework-agnostic handler per operation (decode, validate, call the
 * implementation, serialize), a router, a `node:http` adapter, the error table, and the runtime
 * beside this file (runtime/http.ts: the restJson1 server protocol; runtime/node-http.ts: the
 * `node:http` adapter; runtime/uuid.ts: request ids).
 */
import type { ServiceModel } from '../../model/ir.js';
import { shipWireRuntime } from '../rest-json1/client.js';
import { JsonCodecs } from '../rest-json1/json.js';
import { shipRuntime } from '../shipped.js';
import { shipEventStreamRuntime } from '../rest-json1/event-stream.js';
import { emitSerde } from './serde.js';
import { generatedHeader, type GeneratedFile } from '../typescript.js';
import { emitEntryPoint } from './entry-point.js';
import { emitErrors } from './errors.js';
import { emitModels } from './models.js';
import { emitNodeAdapter } from './node-adapter.js';
import { emitOperation } from './operation.js';
import { emitRouter } from './router.js';

export { implementationName } from './names.js';

const RUNTIME_FILES = ['http.ts', 'node-http.ts', 'uuid.ts'];

export function emitServer(model: ServiceModel): GeneratedFile[] {
  const header = generatedHeader(model);
  // One set of JSON codecs for every handler and the error table: server/serde.ts holds them.
  // Strict readers: a wire value that does not fit its shape is a 400 SerializationException.
  const json = new JsonCodecs(model, 'server');
  const operations = model.operations.map((operation) => emitOperation(model, operation, header, json));
  const errors = emitErrors(model, header, json);
  const serde = emitSerde(json, header);
  return [
    ...shipRuntime(import.meta.url, RUNTIME_FILES, 'server', header),
    ...shipWireRuntime('server', header),
    ...shipEventStreamRuntime(model, 'server', header),
    emitModels(model, header),
    errors,
    ...operations,
    ...(serde ? [serde] : []),
    emitRouter(model, header),
    emitNodeAdapter(model, header),
    emitEntryPoint(header),
  ];
}
