/** `client/src/models.ts`: each operation's request and response interface, and the enums they use. */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { Member, ServiceModel } from '../../model/ir.js';
import { propertyName } from '../../model/symbols.js';
import { constant, multiline, printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { memberType, optionalType, requestType, responseType } from './names.js';

const { StructureKind } = tsMorph;

function memberDocs(member: Member): string[] | undefined {
  const constraints: string[] = [];
  const { minLength, maxLength, pattern } = member.constraints;
  if (minLength !== undefined || maxLength !== undefined) constraints.push(`Length: ${minLength ?? 0} to ${maxLength ?? 'unbounded'} characters.`);
  if (pattern) constraints.push(`Pattern: \`${pattern.documented.replace(/`/g, "'")}\` (whole value).`);
  const text = tsDoc(member.documentation, constraints.join(' '));
  return text ? [text] : undefined;
}

export function emitModels(model: ServiceModel, enums: Map<Member, string>, header: string): GeneratedFile {
  const statements: (StatementStructures | WriterFunction)[] = [];
  const emitted = new Set<string>();
  for (const [member, name] of enums) {
    if (emitted.has(name)) continue;
    emitted.add(name);
    const values = member.constraints.enum!;
    statements.push(
      constant({
        name,
        exported: true,
        docs: `The values ${member.name} accepts.`,
        initializer: multiline('{', values.map((v) => `${propertyName(v)}: ${quote(v)}`), ' as const'),
      }),
      { kind: StructureKind.TypeAlias, isExported: true, name, type: `(typeof ${name})[keyof typeof ${name}]` },
    );
  }
  for (const operation of model.operations) {
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: requestType(operation),
      docs: [tsDoc(`Input of ${operation.name}.`)],
      properties: operation.input.map((member) => ({
        name: propertyName(member.name),
        hasQuestionToken: !member.required,
        type: member.required ? memberType(member, enums) : optionalType(memberType(member, enums)),
        docs: memberDocs(member),
      })),
    });
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: responseType(operation),
      docs: [tsDoc(`Output of ${operation.name}.`)],
      properties: operation.output.map((member) => ({
        name: propertyName(member.name),
        hasQuestionToken: true,
        type: optionalType(memberType(member, enums)),
        docs: memberDocs(member),
      })),
    });
  }
  return printFile('client/src/models.ts', header, statements);
}
