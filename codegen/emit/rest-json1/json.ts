/**
 * restJson1 JSON documents, for both sides: one writer (`se_<Shape>`, typed value → JSON value)
 * and one reader (`de_<Shape>`, JSON value → typed value) per structure and union a body uses,
 * and the expression that converts any other shape in place (lists, maps, timestamps, blobs,
 * floats, big numbers). The client's readers are lenient: a value of the wrong JSON type stays as
 * it is. The server's (`strict`) refuse it: `expect*` helpers throw, and the server answers 400
 * SerializationException before validating (the wire helpers ship in `runtime/wire.ts`).
 */
import type { FunctionDeclarationStructure } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import type { Member, Shape } from '../../model/shapes.js';
import { childTargets, indexAccess, propertyAccess, propertyName } from '../../model/symbols.js';
import { quote, tsDoc } from '../typescript.js';
import { isPrototypeName, isSparse, jsonKey, timestampFormat } from './traits.js';

export type Direction = 'write' | 'read';

export interface CodecFunction {
  name: string;
  /** The type it writes or reads. */
  type: string;
  docs: string;
  parameter: { name: string; type: string };
  returnType: string;
  statements: string[];
}

/** A codec function as a ts-morph structure. */
export function codecFunction(f: CodecFunction, exported: boolean): FunctionDeclarationStructure {
  return { kind: tsMorph.StructureKind.Function, isExported: exported, name: f.name, docs: [f.docs], parameters: [f.parameter], returnType: f.returnType, statements: f.statements };
}

/** A value read off an object, as an own property when the name is one every object inherits. */
export function readProperty(object: string, name: string, helpers: Set<string>, access: (object: string, name: string) => string = propertyAccess): string {
  if (!isPrototypeName(name)) return access(object, name);
  helpers.add('member');
  return `member(${object}, ${quote(name)})`;
}

/**
 * The same, off a record of decoded wire values (`body`, `labels`): with brackets, as
 * `noPropertyAccessFromIndexSignature` wants reads from an index signature written.
 */
export function readRecordProperty(record: string, name: string, helpers: Set<string>): string {
  return readProperty(record, name, helpers, indexAccess);
}

/** A JSON value as a TypeScript literal: strings in the generated code's quotes where that is safe. */
export function literal(value: unknown): string {
  return typeof value === 'string' && !/[\u0000-\u001f\u2028\u2029]/.test(value) ? quote(value) : JSON.stringify(value);
}

export class JsonCodecs {
  /** The wire helpers (runtime/wire.ts) the emitted code calls. */
  readonly helpers = new Set<string>();
  private readonly wanted: { direction: Direction; id: string }[] = [];
  private readonly named = new Set<string>();

  /**
   * On the server, every value is checked against its shape as it is read, and one that does not
   * fit throws (`expect*` in runtime/wire.ts: 400 SerializationException); a member with a
   * `@default` that the request or the output leaves out gets its default, nested structures
   * included. On the client, readers are lenient and keep such a value as it is.
   */
  constructor(
    private readonly model: ServiceModel,
    readonly side: 'client' | 'server' = 'client',
  ) {}

  private get strict(): boolean {
    return this.side === 'server';
  }

  /**
   * A member's `@default` as it travels in JSON (a timestamp in the member's format; a blob's
   * default is base64 already), or undefined when it has none: in place of a value left out, the
   * server reads or writes it, and the client writes it into requests and reads it into outputs,
   * as Smithy asks of both, except for a member the model leaves optional to clients
   * (`@clientOptional`).
   */
  wireDefault(member: Member): string | undefined {
    if (member.default === undefined || member.default === null) return undefined;
    if (this.side === 'client' && member.clientOptional) return undefined;
    const shape = this.shape(member.target);
    if (shape.kind === 'timestamp') {
      const date = typeof member.default === 'number' ? new Date(member.default * 1000) : new Date(String(member.default));
      const format = timestampFormat(member, shape);
      return literal(format === 'epoch-seconds' ? date.getTime() / 1000 : format === 'http-date' ? date.toUTCString() : date.toISOString().replace('.000Z', 'Z'));
    }
    return literal(member.default);
  }

  private shape(id: string): Shape {
    const shape = this.model.graph.shapes.get(id);
    if (!shape) throw new Error(`unknown shape ${id}`);
    return shape;
  }

  private typeOf(id: string): string {
    return this.model.symbols.shapeType(id);
  }

