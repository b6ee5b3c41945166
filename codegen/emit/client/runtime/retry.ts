/**
 * Retries as the AWS SDK makes them, with the SDK's own strategies and error classification
 * (`@smithy/core/retry`). Standard mode by default: 3 attempts, exponential backoff with full
 * jitter, a retry quota shared by the client's calls; throttling errors (status 429, or a name the
 * SDK knows as throttling) and transient ones (500/502/503/504, timeouts, connection resets) retried;
 * `Retry-After` honoured; `$metadata.attempts` and `$metadata.totalRetryDelay` reported on
 * outputs and errors alike.
 *
 * The loop that drives a strategy (`retryMiddleware` below) is written here rather than taken from
 * `@smithy/core/retry`. Measured (npm run bench, section 3): the SDK's middleware imports
 * `@smithy/core`'s protocol and serde modules for a request class check, a UUID and a date
 * parser, and the credential chain's CommonJS code keeps both whole in a bundle, so a one-command
 * program bundled for Node loaded 104 KB of them, most of its 163 KB. The loop does what the SDK's
 * does, step for step; the strategy decides every delay and whether to retry at all.
 *
 * `@smithy/core/retry` is loaded with the first request, not with the package.
 */
import type { AbsoluteLocation, FinalizeRequestHandlerOptions, FinalizeRequestMiddleware, HttpRequest, Pluggable, Provider, RetryErrorInfo, RetryErrorType, RetryStrategy, RetryStrategyV2, RetryToken } from '@smithy/types';
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
  /** Whether the strategy is the user's own (then it is asked before the first attempt). */
  readonly retryStrategyGiven: boolean;
  /** The client's strategy, made once: its retry quota is shared by every call of the client. */
  readonly retryStrategy: () => Promise<RetryStrategy | RetryStrategyV2>;
}

/** What the client uses of `@smithy/core/retry`, loaded once. */
export const loadRetry: () => Promise<typeof import('./sdk-retry.js')> = loadOnce(() => import('./sdk-retry.js').then((module) => interop(module, 'resolveRetryConfig')));

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
  return { maxAttempts, retryMode, retryStrategy, retryStrategyGiven: given !== undefined };
}

/** Where the SDK puts its retry middleware: first in the finalize step, so that every attempt is signed afresh. */
export const RETRY_MIDDLEWARE_OPTIONS: FinalizeRequestHandlerOptions & AbsoluteLocation = { name: 'retryMiddleware', tags: ['RETRY'], step: 'finalizeRequest', priority: 'high', override: true };

