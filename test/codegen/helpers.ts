import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { generate } from '../../codegen/generate.js';
import { writeOutput } from '../../codegen/output.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const run = promisify(execFile);

/** A scratch folder inside the repository, so generated code resolves the project's node_modules. */
export function scratch(name: string): string {
  const dir = join(ROOT, '.tmp', 'test', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function generateInto(models: string[], out: string): Promise<void> {
  const { files } = await generate(models.map((m) => resolve(ROOT, m)), ROOT);
  writeOutput(out, files);
}

/** How tests compile generated output: strict, Node modules, the project's Node types. */
export const GENERATED_TS_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  typeRoots: [join(ROOT, 'node_modules', '@types')],
};

/**
 * Parsed declaration files of node_modules (the TypeScript libs, Node's types, @smithy/*), shared by
 * every type check in a test worker: they do not change while tests run, and parsing them again
 * was most of the time each check took.
 */
const dependencySources = new Map<string, ts.SourceFile>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.includes('/node_modules/')) return parse(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName}\0${typeof languageVersion === 'object' ? JSON.stringify(languageVersion) : languageVersion}`;
    let source = dependencySources.get(key);
    if (!source) {
      source = parse(fileName, languageVersion, onError, shouldCreate);
      if (source) dependencySources.set(key, source);
    }
    return source;
  };
  return host;
}

/** Type-checks every TypeScript file under a folder with the project's strict settings (or the given ones). */
export function typeCheck(dir: string, extraFiles: string[] = [], options: ts.CompilerOptions = GENERATED_TS_OPTIONS): string[] {
  const files = ts.sys.readDirectory(dir, ['.ts'], ['**/dist/**', '**/node_modules/**']).concat(extraFiles);
  const program = ts.createProgram(files, options, cachingHost(options));
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

export async function listen(listener: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(listener);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export const TEST_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
