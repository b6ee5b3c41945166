/** One line per request for the console: method, path and query, status, error name, milliseconds. */
import type { ResponseLogEntry } from '../generated/server/index.js';

export function formatLogLine(entry: ResponseLogEntry): string {
  const target = entry.query ? `${entry.path}?${entry.query}` : entry.path;
  return `${entry.method} ${target} ${entry.status} ${entry.errorName ?? '-'} ${entry.durationMs.toFixed(1)}ms`;
}
