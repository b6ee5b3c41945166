/**
 * restJson1 JSON documents, for both sides: one writer (`se_<Shape>`, typed value → JSON value)
 * and one reader (`de_<Shape>`, JSON value → typed value) per structure and union a body uses,
 * and the expression that converts any other shape in place (lists, maps, timestamps, blobs,
 * floats, big numbers). Readers are lenient: a value of the wrong JSON type stays as it is, for
 * the server's validator to report (the wire helpers ship in `runtime/wire.ts`).
 */
import type { FunctionDeclarationStructure } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import type { ServiceModel } from '../../model/ir.js';
import type { Member, Shape } from '../../model/shapes.js';
import { propertyAccess, propertyName } from '../../model/symbols.js';
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
export function readProperty(object: string, name: string, helpers: Set<string>): string {
  if (!isPrototypeName(name)) return propertyAccess(object, name);
  helpers.add('member');
  return `member(${object}, ${quote(name)})`;
}

export class JsonCodecs {
  /** The wire helpers (runtime/wire.ts) the emitted code calls. */
  readonly helpers = new Set<string>();
  private readonly wanted: { direction: Direction; id: string }[] = [];
  private readonly named = new Set<string>();

  constructor(private readonly model: ServiceModel) {}

  private shape(id: string): Shape {
    const shape = this.model.graph.shapes.get(id);
    if (!shape) throw new Error(`unknown shape ${id}`);
    return shape;
  }

  private typeOf(id: string): string {
    return this.model.symbols.shapeType(id);
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

  /** JSON → typed, leniently: the expression for `value`, or undefined when it is used as it is. */
  read(id: string, value: string, member?: Member, depth = 0): string | undefined {
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
      return `  ${propertyName(jsonKey(this.model.graph, m))}: ${this.optional(access, this.write(m.target, access, m), m.required)},`;
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
    this.helpers.add('member');
    const entries = shape.members.map((m) => {
      const access = `member(value, ${quote(jsonKey(this.model.graph, m))})`;
      return `  ${propertyName(m.name)}: ${this.read(m.target, access, m) ?? access},`;
    });
    return {
      name,
      type,
      docs: tsDoc(`Reads ${type} from JSON; a value of another type is kept as it is.`),
      parameter: { name: 'value', type: 'unknown' },
      returnType: type,
      statements: [`if (!isJsonObject(value)) return value as ${type};`, entries.length ? `return {\n${entries.join('\n')}\n};` : `return {};`],
    };
  }
}
