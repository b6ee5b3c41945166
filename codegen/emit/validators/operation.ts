/**
 * `validators/<Operation>.ts`: one dependency-free module per operation input, straight-line
 * checks with module-level precompiled patterns and precomputed wording, in the service's member order.
 */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { Member, Operation } from '../../model/ir.js';
import { constantCase, lowerFirst } from '../../model/names.js';
import { identifier, propertyAccess } from '../identifiers.js';
import { printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { validatorName } from './names.js';
import { testPatternLiteral } from './patterns.js';

const { StructureKind, VariableDeclarationKind } = tsMorph;

export function emitOperationValidator(operation: Operation, header: string): GeneratedFile {
  const helpers = new Set<string>(['NO_VIOLATIONS']);
  const patterns: StatementStructures[] = [];
  const rules: string[] = [];
  const body: (string | WriterFunction)[] = [
    'const members = input as Readonly<Record<string, unknown>>;',
    'let violations: ConstraintViolation[] | undefined;',
  ];

  for (const member of operation.input) {
    const constant = `${constantCase(member.name)}_PATTERN`;
    if (member.constraints.pattern) {
      patterns.push({
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        docs: [tsDoc(`Whole-value pattern of ${member.name}; the service quotes it as \`${member.constraints.pattern.documented.replace(/`/g, "'")}\`.`)],
        declarations: [{ name: constant, initializer: testPatternLiteral(member.constraints.pattern.anchored) }],
      });
    }
    body.push(memberCheck(member, constant, helpers, rules));
  }
  body.push('return violations ?? NO_VIOLATIONS;');
  if (rules.length > 0) {
    helpers.add('violated');
    rules.unshift('// The wording of every check, put together once when the module loads.');
  }

  return printFile(`validators/${operation.name}.ts`, header, [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './violations.js',
      namedImports: [...[...helpers].sort(), 'type ConstraintViolation'],
    },
    ...patterns,
    rules.join('\n'),
    {
      kind: StructureKind.Function,
      isExported: true,
      name: validatorName(operation),
      docs: [
        tsDoc(
          `Checks the input of ${operation.name} against every constraint of the model: required members, types, lengths in characters (code points), whole-value patterns and enums.`,
          'Unknown members are ignored, as the service ignores them. Violations come in the service\'s member order; render them with `renderViolations`.',
          '@returns every violation; a shared empty array when the input is valid.',
        ),
      ],
      // Any object: a typed input as well as a parsed JSON body, whose members are unknown until checked.
      parameters: [{ name: 'input', type: 'object' }],
      returnType: 'readonly ConstraintViolation[]',
      statements: body,
    },
  ]);
}

function memberCheck(member: Member, patternConstant: string, helpers: Set<string>, rules: string[]): WriterFunction {
  const value = identifier(lowerFirst(member.name));
  const args = `${quote(member.name)}, ${quote(lowerFirst(member.name))}`;
  const suffixes: Record<string, string> = {
    missing: 'MISSING',
    wrongType: 'WRONG_TYPE',
    patternMismatch: 'MISMATCH',
    tooLong: 'TOO_LONG',
    tooShort: 'TOO_SHORT',
    notInEnum: 'NOT_IN_ENUM',
  };
  // Each check's wording is a module-level rule; a failing value only pairs it with the value.
  const push = (helper: string, detail?: string) => {
    helpers.add(helper);
    const rule = `${constantCase(member.name)}_${suffixes[helper]}`;
    rules.push(`const ${rule} = ${helper}(${args}${detail === undefined ? '' : `, ${detail}`});`);
    return `(violations ??= []).push(violated(${rule}, ${helper === 'missing' ? 'undefined' : value}));`;
  };
  const { minLength, maxLength, pattern, enum: allowed } = member.constraints;
  const typeTest = {
    string: `typeof ${value} !== 'string'`,
    boolean: `typeof ${value} !== 'boolean'`,
    integer: `!Number.isInteger(${value})`,
    number: `typeof ${value} !== 'number'`,
  }[member.type];

  // Built before printing, so that the import names exactly the helpers the checks call.
  const lines: string[] = [`const ${value} = ${propertyAccess('members', member.name)};`];
  const missingCheck = member.required ? push('missing') : undefined;
  const typeCheck = push('wrongType', `'${member.type}'`);

  const valueChecks: string[] = [];
  if (member.type === 'string') {
    if (allowed) {
      const set = `[${allowed.join(', ')}]`;
      valueChecks.push(`if (${allowed.map((v) => `${value} !== ${quote(v)}`).join(' && ')}) ${push('notInEnum', quote(set))}`);
    }
    if (pattern) {
      valueChecks.push(`if (!${patternConstant}.test(${value})) ${push('patternMismatch', quote(pattern.documented))}`);
    }
    if (maxLength !== undefined) {
      helpers.add('codePointLength');
      // A string is never longer in code points than in UTF-16 units: count only when needed.
      valueChecks.push(`if (${value}.length > ${maxLength} && codePointLength(${value}) > ${maxLength}) ${push('tooLong', String(maxLength))}`);
    }
    if (minLength !== undefined && minLength > 0) {
      helpers.add('codePointLength');
      // Every code point takes at most two UTF-16 units: count only when it could fall short.
      valueChecks.push(`if (${value}.length < ${minLength * 2} && codePointLength(${value}) < ${minLength}) ${push('tooShort', String(minLength))}`);
    }
  }

  return (writer) => {
    for (const line of lines) writer.writeLine(line);
    if (missingCheck) {
      writer.writeLine(`if (${value} === undefined || ${value} === null) {`);
      writer.indent(() => writer.writeLine(missingCheck));
      writer.writeLine(`} else if (${typeTest}) {`);
    } else {
      writer.writeLine(`if (${value} !== undefined && ${value} !== null && ${typeTest}) {`);
    }
    writer.indent(() => writer.writeLine(typeCheck));
    if (valueChecks.length > 0) {
      writer.writeLine(missingCheck ? '} else {' : `} else if (typeof ${value} === 'string') {`);
      writer.indent(() => valueChecks.forEach((check) => writer.writeLine(check)));
    }
    writer.writeLine('}');
  };
}
