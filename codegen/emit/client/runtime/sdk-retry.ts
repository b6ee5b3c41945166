/**
 * What the client takes from `@smithy/core/retry`, in a module of its own that retry.ts loads
 * with `import()`. A bundler cannot tell which exports of a module loaded that way are used and
 * keeps them all; naming them here lets it keep only these (and what they need).
 */
export { isServerError, isThrottlingError, isTransientError, resolveRetryConfig } from '@smithy/core/retry';