  /**
   * What writes a JSON document of these members: `toJson`, which writes big numbers with every
   * digit, where one can occur; else `JSON.stringify`, which needs no callback per value.
   */
  stringifier(targets: string[]): string {
    const seen = new Set<string>();
    const big = (id: string): boolean => {
      if (seen.has(id)) return false;
      seen.add(id);
      const shape = this.model.graph.shapes.get(id);
      if (!shape) return false;
      if (shape.kind === 'bigInteger' || shape.kind === 'bigDecimal') return true;
      return childTargets(shape).some(big);
    };
    return targets.some(big) ? this.helper('toJson') : 'JSON.stringify';
  }

  /** The writer or reader function of a structure or union, emitted once it is asked for. */
  functionName(direction: Direction, id: string): string {
    const name = `${direction === 'write' ? 'se' : 'de'}_${this.model.symbols.declaredName(id) ?? id}`;
    if (!this.named.has(name)) {
      this.named.add(name);
      this.wanted.push({ direction, id });
    }
    return name;
  }

  private helper(name: string): string {
    this.helpers.add(name);
    return name;
  }

  /** typed → JSON: the expression for `value`, or undefined when JSON carries it as it is. */
  write(id: string, value: string, member?: Member, depth = 0): string | undefined {
    const shape = this.shape(id);
    switch (shape.kind) {
      case 'structure':
      case 'union':
        return `${this.functionName('write', id)}(${value})`;
      case 'list': {
        const item = `item${depth || ''}`;
        const inner = this.write(shape.member.target, item, shape.member, depth + 1);
        if (!inner) return undefined;
        return isSparse(shape) ? `${value}.map((${item}) => (${item} === null ? null : ${inner}))` : `${value}.map(${this.callback(item, inner)})`;
      }
      case 'map': {
        const item = `value${depth || ''}`;
        const inner = this.write(shape.value.target, item, shape.value, depth + 1);
        if (!inner) return undefined;
        return `${this.helper('mapValues')}(${value}, ${isSparse(shape) ? `(${item}) => (${item} === null ? null : ${inner})` : this.callback(item, inner)})`;
      }
      case 'timestamp':
        return `${this.helper('formatTimestamp')}(${value}, ${quote(timestampFormat(member, shape))})`;
      case 'blob':
        return `${this.helper('toBase64')}(${value})`;
      case 'float':
      case 'double':
        return `${this.helper('formatFloat')}(${value})`;
      default:
        // Strings, enums, booleans, integers, longs and documents are JSON as they are; big numbers are written by toJson.
        return undefined;
    }
  }

  /** JSON → typed: the expression for `value`, or undefined when it is used as it is (lenient readers only). */
  read(id: string, value: string, member?: Member, depth = 0): string | undefined {
    if (this.strict) return this.readStrictly(id, value, member, depth);
    const shape = this.shape(id);
    switch (shape.kind) {
      case 'structure':
      case 'union':
        return `${this.functionName('read', id)}(${value})`;
      case 'list': {
        const item = `item${depth || ''}`;
        const inner = this.read(shape.member.target, item, shape.member, depth + 1);
        if (!inner) return undefined;
        return `${this.helper(isSparse(shape) ? 'readSparseList' : 'readList')}(${value}, ${this.callback(item, inner)})`;
      }
      case 'map': {
        const item = `value${depth || ''}`;
        const inner = this.read(shape.value.target, item, shape.value, depth + 1);
        if (!inner) return undefined;
        return `${this.helper(isSparse(shape) ? 'readSparseMap' : 'readMap')}(${value}, ${this.callback(item, inner)})`;
      }
      case 'timestamp':
        return `${this.helper('parseTimestamp')}(${value}, ${quote(timestampFormat(member, shape))})`;
      case 'blob':
        return `${this.helper('fromBase64')}(${value})`;
      case 'float':
      case 'double':
        return `${this.helper('parseFloatValue')}(${value})`;
      case 'bigInteger':
        return `${this.helper('parseBigInteger')}(${value})`;
      case 'bigDecimal':
        return `${this.helper('parseBigDecimal')}(${value})`;
      default:
        return undefined;
    }
  }

