/**
 * Types for every shape, as SDK v3 writes them, shared by the client's and the server's
 * `models.ts`: an interface per structure, a tagged object union with `$unknown` per union, a
 * const object and a literal union per enum, a literal union per intEnum, `DocumentType` for
 * documents; lists, maps, timestamps, blobs and numbers are written in place (symbols.ts).
 */
import type { OptionalKind, PropertySignatureStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import type { Member, Shape } from '../../model/shapes.js';
import { childTargets, DOCUMENT_TYPE, optionalMemberType, propertyName } from '../../model/symbols.js';
import { constant, multiline, quote, tsDoc } from '../typescript.js';

const { StructureKind } = tsMorph;

/** A member's documentation with the constraints a caller should know. */
export function memberDocs(model: ServiceModel, member: Member): string[] | undefined {
  const shape = model.graph.shapes.get(member.target);
  const notes: string[] = [];
  const length = shape?.constraints.length;
  if (length && (shape!.kind === 'string' || shape!.kind === 'enum')) notes.push(`Length: ${length.min ?? 0} to ${length.max ?? 'unbounded'} characters.`);
  else if (length) notes.push(`Length: ${length.min ?? 0} to ${length.max ?? 'unbounded'} ${shape!.kind === 'blob' ? 'bytes' : 'entries'}.`);
  const pattern = shape?.constraints.pattern;
  if (pattern) notes.push(`Pattern: \`${(shape!.constraints.documentedPattern ?? pattern.replace(/^\^/, '').replace(/\$$/, '')).replace(/`/g, "'")}\` (whole value).`);
  const range = shape?.constraints.range;
  if (range) notes.push(`Range: ${range.min ?? '-∞'}${range.exclusiveMin ? ' (excluded)' : ''} to ${range.max ?? '∞'}${range.exclusiveMax ? ' (excluded)' : ''}.`);
  const text = tsDoc(member.documentation, notes.join(' '));
  return text ? [text] : undefined;
}

/** A member as an interface property: required ones without `?`, optional ones `?: T | undefined`. */
export function memberProperty(model: ServiceModel, member: Member, required = member.required): OptionalKind<PropertySignatureStructure> {
  const type = model.symbols.valueType(member);
  return { name: propertyName(member.name), hasQuestionToken: !required, type: required ? type : optionalMemberType(type), docs: memberDocs(model, member) };
}

/** Which of the shapes' types need a declaration or an import beside the declared shapes. */
function usedKinds(model: ServiceModel): Set<Shape['kind']> {
  const kinds = new Set<Shape['kind']>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const shape = model.graph.shapes.get(id);
    if (!shape) return;
    kinds.add(shape.kind);
    childTargets(shape).forEach(visit);
  };
  for (const operation of model.operations) for (const m of [...operation.request, ...operation.response]) visit(m.target);
  for (const error of model.errors) for (const m of error.bound) visit(m.target);
  if (model.validationError) for (const m of model.validationError.bound) visit(m.target);
  return kinds;
}

/** The import a models file needs for big decimals, if any. */
export function shapeImports(model: ServiceModel): StatementStructures[] {
  return usedKinds(model).has('bigDecimal') ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '@smithy/core/serde', namedImports: ['NumericValue'] }] : [];
}

/** Declarations of every structure, union and enum the operations and errors use, in the order they are first met. */
export function shapeDeclarations(model: ServiceModel): (StatementStructures | WriterFunction)[] {
  const statements: (StatementStructures | WriterFunction)[] = [];
  if (usedKinds(model).has('document')) {
    statements.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: DOCUMENT_TYPE,
      docs: ['A document: any JSON value, carried as it is.'],
      type: `null | boolean | number | string | ${DOCUMENT_TYPE}[] | { [key: string]: ${DOCUMENT_TYPE} }`,
    });
  }
  const declared = new Set<string>();
  for (const { id, name } of model.symbols.declaredShapes()) {
    // Enums with the same values share one declaration.
    if (declared.has(name)) continue;
    declared.add(name);
    const shape = model.graph.shapes.get(id)!;
    const docs = shape.documentation ? [tsDoc(shape.documentation)] : undefined;
    switch (shape.kind) {
      case 'enum': {
        const values = (shape.constraints.enum ?? []).map(String);
        statements.push(
          constant({ name, exported: true, docs: `The values ${name} accepts.`, initializer: multiline('{', values.map((v) => `${propertyName(v)}: ${quote(v)}`), ' as const') }),
          { kind: StructureKind.TypeAlias, isExported: true, name, docs, type: `(typeof ${name})[keyof typeof ${name}]` },
        );
        break;
      }
      case 'intEnum':
        statements.push({ kind: StructureKind.TypeAlias, isExported: true, name, docs: docs ?? [`The values ${name} accepts.`], type: (shape.constraints.enum ?? []).map(String).join(' | ') || 'number' });
        break;
      case 'structure':
        statements.push({ kind: StructureKind.Interface, isExported: true, name, docs, properties: shape.members.map((m) => memberProperty(model, m)) });
        break;
      case 'union': {
        const names = shape.members.map((m) => propertyName(m.name));
        const variant = (set: string, type: string) => `{ ${set}: ${type}; ${[...names, '$unknown'].filter((n) => n !== set).map((n) => `${n}?: never`).join('; ')} }`;
        const variants = [...shape.members.map((m) => variant(propertyName(m.name), model.symbols.shapeType(m.target))), variant('$unknown', '[string, unknown]')];
        const doc = tsDoc(shape.documentation, 'Exactly one member is set; a member this side does not know arrives as `$unknown`: its name and value.');
        statements.push((writer) => {
          writer.writeLine('/**');
          doc.split('\n').forEach((line) => writer.writeLine(line ? ` * ${line}` : ' *'));
          writer.writeLine(' */');
          writer.writeLine(`export type ${name} =`);
          variants.forEach((v, i) => writer.writeLine(`  | ${v}${i === variants.length - 1 ? ';' : ''}`));
        });
        break;
      }
      default:
        break;
    }
  }
  return statements;
}

/** The declared names (and `DocumentType`, `NumericValue`) the given TypeScript types mention, for a type-only import. */
export function referencedTypes(model: ServiceModel, types: string[]): string[] {
  const names = new Set([...model.symbols.declaredShapes().map((d) => d.name), DOCUMENT_TYPE, 'NumericValue']);
  const found = new Set<string>();
  for (const type of types) for (const word of type.match(/[A-Za-z_$][\w$]*/g) ?? []) if (names.has(word)) found.add(word);
  return [...found].sort();
}
