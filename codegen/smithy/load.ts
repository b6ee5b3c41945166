// Files and folders → one JSON AST. `.smithy` files are parsed as IDL, `.json` files taken as JSON
// AST; folders are walked recursively (in name order, so the result never depends on the file
// system). Every file read is one model, as the Smithy CLI merges them.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { assemble, type JsonModel } from './assemble.js';
import type { SmithyAst } from './ast.js';
import { SmithyModelError } from './errors.js';
import { SourceText } from './lexer.js';
import { parseIdl } from './parser.js';
import type { ParsedFile } from './syntax.js';

export interface ModelText {
  file: string;
  text: string;
}

/** In-memory model files (IDL or JSON AST, told apart by the `.json` extension) → one JSON AST. */
export function assembleTexts(texts: ModelText[]): SmithyAst {
  const idl: ParsedFile[] = [];
  const json: JsonModel[] = [];
  for (const { file, text } of texts) {
    if (extname(file) === '.json') json.push({ file, ast: parseJsonAst(text, file) });
    else idl.push(parseIdl(text, file));
  }
  return assemble(idl, json);
}

/** IDL text of one file → its JSON AST (shapes it names from other files resolve as best they can). */
export function readIdl(text: string, file = 'model.smithy'): SmithyAst {
  return assemble([parseIdl(text, file)]);
}

/** Files and folders → one JSON AST. */
export function loadSmithyModel(paths: string[]): SmithyAst {
  const files = paths.flatMap((p) => modelFiles(p, true));
  if (!files.length) throw new Error(`no .smithy or .json model file in ${paths.join(', ')}`);
  return assembleTexts(files.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
}

/** Whether a path is read as Smithy IDL: a `.smithy` file or a folder. */
export function isSmithyIdlPath(path: string): boolean {
  try {
    return extname(path) === '.smithy' || statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function modelFiles(path: string, named: boolean): string[] {
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
  if (statSync(path).isDirectory()) {
    return readdirSync(path).sort().flatMap((entry) => {
      const child = join(path, entry);
      return statSync(child).isDirectory() || /\.(smithy|json)$/.test(entry) ? modelFiles(child, false) : [];
    });
  }
  if (named || /\.(smithy|json)$/.test(path)) return [path];
  return [];
}

function parseJsonAst(text: string, file: string): SmithyAst {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    throw new SourceText(file, text).error(offset, `this is not valid JSON (${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')})`);
  }
  const ast = value as SmithyAst;
  if (!ast || typeof ast !== 'object' || typeof ast.smithy !== 'string') {
    throw new SmithyModelError({ file, line: 1, column: 1 }, 'a JSON AST model needs a "smithy" version and "shapes"');
  }
  return ast;
}