  /** JSON → typed, refusing what does not fit the shape: the expression for `value` (always one, except for documents). */
  private readStrictly(id: string, value: string, member: Member | undefined, depth: number): string | undefined {
    const shape = this.shape(id);
    switch (shape.kind) {
      case 'structure':
      case 'union':
        return `${this.functionName('read', id)}(${value})`;
      case 'list': {
        const item = `item${depth || ''}`;
        const inner = this.readStrictly(shape.member.target, item, shape.member, depth + 1) ?? item;
        return `${this.helper(isSparse(shape) ? 'expectSparseList' : 'expectList')}(${value}, ${this.callback(item, inner)})`;
      }
      case 'map': {
        const item = `value${depth || ''}`;
        const inner = this.readStrictly(shape.value.target, item, shape.value, depth + 1) ?? item;
        return `${this.helper(isSparse(shape) ? 'expectSparseMap' : 'expectMap')}(${value}, ${this.callback(item, inner)})`;
      }
      case 'string':
      case 'enum':
        // A value outside an enum is the validator's to report: the decoder checks only the JSON type.
        return `${this.helper('expectString')}(${value})`;
      case 'boolean':
        return `${this.helper('expectBoolean')}(${value})`;
      case 'byte':
      case 'short':
      case 'integer':
      case 'long':
        return `${this.helper('expectInteger')}(${value}, ${quote(shape.kind)})`;
      case 'intEnum':
        return `${this.helper('expectInteger')}(${value}, 'integer')`;
      case 'timestamp':
        return `${this.helper('expectTimestamp')}(${value}, ${quote(timestampFormat(member, shape))})`;
      case 'blob':
        return `${this.helper('expectBase64')}(${value})`;
      case 'float':
      case 'double':
        return `${this.helper('expectFloat')}(${value})`;
      case 'bigInteger':
        return `${this.helper('expectBigInteger')}(${value})`;
      case 'bigDecimal':
        return `${this.helper('expectBigDecimal')}(${value})`;
      default:
        // A document is any JSON value.
        return undefined;
    }
  }

  /** `fn` itself when the conversion is `fn(item)`, else an arrow function. */
  private callback(item: string, expression: string): string {
    const call = new RegExp(`^([A-Za-z_$][\\w$]*)\\(${item}\\)$`).exec(expression);
    return call ? call[1] : `(${item}) => ${expression}`;
  }

  /** An optional member's conversion, skipped when the member is absent. */
  optional(access: string, expression: string | undefined, required: boolean): string {
    if (!expression || expression === access) return access;
    return required ? expression : `${access} === undefined ? undefined : ${expression}`;
  }

  /**
   * A member of the JSON object `object`, under `key`, converted to its type. JSON `null` reads as
   * absent, as restJson1 says, except in a member the model marks nullable (OpenAPI's
   * `type: [T, 'null']`), where it is a value of its own and is kept. `fallback` is the member's
   * default, as the wire carries it, for a member left out.
   */
  readMember(object: string, m: Member, key: string, fallback?: string): string {
    if (m.nullable) {
      const access = `${this.helper('nullableMember')}(${object}, ${quote(key)}${fallback === undefined ? '' : `, ${fallback}`})`;
      const inner = this.read(m.target, 'item', m);
      return inner ? `${this.helper('unlessNull')}(${access}, ${this.callback('item', inner)})` : access;
    }
    const access = `${this.helper('member')}(${object}, ${quote(key)})${fallback === undefined ? '' : ` ?? ${fallback}`}`;
    return this.read(m.target, access, m) ?? access;
  }

  /**
   * A member's value as JSON, from `access`: left out when absent (`undefined`, which
   * `JSON.stringify` skips); a nullable member's `null` is written as `null`. `fallback` is the
   * default the server writes for a member the implementation leaves out.
   */
  writeMember(access: string, m: Member, required: boolean, fallback?: string): string {
    const expression = this.write(m.target, access, m);
    if (fallback !== undefined) return `${access} === undefined ? ${fallback} : ${m.nullable && expression ? `${access} === null ? null : ${expression}` : (expression ?? access)}`;
    if (m.nullable && expression) return `${access} === undefined || ${access} === null ? ${access} : ${expression}`;
    return this.optional(access, expression, required);
  }

  /** The functions asked for so far, and those they ask for in turn. */
  functions(): CodecFunction[] {
    const result: CodecFunction[] = [];
    for (let i = 0; i < this.wanted.length; i++) {
      const { direction, id } = this.wanted[i];
      const shape = this.shape(id);
      result.push(direction === 'write' ? this.writer(shape) : this.reader(shape));
    }
    return result;
  }