/** The SDK's retry loop over the client's strategy (see above for why it is written here). */
export function retryMiddleware(config: RetryResolvedConfig): FinalizeRequestMiddleware<any, any> {
  return (next, context) => async (args) => {
    const maxAttempts = await config.maxAttempts();
    const scope = (context as { partition_id?: string }).partition_id ?? '';
    // The SDK's standard strategy is asked for nothing before a first attempt (its retry quota
    // starts full, and a success on a first attempt leaves it full), so it and @smithy/core/retry
    // are loaded only once a call fails. The user's strategy and the adaptive one, which may make
    // a first attempt wait, are asked from the start.
    let strategy: RetryStrategyV2 | RetryStrategy | undefined = config.retryStrategyGiven || (await config.retryMode()) !== 'standard' ? await config.retryStrategy() : undefined;
    // A strategy of the SDK's older interface retries on its own.
    if (strategy && !isStrategyV2(strategy)) return strategy.retry(next, args);
    const abortSignal = (context as { __smithy_context?: { abortSignal?: AbortSignal } }).__smithy_context?.abortSignal;
    let token: RetryToken | undefined = strategy ? await strategy.acquireInitialRetryToken(scope) : undefined;
    const request = isHttpRequest(args.request) ? args.request : undefined;
    if (request) request.headers['amz-sdk-invocation-id'] = crypto.randomUUID();
    let attempts = 0;
    let totalRetryDelay = 0;
    for (;;) {
      try {
        if (request) request.headers['amz-sdk-request'] = `attempt=${attempts + 1}; max=${maxAttempts}`;
        const result = await next(args);
        if (strategy && token) strategy.recordSuccess(token);
        result.output.$metadata.attempts = attempts + 1;
        result.output.$metadata.totalRetryDelay = totalRetryDelay;
        return result;
      } catch (caught) {
        const error: SdkError = caught instanceof Error ? caught : new Error(String(caught));
        // A body read from a stream cannot be sent again; an aborted call is not tried again.
        if ((request && isStream(request.body)) || abortSignal?.aborted) throw error;
        const classify = await loadRetry();
        if (!strategy || !token) {
          const loaded = await config.retryStrategy();
          if (!isStrategyV2(loaded)) throw error;
          strategy = loaded;
          token = await strategy.acquireInitialRetryToken(scope);
        }
        const info: RetryErrorInfo = { error: error as never, errorType: errorType(classify, error) };
        const hint = retryAfterHint(error.$response);
        if (hint) info.retryAfterHint = hint;
        try {
          // The strategy may wait before it answers; an aborted call stops waiting, as in the SDK.
          token = await untilAborted(strategy.refreshRetryTokenForRetry(token, info), abortSignal);
        } catch (refused) {
          if (abortSignal?.aborted) throw refused;
          // No retry left (attempts, quota, or an error not worth one): the last error, with its count.
          error.$metadata = { ...error.$metadata, attempts: attempts + 1, totalRetryDelay };
          throw error;
        }
        attempts = token.getRetryCount();
        const delay = token.getRetryDelay();
        // The strategy may have waited already while handing out the token (its log says how long).
        totalRetryDelay += ((token as { $retryLog?: { acquisitionDelay?: number } }).$retryLog?.acquisitionDelay ?? 0) + delay;
        if (delay > 0) await pause(delay, abortSignal);
      }
    }
  };
}

/** An error as the SDK's errors are: the response's metadata, and the response itself. */
type SdkError = Error & { $metadata?: Record<string, unknown>; $response?: unknown };

const isStrategyV2 = (strategy: RetryStrategy | RetryStrategyV2): strategy is RetryStrategyV2 =>
  typeof (strategy as RetryStrategyV2).acquireInitialRetryToken === 'function' && typeof (strategy as RetryStrategyV2).refreshRetryTokenForRetry === 'function';

const isHttpRequest = (value: unknown): value is HttpRequest =>
  typeof value === 'object' && value !== null && typeof (value as HttpRequest).headers === 'object' && typeof (value as HttpRequest).method === 'string';

const isStream = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (typeof (body as { pipe?: unknown }).pipe === 'function' || typeof (body as { getReader?: unknown }).getReader === 'function');

/** The SDK's order: throttling, then transient, then any 5xx; anything else is the caller's error. */
function errorType(classify: typeof import('./sdk-retry.js'), error: Error): RetryErrorType {
  if (classify.isThrottlingError(error as never)) return 'THROTTLING';
  if (classify.isTransientError(error as never)) return 'TRANSIENT';
  if (classify.isServerError(error as never)) return 'SERVER_ERROR';
  return 'CLIENT_ERROR';
}

/**
 * When the service asks to be called again: `Retry-After` in seconds or as an HTTP date, or
 * `x-amz-retry-after` in milliseconds, as the SDK reads them.
 */
export function retryAfterHint(response: unknown, now = Date.now()): Date | undefined {
  const headers = (response as { headers?: Record<string, string> } | undefined)?.headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'retry-after') {
      const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000;
      return Number.isNaN(seconds) ? undefined : new Date(now + seconds * 1000);
    }
    if (lower === 'x-amz-retry-after') {
      const milliseconds = Number(value);
      return Number.isNaN(milliseconds) ? undefined : new Date(now + milliseconds);
    }
  }
  return undefined;
}

/** `work`, unless the call is aborted first: then the signal's reason. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    // Nobody waits for `work` any more: its failure must not go unhandled.
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or stops with the signal's reason once the call is aborted. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function retryPlugin(config: RetryResolvedConfig): Pluggable<any, any> {
  return { applyToStack: (stack) => stack.add(retryMiddleware(config), RETRY_MIDDLEWARE_OPTIONS) };
}
