/**
 * What the client takes from `@smithy/core/config` (the AWS SDK's reader of the environment and
 * the shared config file, and its memoizing of providers), in a module of its own that defaults.ts loads with `import()`: named
 * here, a bundler keeps only these exports and what they need.
 */
export { loadConfig, memoize, NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/core/config';
