/** Percent-encoding for paths and queries. */

/** RFC 3986 escaping, as AWS wants it in paths and queries: encodeURIComponent plus `!'()*`. */
export const escapeUri = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
