/**
 * typia works only through a compile-time transform: `typia.createIs<T>()` is replaced by code
 * generated from the type T. This compiles a TypeScript source with typia's transformer through
 * the TypeScript compiler API (what ts-patch does inside tsc) and returns the emitted module.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { transform } from 'typia/lib/transform';
import type { InputSchema } from './model-schema.js';

export const CACHE = resolve('bench/.cache');

/** A TypeScript type with typia's constraint tags for every member of an input schema. */
export function typiaSource(typeName: string, schema: InputSchema): string {
  const members = Object.entries(schema.properties).map(([name, member]) => {
    let type: string;
    if (member.enum) type = member.enum.map((v: string) => JSON.stringify(v)).join(' | ');
    else if (member.type === 'boolean') type = 'boolean';
    else {
      const tags = ['string'];
      if (member.minLength !== undefined && member.minLength > 0) tags.push(`tags.MinLength<${member.minLength}>`);
      if (member.maxLength !== undefined) tags.push(`tags.MaxLength<${member.maxLength}>`);
      if (member.pattern !== undefined) tags.push(`tags.Pattern<${JSON.stringify(member.pattern)}>`);
      type = tags.join(' & ');
    }
    return `  ${name}${schema.required.includes(name) ? '' : '?'}: ${type};`;
  });
  return [
    `import typia, { type tags } from 'typia';`,
    `export interface ${typeName} {`,
    ...members,
    `}`,
    `export const is = typia.createIs<${typeName}>();`,
    `export const validate = typia.createValidate<${typeName}>();`,
    '',
  ].join('\n');
}

export interface TypiaModule {
  is: (input: unknown) => boolean;
  validate: (input: unknown) => { success: boolean; errors?: { path: string; expected: string }[] };
}

/** Compiles the source with typia's transform and imports the result. */
export async function buildTypia(name: string, source: string): Promise<{ module: TypiaModule; file: string; milliseconds: number }> {
  const started = performance.now();
  // Source and output in separate folders: tsx would load a .ts file in place of a .js beside it.
  const sourceDir = join(CACHE, 'typia-src');
  const dir = join(CACHE, 'typia');
  mkdirSync(sourceDir, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const input = join(sourceDir, `${name}.ts`);
  writeFileSync(input, source);
  // The emitted module imports typia's runtime helpers; a package.json makes it an ES module.
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    outDir: dir,
    rootDir: sourceDir,
    types: [],
  };
  const program = ts.createProgram([input], options);
  const diagnostics: ts.Diagnostic[] = [];
  const factory = transform(program, {}, {
    addDiagnostic: (diagnostic: ts.Diagnostic) => diagnostics.push(diagnostic),
  } as never);
  const emitted = program.emit(undefined, undefined, undefined, false, { before: [factory] });
  const errors = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics, ...diagnostics].filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (errors.length > 0) {
    throw new Error(`typia transform failed:\n${ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' })}`);
  }
  const file = join(dir, `${name}.js`);
  const module = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as TypiaModule;
  return { module, file, milliseconds: performance.now() - started };
}
