/**
 * Model documents: reading one (YAML or JSON) into a plain value, named as the user named it,
 * and the one error every reader raises — the document, the JSON pointer inside it, and what is
 * wrong, in one line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';

export class ModelError extends Error {
  constructor(
    /** The document as the user named it. */
    readonly document: string,
    /** Where in it (a JSON pointer), or '' for the document as a whole. */
    readonly pointer: string,
    readonly problem: string,
  ) {
    super(`${document}: ${problem}${pointer ? ` at ${pointer}` : ''}`);
    this.name = 'ModelError';
  }
}

export interface SourceDocument {
  /** Path as given, relative to the working directory when possible, with `/` separators. */
  path: string;
  sha256: string;
}

export interface LoadedDocument {
  source: SourceDocument;
  document: Record<string, any>;
}

/** Reads a model file; a file that cannot be read or parsed is a ModelError. */
export function loadDocument(path: string, cwd = process.cwd()): LoadedDocument {
  return loadDocumentAs(path, isAbsolute(path) ? relative(cwd, path) : path);
}

/** The same, named `shown` in messages. */
export function loadDocumentAs(path: string, shown: string): LoadedDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new ModelError(shown, '', `cannot read the model (${reason})`);
  }
  return documentFromText(text, shown);
}

/** A document from its text; `path` is how it is named in messages and in generated headers. */
export function documentFromText(text: string, path: string): LoadedDocument {
  return { source: { path: path.split('\\').join('/'), sha256: createHash('sha256').update(text).digest('hex') }, document: parseModelText(text, path) };
}

/**
 * YAML (and so JSON) text to a plain value; duplicate keys and syntax errors are ModelErrors.
 *
 * Two parsers, on purpose. js-yaml reads a well-formed document five to ten times faster than
 * `yaml` (about 50 ms against 360 ms for Lambda's 85 operations, most of a generation's reading
 * time), so it reads every document first. `yaml` reads what js-yaml refuses, to word the error
 * with its line, and any document with anchors, which it expands with a cap on aliases (js-yaml
 * has none, and a walk over a document full of aliases can take exponential time).
 */
export function parseModelText(text: string, path: string): Record<string, any> {
  let value: unknown;
  if (!ANCHOR.test(text)) {
    try {
      value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
    } catch {
      value = undefined; // reported below, in the words of the other parser
    }
  }
  if (value === undefined) value = parseCarefully(text, path);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ModelError(path, '', 'not an OpenAPI document (the top level is not a mapping)');
  return value as Record<string, any>;
}

/** A YAML anchor (`&name` after a separator), or anything that might be one. */
const ANCHOR = /(?:^|[\s\[{,:-])&[^\s]/m;

function parseCarefully(text: string, path: string): unknown {
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    const line = first.linePos?.[0]?.line;
    // The library appends " at line L, column C:" and an excerpt; the line number is enough here.
    const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ModelError(path, '', `not valid YAML${line ? ` (line ${line})` : ''}: ${message}`);
  }
  try {
    return parsed.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    // The one way toJS fails on a parsed document: aliases that would expand beyond the cap.
    throw new ModelError(path, '', `not valid YAML: its aliases expand to more than ${MAX_ALIASES} copies`);
  }
}

/** Aliases a document may expand: enough for any hand-written model, far too few for an alias bomb. */
const MAX_ALIASES = 100;
