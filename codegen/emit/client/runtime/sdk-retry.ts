/**
 * What the client takes from `@smithy/core/retry`, in a module of its own that retry.ts loads
 * with `import()`. A bundler cannot tell which exports of a module loaded that way are used and
 * keeps them all; naming them here lets it keep only these (and what they need).
 */
export { NODE_MAX_ATTEMPT_CONFIG_OPTIONS, NODE_RETRY_MODE_CONFIG_OPTIONS, resolveRetryConfig, retryMiddleware } from '@smithy/core/retry';
