/**
 * The symbol table: every name the generator writes, spelled once. Types, commands, errors,
 * validators, constants, locals and file paths of the client, the server and the validators;
 * the TypeScript type each member is declared with; reserved words escaped and collisions
 * resolved. The emitters and the diff (which tells users what a change does to their code)
 * both ask here, so the diff describes the TypeScript the generator really writes.
 */
import type { MemberType } from './ir.js';
import type { BoundMember, Member, Shape, ShapeModel } from './shapes.js';

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

/**
 * `record['Name']`: a read from a record (an index signature), which `noPropertyAccessFromIndexSignature`
 * asks to be written with brackets, so that generated code compiles under it.
 */
export function indexAccess(record: string, name: string): string {
  return `${record}['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
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
  /** The reader of one event of an event-stream union (by the union's declared name). */
  eventReader: (union: string) => `de_${union}_event`,
  /** The reader of the errors an operation's event stream sends as exception messages. */
  eventExceptionReader: (operation: string) => `de_${operation}CommandException`,
  commandFile: (operation: string) => `client/src/commands/${operation}Command.ts`,
  /** What every paginator takes: the client and paging options (the SDK's `LambdaPaginationConfiguration`). */
  paginationConfiguration: (serviceName: string) => `${serviceName}PaginationConfiguration`,
  paginationConfigurationFile: () => 'client/src/pagination/Interfaces.ts',
  /** An async iterator over a paginated operation's pages (`paginateListFunctions`). */
  paginator: (operation: string) => `paginate${operation}`,
  paginatorFile: (operation: string) => `client/src/pagination/${operation}Paginator.ts`,
  /** A waiter that throws unless it reaches success (`waitUntilFunctionActive`). */
  waitUntil: (waiter: string) => `waitUntil${waiter}`,
  /** The same waiter returning its result whatever the state (`waitForFunctionActive`, deprecated in the SDK). */
  waitFor: (waiter: string) => `waitFor${waiter}`,
  waiterFile: (waiter: string) => `client/src/waiters/waitFor${waiter}.ts`,
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

/** Kinds declared as named types: interfaces, tagged unions, enums. */
const DECLARED_KINDS = new Set<Shape['kind']>(['structure', 'union', 'enum', 'intEnum']);

/** The TypeScript type of each kind that is not declared by name, as SDK v3 writes it. */
const KIND_TYPES: Partial<Record<Shape['kind'], string>> = {
  string: 'string',
  boolean: 'boolean',
  byte: 'number',
  short: 'number',
  integer: 'number',
  // SDK v3's choice: a long is a number, exact up to 2^53.
  long: 'number',
  float: 'number',
  double: 'number',
  bigInteger: 'bigint',
  bigDecimal: 'NumericValue',
  timestamp: 'Date',
  blob: 'Uint8Array',
  document: 'DocumentType',
};

/** Names the generated models declare besides the model's shapes. */
export const DOCUMENT_TYPE = 'DocumentType';

export class SymbolTable {
  private readonly declared = new Map<string, string>();
  private readonly constants = new Map<string, string>();
  private readonly locals = new Map<string, string>();

  constructor(private readonly graph: ShapeModel) {
    this.nameDeclaredShapes();
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

  /**
   * Structures, unions and enums get a type name: a schema the document names keeps its name; an
   * inline one is named after its member, with its parent's name in front only where two
   * different shapes would otherwise share a name (enums with the same values share one type).
   */
  private nameDeclaredShapes(): void {
    const order = this.reachable();
    const taken = new Set<string>([DOCUMENT_TYPE, 'NumericValue']);
    for (const operation of this.graph.operations) {
      for (const name of [clientSymbols.request, clientSymbols.response, clientSymbols.command, clientSymbols.commandInput, clientSymbols.commandOutput, serverSymbols.input, serverSymbols.output]) taken.add(name(operation.name));
    }
    for (const name of this.graph.errors.keys()) taken.add(typeName(name));
    const components = order.filter((id) => !id.includes('$'));
    for (const id of components) this.declared.set(id, unique(typeName(id), taken, (n, i) => `${n}${i}`));
    const groups = new Map<string, string[]>();
    for (const id of order.filter((id) => id.includes('$'))) {
      const base = typeName(id.slice(id.lastIndexOf('$') + 1));
      groups.set(base, [...(groups.get(base) ?? []), id]);
    }
    for (const [base, ids] of groups) {
      const signatures = new Set(ids.map((id) => this.signature(id)));
      const shared = signatures.size === 1 && !taken.has(base) && (ids.length === 1 || this.graph.shapes.get(ids[0])!.kind === 'enum' || this.graph.shapes.get(ids[0])!.kind === 'intEnum');
      if (shared) {
        taken.add(base);
        for (const id of ids) this.declared.set(id, base);
        continue;
      }
      for (const id of ids) this.declared.set(id, unique(typeName(this.qualified(id)), taken, (n, i) => `${n}${i}`));
    }
  }

  /** Declared shapes reachable from operations and errors, in the order they are first met. */
  private reachable(): string[] {
    const seen = new Set<string>();
    const order: string[] = [];
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const shape = this.graph.shapes.get(id);
      if (!shape) return;
      if (DECLARED_KINDS.has(shape.kind)) order.push(id);
      for (const child of childTargets(shape)) visit(child);
    };
    for (const operation of this.graph.operations) for (const member of [...operation.input, ...operation.output]) visit(member.target);
    // An error's own enum members are typed by their base type (errorMemberType), so they declare nothing.
    for (const error of this.graph.errors.values()) for (const member of error.members) if (!this.isEnum(member.target)) visit(member.target);
    return order;
  }

  private isEnum(id: string): boolean {
    const kind = this.graph.shapes.get(id)?.kind;
    return kind === 'enum' || kind === 'intEnum';
  }

  /** An inline shape's id as words, its operation's name standing for the operation's request or response body. */
  private qualified(id: string): string {
    const parts = id.split('$').filter((part) => part !== 'input' && part !== 'output');
    const operation = this.graph.operations.find((o) => parts[0] === `${o.name}Request` || parts[0] === `${o.name}Response`);
    if (operation) parts[0] = operation.name;
    return parts.join(' ');
  }

  private signature(id: string): string {
    const shape = this.graph.shapes.get(id)!;
    return shape.kind === 'enum' || shape.kind === 'intEnum' ? `${shape.kind}:${JSON.stringify(shape.constraints.enum)}` : `${shape.kind}:${id}`;
  }

  /** Every structure, union and enum the models declare, with its type name, in the order they are first met. */
  declaredShapes(): { id: string; name: string }[] {
    return [...this.declared].map(([id, name]) => ({ id, name }));
  }

  /** The type name of a structure, union or enum shape. */
  declaredName(id: string): string | undefined {
    return this.declared.get(id);
  }

  /** The enum type an operation's member is declared with, when its values are enumerated. */
  enumType(operation: string, side: Side, member: string): string | undefined {
    const found = this.graph.operations.find((o) => o.name === operation)?.[side].find((m) => m.name === member);
    const shape = found && this.graph.shapes.get(found.target);
    return shape && (shape.kind === 'enum' || shape.kind === 'intEnum') ? this.declared.get(shape.id) : undefined;
  }

  /** The TypeScript type of a member as the client's models declare it. */
  memberType(_operation: string, _side: Side, member: Member): string {
    return this.valueType(member);
  }

  /**
   * The TypeScript type of a member's value: an event stream is an `AsyncIterable` of its union's
   * events, as SDK v3 types it; a member the model marks nullable may also be `null`.
   */
  valueType(member: Member): string {
    const binding = (member as Partial<BoundMember>).binding;
    const type = this.shapeType(member.target);
    if (binding?.kind === 'payload' && binding.eventStream) return `AsyncIterable<${type}>`;
    return member.nullable ? `${type} | null` : type;
  }

  /**
   * The TypeScript type of an error's member as its exception class declares it. An enum member is
   * its base type, as the exception classes have always declared it: an output narrowed to an enum
   * would be a breaking change of the client package for a model that only adds values.
   */
  errorMemberType(member: Member): string {
    const type = this.isEnum(member.target) ? (this.graph.shapes.get(member.target)!.kind === 'enum' ? 'string' : 'number') : this.shapeType(member.target);
    return member.nullable ? `${type} | null` : type;
  }

  /** A module-level constant prefix for an input member, unique within its operation's validator. */
  memberConstant(operation: string, member: string): string {
    return this.constants.get(key(operation, 'input', member)) ?? constantCase(member);
  }

  /** A local variable for an input member, unique within its operation's validator. */
  memberLocal(operation: string, member: string): string {
    return this.locals.get(key(operation, 'input', member)) ?? identifier(lowerFirst(member));
  }

  /** The TypeScript type of a shape: its declared name, an array, a record or the type of its kind. */
  shapeType(id: string): string {
    const shape = this.graph.shapes.get(id);
    if (!shape) return 'unknown';
    const declared = this.declared.get(id);
    if (declared) return declared;
    switch (shape.kind) {
      case 'list': {
        const item = this.shapeType(shape.member.target);
        return shape.sparse || shape.extensions['x-sparse'] === true ? `(${item} | null)[]` : `${wrap(item)}[]`;
      }
      case 'map': {
        const value = this.shapeType(shape.value.target);
        return `Record<string, ${shape.sparse || shape.extensions['x-sparse'] === true ? `${value} | null` : value}>`;
      }
      case 'structure':
      case 'union':
        return typeName(id);
      case 'enum':
        return 'string';
      case 'intEnum':
        return 'number';
      default:
        return KIND_TYPES[shape.kind] ?? 'unknown';
    }
  }
}

/** The shapes a shape refers to. */
export function childTargets(shape: Shape): string[] {
  switch (shape.kind) {
    case 'structure':
    case 'union':
      return shape.members.map((m) => m.target);
    case 'list':
      return [shape.member.target];
    case 'map':
      return [shape.value.target];
    default:
      return [];
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
