/** The serialize and deserialize steps of a command's middleware stack. */
import type { HttpRequest, HttpResponse, Pluggable } from '@smithy/types';
import type { ResolvedClientConfig } from './config.js';

/** Adds one operation's serializer and deserializer to a command's middleware stack. */
export function serdePlugin<Input extends object, Output extends object>(
  config: ResolvedClientConfig,
  serialize: (input: Input, config: ResolvedClientConfig) => Promise<HttpRequest>,
  deserialize: (response: HttpResponse, config: ResolvedClientConfig) => Promise<Output>,
): Pluggable<Input, Output> {
  return {
    applyToStack(stack) {
      stack.add((next) => async (args) => next({ ...args, request: await serialize(args.input, config) }), {
        step: 'serialize',
        name: 'serializerMiddleware',
        override: true,
      });
      stack.add(
        (next) => async (args) => {
          const { response } = await next(args);
          try {
            return { response, output: await deserialize(response as HttpResponse, config) };
          } catch (error) {
            // As in the AWS SDK: the retry strategy reads Retry-After from the error's response.
            if (error instanceof Error && (error as { $response?: unknown }).$response === undefined) {
              Object.defineProperty(error, '$response', { value: response, enumerable: false, writable: true, configurable: true });
            }
            throw error;
          }
        },
        { step: 'deserialize', name: 'deserializerMiddleware', override: true },
      );
    },
  };
}
