/**
 * `validators/<Operation>.ts`: one dependency-free module per operation input, straight-line
 * checks at any depth (checks.ts) with module-level precompiled patterns and precomputed wording,
 * in the service's member order.
 */
import type { OperationShape, ShapeModel } from '../../model/shapes.js';
import { validatorSymbols, type SymbolTable } from '../../model/symbols.js';
import { printFile, tsDoc, type GeneratedFile } from '../typescript.js';
import { memberAccess, ValidatorWriter } from './checks.js';
import { fixedPlace, memberPlace, wordingOf, type Wording } from './wording.js';

/** The operation's input members in the service's own order (`x-member-order`) when the document gives one. */
function orderedInput(operation: OperationShape): OperationShape['input'] {
  if (!operation.memberOrder) return operation.input;
  const byName = new Map(operation.input.map((m) => [m.name, m]));
  const ordered = operation.memberOrder.flatMap((name) => byName.get(name) ?? []);
  return [...ordered, ...operation.input.filter((m) => !operation.memberOrder!.includes(m.name))];
}

export function emitOperationValidator(graph: ShapeModel, operationName: string, symbols: SymbolTable, header: string, wording: Wording = wordingOf(graph)): GeneratedFile {
  const operation = graph.operations.find((o) => o.name === operationName);
  if (!operation) throw new Error(`no operation ${operationName} in the model`);
  const writer = new ValidatorWriter(graph, wording);
  writer.startFunction(['input', 'members']);
  const body: string[] = ['const members = input as Readonly<Record<string, unknown>>;', 'let violations: ConstraintViolation[] | undefined;'];
  for (const member of orderedInput(operation)) {
    const place = wording === 'aws' ? memberPlace(undefined, member.name, wording) : fixedPlace(`/${member.name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    const local = writer.local(symbols.memberLocal(operation.name, member.name));
    writer.member(body, memberAccess('members', member.name), local, member, place, symbols.memberConstant(operation.name, member.name), []);
  }
  body.push('return violations ?? NO_VIOLATIONS;');

  const declarations = writer.declarations.length > 0 ? ['// The patterns and the wording of every check, put together once when the module loads.', ...writer.declarations].join('\n') : '';
  const name = validatorSymbols.validator(operation.name);
  return printFile(`validators/${operation.name}.ts`, header, [
    `import { ${[...writer.helpers].sort().join(', ')}, type ConstraintViolation } from './violations.js';`,
    ...(writer.patternHelpers.size ? [`import { ${[...writer.patternHelpers].sort().join(', ')} } from './linear-pattern.js';`] : []),
    declarations,
    ...[...writer.functions.values()].map((f) => `\n${f.text}`),
    [
      '',
      `/**`,
      ...tsDoc(
        `Checks the input of ${operation.name} against every constraint of the model, at any depth: required members, types, lengths (characters, items, entries or bytes), whole-value patterns, ranges, enums, unique items and unions.`,
        `Unknown members are ignored, as the service ignores them. Violations come in the service's member order, named ${wording === 'aws' ? "as AWS names them (`member.nested`)" : 'by JSON pointers (`/member/0/nested`)'}; render them with \`renderViolations\`.`,
        '@returns every violation; a shared empty array when the input is valid.',
      )
        .split('\n')
        .map((l) => (l ? ` * ${l}` : ' *')),
      ` */`,
      // Any object: a typed input as well as a decoded request, whose members are unknown until checked.
      `export function ${name}(input: object): readonly ConstraintViolation[] {`,
      ...body.map((l) => l.split('\n').map((x) => (x ? `  ${x}` : x)).join('\n')),
      '}',
    ].join('\n'),
  ]);
}
