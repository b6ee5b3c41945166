/** The generated HTTP server with this runtime behind it, on the loopback interface. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeListener, type ResponseLogEntry } from '../generated/server/index.js';
import { defaultRegistry, type FunctionRegistry } from './registry.js';
import { createLambdaRuntime } from './service.js';
import type { PolicyStore } from './store.js';

export const DEFAULT_PORT = 4510;
export const HOST = '127.0.0.1';

export interface ServerOptions {
  /** 0 picks any free port. */
  port?: number;
  registry?: FunctionRegistry;
  store?: PolicyStore;
  onResponse?: (entry: ResponseLogEntry) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  registry: FunctionRegistry;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const registry = options.registry ?? defaultRegistry();
  const runtime = createLambdaRuntime({ registry, store: options.store });
  const server = createServer(createNodeListener(runtime, { onResponse: options.onResponse }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Clients keep connections alive; without this, close would wait for them to time out.
      server.closeAllConnections();
    }));

  return { url: `http://${HOST}:${port}`, port, registry, close };
}
