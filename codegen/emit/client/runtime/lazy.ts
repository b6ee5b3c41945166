/**
 * A module loaded with `import()` as its named exports, however it was built. Node gives a
 * CommonJS library's exports by name; a bundler that splits a CommonJS library into its own
 * chunk may give them only as `default`.
 */
export function interop<Module extends object>(module: Module, exportName: keyof Module): Module {
  if (exportName in module) return module;
  const fallback = (module as { default?: unknown }).default;
  if (typeof fallback === 'object' && fallback !== null && exportName in fallback) return fallback as Module;
  throw new Error(`The loaded module has no export named ${String(exportName)}.`);
}

/** A provider made on first use by `create` (which may load a module), then kept; a failed creation is tried again next time. */
export function later<T, Options extends unknown[] = []>(create: () => Promise<(...options: Options) => Promise<T>>): (...options: Options) => Promise<T> {
  let made: Promise<(...options: Options) => Promise<T>> | undefined;
  return async (...options) => {
    made ??= create().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return (await made)(...options);
  };
}

/** What the client uses of `@smithy/core/config` (sdk-config.ts), loaded once. */
export const loadSdkConfig: () => Promise<typeof import('./sdk-config.js')> = loadOnce(() => import('./sdk-config.js').then((module) => interop(module, 'loadConfig')));

/** `load`, called on first use and its promise kept; a failed load is tried again next time. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
