/**
 * The symbol table: every name the generator writes, spelled once. Types, commands, errors,
 * validators, constants, locals and file paths of the client, the server and the validators;
 * the TypeScript type each member is declared with; reserved words escaped and collisions
 * resolved. The emitters and the diff (which tells users what a change does to their code)
 * both ask here, so the diff describes the TypeScript the generator really writes.
 */
import type { MemberType } from './ir.js';
import type { Member, Shape, ShapeModel } from './shapes.js';

// --- Spelling rules -------------------------------------------------------------------------

/** Words a generated local may not be: JavaScript's reserved words and the emitters' own locals. */
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined input members violations'.split(' '),
);

/** A local variable name for a member; reserved words and the emitters' own names get a suffix. */
export function identifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_');
  const safe = /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
  return RESERVED.has(safe) ? `${safe}Value` : safe;
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** `object.Name`, or `object['odd-name']` when the name is not an identifier. */
export function propertyAccess(object: string, name: string): string {
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${JSON.stringify(name)}]`;
}

/** A property name in an object type or literal. */
export function propertyName(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** A type name from a model name: PascalCase identifier characters (so never a reserved word, all of which are lower-case). */
export function typeName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(joined) ? joined : `T${joined}`;
}

/** `AWS Lambda` → `Lambda`, `Amazon Simple Queue Service` → `SimpleQueueService`. */
export function serviceNameFromTitle(title: string): string {
  const words = title
    .replace(/^(AWS|Amazon)\s+/i, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `Service${name}`;
}

/** The name the service uses for a member in its messages: first letter lower-cased. */
export function lowerFirst(name: string): string {
  return name.length === 0 ? name : name[0].toLowerCase() + name.slice(1);
}

/** `CONSTANT_CASE` for module-level constants: `ItemName` → `ITEM_NAME`. */
export function constantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

// --- Names of generated symbols -------------------------------------------------------------

/** The client package's symbols and files (SDK v3's names). */
export const clientSymbols = {
  client: (serviceName: string) => `${serviceName}Client`,
  /** The aggregated client with one method per operation (the SDK's `Lambda` beside `LambdaClient`). */
  aggregatedClient: (serviceName: string) => serviceName,
  /** An operation's method on the aggregated client: its name with the first letter lower-cased. */
  method: (operation: string) => lowerFirst(operation),
  config: (serviceName: string) => `${serviceName}ClientConfig`,
  resolvedConfig: (serviceName: string) => `${serviceName}ClientResolvedConfig`,
  baseException: (serviceName: string) => `${serviceName}ServiceException`,
  packageName: (serviceName: string) => `@permgen/client-${serviceName.toLowerCase()}`,
  command: (operation: string) => `${operation}Command`,
  commandInput: (operation: string) => `${operation}CommandInput`,
  commandOutput: (operation: string) => `${operation}CommandOutput`,
  request: (operation: string) => `${operation}Request`,
  response: (operation: string) => `${operation}Response`,
  serializer: (operation: string) => `se_${operation}Command`,
  deserializer: (operation: string) => `de_${operation}Command`,
  commandFile: (operation: string) => `client/src/commands/${operation}Command.ts`,
};

/** The server's symbols and files. */
export const serverSymbols = {
  implementation: (serviceName: string) => `${serviceName}Implementation`,
  input: (operation: string) => `${operation}Input`,
  output: (operation: string) => `${operation}Output`,
  handler: (operation: string) => `handle${operation}`,
  errorConstant: (error: string) => constantCase(error),
  errorTable: (operation: string) => `${constantCase(operation)}_ERRORS`,
  operationFile: (operation: string) => `server/operations/${operation}.ts`,
};

/** The validators' symbols and files. */
export const validatorSymbols = {
  validator: (operation: string) => `validate${operation}Input`,
  file: (operation: string) => `validators/${operation}.ts`,
};

/** The TypeScript type of each scalar the emitters write today. */
export const TS_SCALARS: Record<MemberType, string> = { string: 'string', boolean: 'boolean', integer: 'number', number: 'number' };

/** The scalar a shape kind is emitted as today; absent for kinds the emitters refuse. */
export const SCALAR_OF_KIND: Partial<Record<Shape['kind'], MemberType>> = {
  string: 'string',
  enum: 'string',
  boolean: 'boolean',
  byte: 'integer',
  short: 'integer',
  integer: 'integer',
  long: 'integer',
  intEnum: 'integer',
  bigInteger: 'integer',
  float: 'number',
  double: 'number',
  bigDecimal: 'number',
  // Until the emitters know blobs, they travel as the JSON text the document gives.
  blob: 'string',
};

/**
 * How the client declares a member that may be absent: `T | undefined`, as SDK v3 does, so that code
 * compiled with `exactOptionalPropertyTypes` may pass a value that is possibly undefined.
 */
export const optionalMemberType = (type: string): string => `${type} | undefined`;

export type Side = 'input' | 'output';

// --- Names that depend on the whole model ---------------------------------------------------

export class SymbolTable {
  private readonly enums = new Map<string, string>();
  private readonly constants = new Map<string, string>();
  private readonly locals = new Map<string, string>();

  constructor(private readonly graph: ShapeModel) {
    // Enum types are named after their member; the operation name is added only to tell two apart.
    const valueSets = new Map<string, Set<string>>();
    const withEnum: [string, Side, Member][] = [];
    for (const operation of graph.operations) {
      for (const [side, members] of [['input', operation.input], ['output', operation.output]] as const) {
        for (const member of members) {
          const values = graph.shapes.get(member.target)?.constraints.enum;
          if (!values) continue;
          withEnum.push([operation.name, side, member]);
          valueSets.set(member.name, (valueSets.get(member.name) ?? new Set()).add(JSON.stringify(values)));
        }
      }
    }
    for (const [operation, side, member] of withEnum) {
      const base = valueSets.get(member.name)!.size > 1 ? `${operation}${member.name}` : member.name;
      this.enums.set(key(operation, side, member.name), typeName(base));
    }
    // Per operation, module constants and locals must be distinct: `ItemId` and `item-id` both want ITEM_ID.
    for (const operation of graph.operations) {
      const takenConstants = new Set<string>();
      const takenLocals = new Set<string>();
      for (const member of operation.input) {
        this.constants.set(key(operation.name, 'input', member.name), unique(constantCase(member.name), takenConstants, (n, i) => `${n}_${i}`));
        this.locals.set(key(operation.name, 'input', member.name), unique(identifier(lowerFirst(member.name)), takenLocals, (n, i) => `${n}${i}`));
      }
    }
  }

  /** The enum type a member is declared with, when its values are enumerated. */
  enumType(operation: string, side: Side, member: string): string | undefined {
    return this.enums.get(key(operation, side, member));
  }

  /** The TypeScript type of a member as the client's models declare it. */
  memberType(operation: string, side: Side, member: Member): string {
    return this.enumType(operation, side, member.name) ?? this.shapeType(member.target);
  }

  /** The TypeScript type of an error's member as its exception class declares it. */
  errorMemberType(member: Member): string {
    return this.shapeType(member.target);
  }

  /** A module-level constant prefix for an input member, unique within its operation's validator. */
  memberConstant(operation: string, member: string): string {
    return this.constants.get(key(operation, 'input', member)) ?? constantCase(member);
  }

  /** A local variable for an input member, unique within its operation's validator. */
  memberLocal(operation: string, member: string): string {
    return this.locals.get(key(operation, 'input', member)) ?? identifier(lowerFirst(member));
  }

  /** The TypeScript type of a shape. */
  shapeType(id: string, seen = new Set<string>()): string {
    const shape = this.graph.shapes.get(id);
    if (!shape) return 'unknown';
    if (shape.kind === 'timestamp') return shape.format === 'epoch-seconds' ? 'number' : 'string';
    const scalar = SCALAR_OF_KIND[shape.kind];
    if (scalar) return TS_SCALARS[scalar];
    if (seen.has(id)) return typeName(id);
    seen.add(id);
    switch (shape.kind) {
      case 'list':
        return `${wrap(this.shapeType(shape.member.target, seen))}[]`;
      case 'map':
        return `Record<string, ${this.shapeType(shape.value.target, seen)}>`;
      case 'structure':
      case 'union':
        return typeName(id);
      default:
        return 'unknown';
    }
  }
}

const key = (operation: string, side: Side, member: string) => `${operation}\u0000${side}\u0000${member}`;
const wrap = (type: string) => (/^[A-Za-z0-9_$]+(\[\])*$/.test(type) ? type : `(${type})`);

function unique(name: string, taken: Set<string>, numbered: (name: string, i: number) => string): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = numbered(name, i);
  taken.add(candidate);
  return candidate;
}