  private writer(shape: Shape): CodecFunction {
    const type = this.typeOf(shape.id);
    const name = this.functionName('write', shape.id);
    if (shape.kind === 'union') {
      const statements = shape.members.map((m) => {
        const access = propertyAccess('input', m.name);
        return `if (${access} !== undefined) return { ${propertyName(jsonKey(this.model.graph, m))}: ${this.write(m.target, access, m) ?? access} };`;
      });
      statements.push('// A member this client does not know is sent back as it came.');
      statements.push('return input.$unknown === undefined ? {} : { [input.$unknown[0]]: input.$unknown[1] };');
      return { name, type, docs: tsDoc(`Writes the union ${type} as JSON: the one member that is set.`), parameter: { name: 'input', type }, returnType: 'Record<string, unknown>', statements };
    }
    if (shape.kind !== 'structure') throw new Error(`no writer for ${shape.kind}`);
    const entries = shape.members.map((m) => {
      const access = readProperty('input', m.name, this.helpers);
      // The server writes a member's default where the implementation leaves it out.
      return `  ${propertyName(jsonKey(this.model.graph, m))}: ${this.writeMember(access, m, m.required, this.wireDefault(m))},`;
    });
    return {
      name,
      type,
      docs: tsDoc(`Writes ${type} as JSON: members under their JSON names, absent ones left out.`),
      parameter: { name: 'input', type },
      returnType: 'Record<string, unknown>',
      statements: [entries.length ? `return {\n${entries.join('\n')}\n};` : 'return {};'],
    };
  }

  private reader(shape: Shape): CodecFunction {
    const type = this.typeOf(shape.id);
    const name = this.functionName('read', shape.id);
    if (this.strict) return this.strictReader(shape, type, name);
    this.helpers.add('isJsonObject');
    if (shape.kind === 'union') {
      this.helpers.add('unionMember');
      const cases = shape.members.map((m) => `  case ${quote(jsonKey(this.model.graph, m))}:\n    return { ${propertyName(m.name)}: ${this.read(m.target, 'item', m) ?? `item as ${this.typeOf(m.target)}`} };`);
      return {
        name,
        type,
        docs: tsDoc(`Reads the union ${type} from JSON; a member this side does not know is kept as \`$unknown\`.`),
        parameter: { name: 'value', type: 'unknown' },
        returnType: type,
        statements: [
          'const set = isJsonObject(value) ? unionMember(value) : undefined;',
          `if (set === undefined) return value as ${type};`,
          'const [key, item] = set;',
          `switch (key) {\n${cases.join('\n')}\n  default:\n    return { $unknown: [key, item] };\n}`,
        ],
      };
    }
    if (shape.kind !== 'structure') throw new Error(`no reader for ${shape.kind}`);
    const entries = shape.members.map((m) => `  ${propertyName(m.name)}: ${this.readMember('value', m, jsonKey(this.model.graph, m), this.wireDefault(m))},`);
    return {
      name,
      type,
      docs: tsDoc(`Reads ${type} from JSON; a value of another type is kept as it is.`),
      parameter: { name: 'value', type: 'unknown' },
      returnType: type,
      statements: [`if (!isJsonObject(value)) return value as ${type};`, entries.length ? `return {\n${entries.join('\n')}\n};` : `return {};`],
    };
  }

  /** A reader that refuses a value of another JSON type, a union without exactly one known member, and (below) any member that does not fit. */
  private strictReader(shape: Shape, type: string, name: string): CodecFunction {
    if (shape.kind === 'union') {
      this.helpers.add('expectUnionMember');
      const keys = shape.members.map((m) => jsonKey(this.model.graph, m));
      const cases = shape.members.map((m, i) => `  case ${quote(keys[i]!)}:\n    return { ${propertyName(m.name)}: ${this.read(m.target, 'item', m) ?? `item as ${this.typeOf(m.target)}`} };`);
      return {
        name,
        type,
        docs: tsDoc(`Reads the union ${type} from JSON: exactly one member this side knows must be set.`),
        parameter: { name: 'value', type: 'unknown' },
        returnType: type,
        statements: [
          `if (value === undefined) return value as unknown as ${type};`,
          `const [key, item] = expectUnionMember(value, [${keys.map(quote).join(', ')}]);`,
          `switch (key) {\n${cases.join('\n')}\n}`,
          '// expectUnionMember has refused every other key.',
          'return { $unknown: [key, item] };',
        ],
      };
    }
    if (shape.kind !== 'structure') throw new Error(`no reader for ${shape.kind}`);
    this.helpers.add('expectObject');
    const entries = shape.members.map((m) => `  ${propertyName(m.name)}: ${this.readMember('object', m, jsonKey(this.model.graph, m), this.wireDefault(m))},`);
    return {
      name,
      type,
      docs: tsDoc(`Reads ${type} from JSON, refusing a value that does not fit it; a member left out gets its default.`),
      parameter: { name: 'value', type: 'unknown' },
      returnType: type,
      statements: [
        `if (value === undefined) return value as unknown as ${type};`,
        ...(entries.length ? ['const object = expectObject(value);', `return {\n${entries.join('\n')}\n};`] : ['expectObject(value);', 'return {};']),
      ],
    };
  }
}
