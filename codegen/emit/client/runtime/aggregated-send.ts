/**
 * How a method of the aggregated client sends its command: with a promise, or with a callback,
 * with or without request options, as the AWS SDK's aggregated clients do.
 */
import type { HttpHandlerOptions } from '@smithy/types';

interface Sender {
  send(command: unknown, options?: HttpHandlerOptions): Promise<any>;
  send(command: unknown, cb: (err: any, data?: any) => void): void;
  send(command: unknown, options: HttpHandlerOptions, cb: (err: any, data?: any) => void): void;
}

export function sendCommand<Output>(
  client: Sender,
  command: unknown,
  optionsOrCb: HttpHandlerOptions | ((err: any, data?: Output) => void) | undefined,
  cb: ((err: any, data?: Output) => void) | undefined,
): Promise<Output> | void {
  if (typeof optionsOrCb === 'function') return client.send(command, optionsOrCb);
  if (cb) return client.send(command, optionsOrCb ?? {}, cb);
  return client.send(command, optionsOrCb);
}
