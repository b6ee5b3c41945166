/** `client/src/errors.ts`: the service's base exception and one class per modeled error, as SDK v3 shapes them. */
import type { StatementStructures } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import { allErrors, ownMembers } from '../../model/queries.js';
import { propertyAccess, propertyName } from '../../model/symbols.js';
import { importOf, printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { referencedTypes } from '../types/shapes.js';
import { clientNames, optionalType } from './names.js';

const { Scope, StructureKind } = tsMorph;

export function emitErrors(model: ServiceModel, header: string): GeneratedFile {
  const { baseException } = clientNames(model);
  const errors = allErrors(model);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@smithy/core/client',
      namedImports: ['ServiceException as __ServiceException', 'type ExceptionOptionType as __ExceptionOptionType', 'type ServiceExceptionOptions as __ServiceExceptionOptions'],
    },
    {
      kind: StructureKind.Class,
      isExported: true,
      name: baseException,
      extends: '__ServiceException',
      docs: [tsDoc(`Base of every exception ${model.title} answers with. Errors the model does not know arrive as this class, named as the service named them.`)],
      ctors: [
        {
          parameters: [{ name: 'options', type: '__ServiceExceptionOptions' }],
          statements: ['super(options);', `Object.setPrototypeOf(this, ${baseException}.prototype);`],
        },
      ],
    },
  ];
  const memberTypes = referencedTypes(model, errors.flatMap((e) => e.bound.filter((m) => m.name !== 'message').map((m) => model.symbols.errorMemberType(m))));
  statements.splice(1, 0, ...importOf('./models.js', memberTypes, true));
  for (const error of errors) {
    const own = ownMembers(error);
    statements.push({
      kind: StructureKind.Class,
      isExported: true,
      name: error.name,
      extends: baseException,
      docs: [tsDoc(error.documentation, `HTTP status ${error.status} (${error.fault} fault).`)],
      properties: [
        { name: 'name', scope: Scope.Public, isReadonly: true, type: quote(error.name), initializer: quote(error.name) },
        { name: '$fault', scope: Scope.Public, isReadonly: true, type: quote(error.fault), initializer: quote(error.fault) },
        ...own.map((m) => ({ name: propertyName(m.name), hasQuestionToken: true, type: optionalType(model.symbols.errorMemberType(error.bound.find((b) => b.name === m.name)!)), docs: m.documentation ? [tsDoc(m.documentation)] : undefined })),
      ],
      ctors: [
        {
          docs: ['@internal'],
          parameters: [{ name: 'options', type: `__ExceptionOptionType<${error.name}, ${baseException}>` }],
          statements: [
            `super({ name: ${quote(error.name)}, $fault: ${quote(error.fault)}, ...options });`,
            `Object.setPrototypeOf(this, ${error.name}.prototype);`,
            ...own.map((m) => `${propertyAccess('this', m.name)} = ${propertyAccess('options', m.name)};`),
          ],
        },
      ],
    });
  }
  return printFile('client/src/errors.ts', header, statements);
}
