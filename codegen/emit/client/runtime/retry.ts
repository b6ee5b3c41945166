/**
 * Retries as the AWS SDK makes them, with the SDK's own code: `@smithy/core/retry`'s retry
 * middleware and strategies. Standard mode by default: 3 attempts, exponential backoff with full
 * jitter, a retry quota shared by the client's calls; throttling errors (status 429, or a name the
 * SDK knows as throttling) and transient ones (500/502/503/504, timeouts, connection resets) retried;
 * `Retry-After` honoured; `$metadata.attempts` and `$metadata.totalRetryDelay` reported on
 * outputs and errors alike.
 *
 * `@smithy/core/retry` is loaded with the first request, not with the package: it brings
 * `@smithy/core`'s protocol and serde modules along (about 35 ms in a fresh Node process), which
 * the signer loads at the first request anyway.
 */
import type { AbsoluteLocation, FinalizeRequestHandlerOptions, FinalizeRequestMiddleware, Pluggable, Provider, RetryStrategy, RetryStrategyV2 } from '@smithy/types';
import { interop, loadOnce } from './lazy.js';

/** Retry settings a user may give the client. */
export interface RetryInputConfig {
  /** Attempts per call, the first one included (default 3; in Node also `AWS_MAX_ATTEMPTS` or the profile's `max_attempts`). */
  maxAttempts?: number | Provider<number> | undefined;
  /** `standard` (default) or `adaptive` (in Node also `AWS_RETRY_MODE` or the profile's `retry_mode`). */
  retryMode?: string | Provider<string> | undefined;
  /** A strategy of your own, e.g. a `ConfiguredRetryStrategy`; `maxAttempts` and `retryMode` then do not apply. */
  retryStrategy?: RetryStrategy | RetryStrategyV2 | undefined;
}

export interface RetryResolvedConfig {
  readonly maxAttempts: Provider<number>;
  readonly retryMode: Provider<string>;
  /** The client's strategy, made once: its retry quota is shared by every call of the client. */
  readonly retryStrategy: () => Promise<RetryStrategy | RetryStrategyV2>;
}

/** What the client uses of `@smithy/core/retry`, loaded once. */
export const loadRetry: () => Promise<typeof import('./sdk-retry.js')> = loadOnce(() => import('./sdk-retry.js').then((module) => interop(module, 'retryMiddleware')));

function provider<T>(value: T | Provider<T>): Provider<T> {
  return typeof value === 'function' ? (value as Provider<T>) : async () => value;
}

/** Fills in what `input` leaves out from `defaults` (the environment's, see defaults.ts). */
export function resolveRetryConfig(input: RetryInputConfig, defaults: { maxAttempts: Provider<number>; retryMode: Provider<string> }): RetryResolvedConfig {
  const maxAttempts = input.maxAttempts === undefined ? defaults.maxAttempts : provider(input.maxAttempts);
  const retryMode = input.retryMode === undefined ? defaults.retryMode : provider(input.retryMode);
  const { retryStrategy: given } = input;
  const retryStrategy = given
    ? async () => given
    : // The SDK's own choice between its standard and adaptive strategies.
      loadOnce(async (): Promise<RetryStrategy | RetryStrategyV2> => (await loadRetry()).resolveRetryConfig({ maxAttempts, retryMode }).retryStrategy());
  return { maxAttempts, retryMode, retryStrategy };
}

/** Where the SDK puts its retry middleware: first in the finalize step, so that every attempt is signed afresh. */
export const RETRY_MIDDLEWARE_OPTIONS: FinalizeRequestHandlerOptions & AbsoluteLocation = { name: 'retryMiddleware', tags: ['RETRY'], step: 'finalizeRequest', priority: 'high', override: true };

/** The SDK's retry middleware, loaded with the first request. */
export function retryMiddleware(config: RetryResolvedConfig): FinalizeRequestMiddleware<any, any> {
  return (next, context) => async (args) => {
    const retry = await loadRetry();
    return retry.retryMiddleware({ maxAttempts: config.maxAttempts, retryStrategy: config.retryStrategy })(next, context)(args);
  };
}

export function retryPlugin(config: RetryResolvedConfig): Pluggable<any, any> {
  return { applyToStack: (stack) => stack.add(retryMiddleware(config), RETRY_MIDDLEWARE_OPTIONS) };
}
