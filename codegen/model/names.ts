/** Naming rules shared by every emitter, so a name is spelled the same way everywhere. */

/** `AWS Lambda` → `Lambda`, `Amazon Simple Queue Service` → `SimpleQueueService`. */
export function serviceNameFromTitle(title: string): string {
  const words = title
    .replace(/^(AWS|Amazon)\s+/i, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `Service${name}`;
}

/** The name the service uses for a member in its messages: first letter lower-cased. */
export function lowerFirst(name: string): string {
  return name.length === 0 ? name : name[0].toLowerCase() + name.slice(1);
}

/** `CONSTANT_CASE` for module-level constants: `ItemName` → `ITEM_NAME`. */
export function constantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/**
 * Names of the generated client's symbols, shared by the client emitter and by the diff, which
 * tells users what a change does to them.
 */
export const clientSymbols = {
  client: (serviceName: string) => `${serviceName}Client`,
  config: (serviceName: string) => `${serviceName}ClientConfig`,
  resolvedConfig: (serviceName: string) => `${serviceName}ClientResolvedConfig`,
  baseException: (serviceName: string) => `${serviceName}ServiceException`,
  command: (operation: string) => `${operation}Command`,
  commandInput: (operation: string) => `${operation}CommandInput`,
  commandOutput: (operation: string) => `${operation}CommandOutput`,
};
