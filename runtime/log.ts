/** One line per request for the console: method, path, status, error name, milliseconds. */
import type { ResponseLogEntry } from '../generated/server/index.js';

export function formatLogLine(entry: ResponseLogEntry): string {
  return `${entry.method} ${entry.path} ${entry.status} ${entry.errorName ?? '-'} ${entry.durationMs.toFixed(1)}ms`;
}
