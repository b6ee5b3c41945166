// The public TypeScript surface of a generated client package, read with the TypeScript compiler
// API: every exported declaration of its sources, with the members a caller can touch. This is
// what a consumer compiles against, so it decides the package's semantic version (as an
// API-surface report does), not the model diff's view of it.

import ts from 'typescript';

export interface SurfaceMember {
  optional: boolean;
  /** The member's type as written, whitespace normalised. */
  type: string;
  /** The member's declaration as written (`Name?: string | undefined`), whitespace normalised, without comments. */
  declaration: string;
  /** Its doc comment, whitespace normalised ('' without one). */
  doc: string;
}

export interface SurfaceDeclaration {
  kind: 'interface' | 'class' | 'type' | 'const' | 'function' | 'enum';
  file: string;
  /** Members a caller reads or writes (properties of interfaces, classes and `as const` objects). */
  members: Map<string, SurfaceMember>;
  /** The type of a type alias, normalised; unions are compared member by member. */
  type?: string;
  /** The declaration's full text, comments included: any difference is at least a patch. */
  text: string;
}

export type Surface = Map<string, SurfaceDeclaration>;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function exported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function memberName(name: ts.PropertyName | undefined, source: ts.SourceFile): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return name.getText(source);
}

function typeMembers(members: ts.NodeArray<ts.TypeElement | ts.ClassElement>, source: ts.SourceFile): Map<string, SurfaceMember> {
  const out = new Map<string, SurfaceMember>();
  for (const m of members) {
    if (!(ts.isPropertySignature(m) || ts.isPropertyDeclaration(m) || ts.isMethodSignature(m) || ts.isMethodDeclaration(m))) continue;
    const modifiers = ts.canHaveModifiers(m) ? ts.getModifiers(m) ?? [] : [];
    if (modifiers.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
    const name = memberName(m.name, source);
    if (name === undefined || name.startsWith('#')) continue;
    const type = 'type' in m && m.type ? squash(m.type.getText(source)) : squash(m.getText(source));
    out.set(name, { optional: Boolean(m.questionToken), type, declaration: squash(m.getText(source)).replace(/;$/, ''), doc: docOf(m, source) });
  }
  return out;
}

function docOf(node: ts.Node, source: ts.SourceFile): string {
  return squash(node.getFullText(source).slice(0, node.getLeadingTriviaWidth(source)));
}

/** The exported declarations of client source files (path → text). */
export function readSurface(files: { path: string; content: string }[]): Surface {
  const surface: Surface = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (!exported(statement)) continue;
      const text = squash(statement.getFullText(source));
      const add = (name: string, decl: Omit<SurfaceDeclaration, 'file' | 'text'>) => {
        // A name declared twice (a const object and the type of its values) is one surface entry.
        const key = surface.has(name) && surface.get(name)!.kind !== decl.kind ? `${name} (${decl.kind})` : name;
        surface.set(key, { ...decl, file: file.path, text });
      };
      if (ts.isInterfaceDeclaration(statement)) add(statement.name.text, { kind: 'interface', members: typeMembers(statement.members, source) });
      else if (ts.isClassDeclaration(statement) && statement.name) add(statement.name.text, { kind: 'class', members: typeMembers(statement.members, source) });
      else if (ts.isTypeAliasDeclaration(statement)) {
        const members = ts.isTypeLiteralNode(statement.type) ? typeMembers(statement.type.members, source) : new Map();
        add(statement.name.text, { kind: 'type', members, type: squash(statement.type.getText(source)) });
      } else if (ts.isFunctionDeclaration(statement) && statement.name) add(statement.name.text, { kind: 'function', members: new Map(), type: squash(statement.getText(source).replace(/\{[\s\S]*$/, '')) });
      else if (ts.isEnumDeclaration(statement)) add(statement.name.text, { kind: 'enum', members: new Map(statement.members.map((m) => [m.name.getText(source), { optional: false, type: squash(m.initializer?.getText(source) ?? ''), declaration: squash(m.getText(source)), doc: docOf(m, source) }])) });
      else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (!ts.isIdentifier(d.name)) continue;
          let init = d.initializer;
          if (init && ts.isAsExpression(init)) init = init.expression;
          const members = new Map<string, SurfaceMember>();
          if (init && ts.isObjectLiteralExpression(init)) {
            for (const p of init.properties) {
              const name = memberName(p.name, source);
              if (name !== undefined) members.set(name, { optional: false, type: squash(p.getText(source)), declaration: squash(p.getText(source)), doc: docOf(p, source) });
            }
          }
          add(d.name.text, { kind: 'const', members, type: d.type ? squash(d.type.getText(source)) : undefined });
        }
      }
    }
  }
  return surface;
}
