/**
 * The checks of one operation's input, written as straight-line TypeScript by walking the shape
 * graph: each member's presence, type and constraints, nested structures and unions inline, a
 * loop per list and map. A shape that contains itself gets a function of its own (called with the
 * place it sits at); everything else is inline. The wording of every check is a module-level rule
 * (runtime/violations.ts), put together once when the module loads.
 */
import type { ListShape, MapShape, Member, Shape, ShapeModel, StructureShape, UnionShape } from '../../model/shapes.js';
import { constantCase, identifier, indexAccess, typeName } from '../../model/symbols.js';
import { quote } from '../typescript.js';
import { patternTest, patternWording } from './patterns.js';
import { itemPlace, memberPlace, valuePlace, variablePlace, type Place, type Wording } from './wording.js';

/** Names an object inherits (`constructor`, `toString`, …): read only when the input has them itself. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Reads a member of a decoded input: an own property only, so that `constructor` is not the object's class. */
export function memberAccess(object: string, name: string): string {
  const access = indexAccess(object, name);
  return INHERITED.has(name) ? `(Object.hasOwn(${object}, ${quote(name)}) ? ${access} : undefined)` : access;
}

const INTEGER_KINDS = new Set(['byte', 'short', 'integer', 'long', 'intEnum', 'bigInteger']);
/** Above this many values an enum is tested with a Set rather than a chain of comparisons. */
const ENUM_SET_THRESHOLD = 8;

/** How the wording calls each kind's type in a wrong-type violation. */
function typeWord(shape: Shape): string {
  if (shape.kind === 'string' || shape.kind === 'enum') return 'string';
  if (INTEGER_KINDS.has(shape.kind)) return 'integer';
  if (shape.kind === 'float' || shape.kind === 'double' || shape.kind === 'bigDecimal') return 'number';
  return shape.kind;
}

/** The test that a present value is NOT of the shape's type, or undefined when any value is (documents). */
function typeTest(value: string, shape: Shape): string | undefined {
  switch (shape.kind) {
    case 'string':
    case 'enum':
      return `typeof ${value} !== 'string'`;
    case 'boolean':
      return `typeof ${value} !== 'boolean'`;
    case 'bigInteger':
      return `typeof ${value} !== 'bigint' && !Number.isInteger(${value})`;
    case 'bigDecimal':
      // A number, its text, or the SDK's NumericValue (`{ string: '1.5', type: 'bigDecimal' }`).
      return `typeof ${value} !== 'number' && typeof ${value} !== 'string' && !(typeof ${value} === 'object' && typeof (${value} as { string?: unknown }).string === 'string')`;
    case 'float':
    case 'double':
      return `typeof ${value} !== 'number'`;
    case 'timestamp':
      return `!(${value} instanceof Date) || Number.isNaN(${value}.getTime())`;
    case 'blob':
      return `!(${value} instanceof Uint8Array)`;
    case 'list':
      return `!Array.isArray(${value})`;
    case 'structure':
    case 'union':
    case 'map':
      return `typeof ${value} !== 'object' || Array.isArray(${value}) || ${value} instanceof Date || ${value} instanceof Uint8Array`;
    case 'document':
      return undefined;
    default:
      return INTEGER_KINDS.has(shape.kind) ? `!Number.isInteger(${value})` : undefined;
  }
}

/** The TypeScript type a value has once its type test passed. */
function narrowed(shape: Shape): string {
  switch (shape.kind) {
    case 'list':
      return 'readonly unknown[]';
    case 'structure':
    case 'union':
    case 'map':
      return 'Readonly<Record<string, unknown>>';
    case 'blob':
      return 'Uint8Array';
    case 'timestamp':
      return 'Date';
    case 'string':
    case 'enum':
      return 'string';
    default:
      return 'number';
  }
}

/** One constraint of a scalar: the failing condition, its rule and its phrase inside AWS's bracketed lists. */
interface ScalarCheck {
  condition: string;
  suffix: string;
  /** The rule builder's call, given the member and path arguments. */
  rule: (args: string) => string;
  phrase: string;
  helpers: string[];
}

export class ValidatorWriter {
  readonly helpers = new Set<string>(['NO_VIOLATIONS']);
  /** Module-level statements: patterns, enum sets, rules, in the order first needed. */
  readonly declarations: string[] = [];
  /** Functions of shapes that contain themselves, by shape id. */
  readonly functions = new Map<string, { name: string; text: string }>();
  private readonly constants = new Set<string>();
  private readonly patternConstants = new Map<string, string>();
  /** Helpers of runtime/linear-pattern.ts the module's patterns call. */
  readonly patternHelpers = new Set<string>();
  private locals = new Set<string>();
  /** Whether the code being written is a recursive shape's function (its calls pass `depth + 1`). */
  private inRecursiveFunction = false;
  /** How many sensitive shapes enclose the value being checked. */
  private sensitive = 0;

  constructor(
    private readonly graph: ShapeModel,
    readonly wording: Wording,
  ) {}

  shape(member: Member): Shape {
    const shape = this.graph.shapes.get(member.target);
    if (!shape) throw new Error(`${member.origin.document}: member ${member.name} refers to unknown shape ${member.target} at ${member.origin.pointer}`);
    return shape;
  }

  /** A module-level constant with a name not yet taken. */
  private constant(base: string, initializer: string, doc?: string): string {
    let name = base;
    for (let i = 2; this.constants.has(name); i++) name = `${base}_${i}`;
    this.constants.add(name);
    this.declarations.push(`${doc ? `/** ${doc.replace(/\*\//g, '*\\/')} */\n` : ''}const ${name} = ${initializer};`);
    return name;
  }

  /** A local variable with a name not yet taken in the function being written. */
  local(base: string): string {
    let name = identifier(base);
    for (let i = 2; this.locals.has(name); i++) name = `${identifier(base)}${i}`;
    this.locals.add(name);
    return name;
  }

  startFunction(parameters: string[]): void {
    this.locals = new Set(['violations', ...parameters]);
  }

  private rule(constant: string, suffix: string, call: string): string {
    this.helpers.add(call.slice(0, call.indexOf('(')));
    if (this.sensitive > 0 && this.wording === 'aws') {
      // AWS leaves a sensitive value out of its message: `Value at 'environment.variables' failed …`.
      this.helpers.add('hidden');
      return this.constant(`${constant}_${suffix}`, `hidden(${call})`);
    }
    return this.constant(`${constant}_${suffix}`, call);
  }

  /** Runs `write` with the values it words marked sensitive when `shape` is (`x-sensitive`, Smithy's `@sensitive`). */
  private withSensitivity<T>(shape: Shape, write: () => T): T {
    const sensitive = shape.extensions['x-sensitive'] === true;
    if (sensitive) this.sensitive++;
    try {
      return write();
    } finally {
      if (sensitive) this.sensitive--;
    }
  }

  private ruleArgs(member: string, place: Place): string {
    return `${quote(member)}, ${quote(place.text ?? place.template)}`;
  }

  private wordingArg(): string {
    return this.wording === 'aws' ? '' : ", 'framework'";
  }

  /** `(violations ??= []).push(…)` of a rule, at the place (fixed or computed). */
  private push(rule: string, value: string, place: Place): string {
    if (place.text !== undefined) {
      this.helpers.add('violated');
      return `(violations ??= []).push(violated(${rule}, ${value}));`;
    }
    this.helpers.add('violatedAt');
    return `(violations ??= []).push(violatedAt(${rule}, ${value}, ${place.expression}));`;
  }

  /**
   * The checks of a member that is present or not: `value` is an expression read once into a local.
   * `required` members are reported missing; an absent optional member is not checked further.
   */
  member(lines: string[], access: string, local: string, member: Member, place: Place, constant: string, stack: string[]): void {
    const shape = this.shape(member);
    lines.push(`const ${local} = ${access};`);
    const inner: string[] = [];
    const test = this.presentValue(inner, local, shape, member.name, place, constant, stack);
    if (member.required && member.nullable) {
      // Required but nullable (OpenAPI): the member must be there, and `null` is a value that needs no further check.
      const missing = this.rule(constant, 'MISSING', `missing(${this.ruleArgs(member.name, place)}${this.wordingArg()})`);
      lines.push(`if (${local} === undefined) {`, `  ${this.push(missing, 'undefined', place)}`);
      if (test || inner.length > 0) {
        lines.push(`} else if (${local} !== null) {`);
        if (test) {
          lines.push(`  if (${test.condition}) {`, `    ${test.push}`);
          if (inner.length > 0) lines.push('  } else {', ...indent(indent(inner)));
          lines.push('  }');
        } else lines.push(...indent(inner));
      }
      lines.push('}');
    } else if (member.required) {
      const missing = this.rule(constant, 'MISSING', `missing(${this.ruleArgs(member.name, place)}${this.wordingArg()})`);
      lines.push(`if (${local} === undefined || ${local} === null) {`, `  ${this.push(missing, 'undefined', place)}`);
      if (test) lines.push(`} else if (${test.condition}) {`, `  ${test.push}`);
      if (inner.length > 0) lines.push('} else {', ...indent(inner));
      lines.push('}');
    } else if (test || inner.length > 0) {
      lines.push(`if (${local} !== undefined && ${local} !== null) {`);
      const body: string[] = [];
      if (test) {
        body.push(`if (${test.condition}) {`, `  ${test.push}`);
        if (inner.length > 0) body.push('} else {', ...indent(inner));
        body.push('}');
      } else body.push(...inner);
      lines.push(...indent(body), '}');
    }
  }

  /**
   * Checks of a value known to be present: returns its type test (with the push of the wrong-type
   * violation) and writes into `lines` what to check once the type is right.
   */
  presentValue(lines: string[], value: string, shape: Shape, member: string, place: Place, constant: string, stack: string[]): { condition: string; push: string } | undefined {
    return this.withSensitivity(shape, () => this.checkPresentValue(lines, value, shape, member, place, constant, stack));
  }

  private checkPresentValue(lines: string[], value: string, shape: Shape, member: string, place: Place, constant: string, stack: string[]): { condition: string; push: string } | undefined {
    const condition = typeTest(value, shape);
    const typed = value;
    switch (shape.kind) {
      case 'structure':
      case 'union':
        this.aggregate(lines, `${typed} as ${narrowed(shape)}`, shape, member, place, constant, stack);
        break;
      case 'list':
        this.list(lines, typed, shape, member, place, constant, stack);
        break;
      case 'map':
        this.map(lines, `${typed} as ${narrowed(shape)}`, shape, member, place, constant, stack);
        break;
      default:
        for (const check of this.scalarChecks(value, shape, constant)) {
          const rule = this.rule(constant, check.suffix, check.rule(this.ruleArgs(member, place)));
          check.helpers.forEach((h) => this.helpers.add(h));
          lines.push(`if (${check.condition}) ${this.push(rule, value, place)}`);
        }
    }
    if (!condition) return undefined;
    const rule = this.rule(constant, 'WRONG_TYPE', `wrongType(${this.ruleArgs(member, place)}, '${typeWord(shape)}'${this.wordingArg()})`);
    return { condition, push: this.push(rule, value, place) };
  }

  /** The constraints of a string, number, blob or enum, each a condition on a value of the right type. */
  scalarChecks(value: string, shape: Shape, constant: string): ScalarCheck[] {
    const checks: ScalarCheck[] = [];
    const w = this.wordingArg();
    const { length, pattern, range, enum: allowed, internalEnum } = shape.constraints;
    if (allowed && allowed.length > 0) {
      // Internal values are accepted but not listed: a message must not reveal them.
      const shown = `[${allowed.filter((v) => !internalEnum?.includes(v)).map(String).join(', ')}]`;
      let condition: string;
      if (allowed.length > ENUM_SET_THRESHOLD) {
        const set = this.constant(`${constant}_VALUES`, `new Set<unknown>([${allowed.map((v) => (typeof v === 'string' ? quote(v) : String(v))).join(', ')}])`);
        condition = `!${set}.has(${value})`;
      } else {
        condition = allowed.map((v) => `${value} !== ${typeof v === 'string' ? quote(v) : String(v)}`).join(' && ');
      }
      checks.push({ condition, suffix: 'NOT_IN_ENUM', rule: (args) => `notInEnum(${args}, ${quote(shown)}${w})`, phrase: `Member must satisfy enum value set: ${shown}`, helpers: [] });
    }
    if (pattern !== undefined && (shape.kind === 'string' || shape.kind === 'enum')) {
      let regex = this.patternConstants.get(pattern);
      if (!regex) {
        const wording = patternWording(pattern, shape.constraints.documentedPattern, this.wording);
        const test = patternTest(pattern);
        if (test.helper) this.patternHelpers.add(test.helper);
        const how = test.helper ? ' Matched by its automaton, in time linear in the value: a backtracking engine could take super-linear time on it.' : '';
        regex = this.constant(`${constant}_PATTERN`, test.expression, `Whole-value pattern of ${shape.id}; the service quotes it as \`${wording.replace(/`/g, "'")}\`.${how}`);
        this.patternConstants.set(pattern, regex);
      }
      const wording = patternWording(pattern, shape.constraints.documentedPattern, this.wording);
      checks.push({ condition: `!${regex}.test(${value})`, suffix: 'MISMATCH', rule: (args) => `patternMismatch(${args}, ${quote(wording)}${w})`, phrase: `Member must satisfy regular expression pattern: ${wording}`, helpers: [] });
    }
    if (length) checks.push(...this.lengthChecks(value, shape, length));
    if (range && shape.kind !== 'string') checks.push(...this.rangeChecks(value, range, shape.kind));
    return checks;
  }

  private lengthChecks(value: string, shape: Shape, length: { min?: number; max?: number }): ScalarCheck[] {
    const w = this.wordingArg();
    const isString = shape.kind === 'string' || shape.kind === 'enum';
    const { min, max } = length;
    const helpers = isString ? ['codePointLength'] : [];
    // A string is never longer in code points than in UTF-16 units, and every code point takes at most two: count only when needed.
    const over = (n: number) => (isString ? `(${value}.length > ${n} && codePointLength(${value}) > ${n})` : `${value}.${shape.kind === 'blob' ? 'byteLength' : 'length'} > ${n}`);
    const under = (n: number) => (isString ? `(${value}.length < ${n * 2} && codePointLength(${value}) < ${n})` : `${value}.${shape.kind === 'blob' ? 'byteLength' : 'length'} < ${n}`);
    const checks: ScalarCheck[] = [];
    if (this.wording === 'framework' && min !== undefined && max !== undefined) {
      checks.push({ condition: `${over(max)} || ${under(min)}`, suffix: 'LENGTH', rule: (args) => `lengthOutside(${args}, ${min}, ${max})`, phrase: `Member must have length between ${min} and ${max}, inclusive`, helpers });
      return checks;
    }
    if (max !== undefined) checks.push({ condition: over(max).replace(/^\((.*)\)$/, '$1'), suffix: 'TOO_LONG', rule: (args) => `tooLong(${args}, ${max}${w})`, phrase: `Member must have length less than or equal to ${max}`, helpers });
    if (min !== undefined && min > 0) checks.push({ condition: under(min).replace(/^\((.*)\)$/, '$1'), suffix: 'TOO_SHORT', rule: (args) => `tooShort(${args}, ${min}${w})`, phrase: `Member must have length greater than or equal to ${min}`, helpers });
    return checks;
  }

  private rangeChecks(value: string, range: NonNullable<Shape['constraints']['range']>, kind: Shape['kind']): ScalarCheck[] {
    const { min, max, exclusiveMin = false, exclusiveMax = false } = range;
    const checks: ScalarCheck[] = [];
    // `Number.isInteger` does not narrow: integers are compared as numbers; a bigDecimal by its digits.
    const number =
      kind === 'bigDecimal'
        ? `Number(typeof ${value} === 'object' ? (${value} as { string: string }).string : ${value})`
        : value.startsWith('(')
          ? value
          : `(${value} as number)`;
    const below = (n: number, exclusive: boolean) => `${number} ${exclusive ? '<=' : '<'} ${n}`;
    const above = (n: number, exclusive: boolean) => `${number} ${exclusive ? '>=' : '>'} ${n}`;
    const wording = this.wording;
    if (wording === 'framework' && min !== undefined && max !== undefined && !exclusiveMin && !exclusiveMax) {
      checks.push({ condition: `${below(min, false)} || ${above(max, false)}`, suffix: 'RANGE', rule: (args) => `rangeOutside(${args}, ${min}, ${max})`, phrase: `Member must be between ${min} and ${max}, inclusive`, helpers: [] });
      return checks;
    }
    const verb = wording === 'aws' ? 'have value ' : 'be ';
    if (min !== undefined) {
      checks.push({ condition: below(min, exclusiveMin), suffix: 'TOO_SMALL', rule: (args) => `tooSmall(${args}, ${min}, ${exclusiveMin}, '${wording}')`, phrase: `Member must ${verb}greater than ${exclusiveMin ? '' : 'or equal to '}${min}`, helpers: [] });
    }
    if (max !== undefined) {
      checks.push({ condition: above(max, exclusiveMax), suffix: 'TOO_LARGE', rule: (args) => `tooLarge(${args}, ${max}, ${exclusiveMax}, '${wording}')`, phrase: `Member must ${verb}less than ${exclusiveMax ? '' : 'or equal to '}${max}`, helpers: [] });
    }
    return checks;
  }

  /** A structure's members (or a union's, and that exactly one is set), inline; a shape that contains itself through a function. */
  private aggregate(lines: string[], value: string, shape: StructureShape | UnionShape, name: string, place: Place, constant: string, stack: string[]): void {
    if (stack.includes(shape.id)) {
      const check = this.recursiveFunction(shape, name, place.template, stack);
      lines.push(`violations = ${check}(${value}, ${place.expression}, violations, ${this.inRecursiveFunction ? 'depth + 1' : '1'});`);
      return;
    }
    const record = this.local(`${this.baseName(constant)}Members`);
    lines.push(`const ${record} = ${value};`);
    const inner = [...stack, shape.id];
    if (shape.kind === 'union') {
      const count = shape.members.map((m) => `(${memberAccess(record, m.name)} === undefined ? 0 : 1)`).join(' + ');
      const rule = this.rule(constant, 'NOT_ONE_MEMBER', `notOneMember(${this.ruleArgs(name, place)}${this.wordingArg()})`);
      lines.push(`if (${count || '0'} + (${record}.$unknown === undefined ? 0 : 1) !== 1) ${this.push(rule, record, place)}`);
    }
    for (const member of shape.members) {
      const child = memberPlace(place, member.name, this.wording);
      this.member(lines, memberAccess(record, member.name), this.local(`${this.baseName(constant)}${typeName(member.name)}`), shape.kind === 'union' ? { ...member, required: false } : member, child, `${constant}_${constantCase(member.name)}`, inner);
    }
  }

  /** `readonly`-friendly camelCase base for locals from a constant prefix. */
  private baseName(constant: string): string {
    return constant
      .toLowerCase()
      .split('_')
      .filter(Boolean)
      .map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1)))
      .join('');
  }

  private recursiveFunction(shape: StructureShape | UnionShape, member: string, template: string, stack: string[]): string {
    const existing = this.functions.get(shape.id);
    if (existing) return existing.name;
    const name = `check${typeName(shape.id)}`;
    this.functions.set(shape.id, { name, text: '' });
    const saved = { locals: this.locals, inRecursiveFunction: this.inRecursiveFunction };
    this.startFunction(['value', 'path', 'depth']);
    this.inRecursiveFunction = true;
    const constant = constantCase(typeName(shape.id));
    const body: string[] = [];
    const tooDeep = this.rule(constant, 'TOO_DEEP', `tooDeep(${quote(member)}, ${quote(template)}, MAX_NESTING${this.wordingArg()})`);
    this.helpers.add('MAX_NESTING');
    this.helpers.add('violatedAt');
    body.push('if (depth > MAX_NESTING) {', `  (violations ??= []).push(violatedAt(${tooDeep}, value, path));`, '  return violations;', '}');
    this.aggregate(body, 'value', shape, member, variablePlace('path', template), constant, stack.filter((id) => id !== shape.id));
    this.locals = saved.locals;
    this.inRecursiveFunction = saved.inRecursiveFunction;
    const text = [
      `/** Checks a ${shape.id} (a shape that contains itself) at \`path\`, \`depth\` levels into itself. */`,
      `function ${name}(value: Readonly<Record<string, unknown>>, path: string, violations: ConstraintViolation[] | undefined, depth: number): ConstraintViolation[] | undefined {`,
      ...indent(body),
      '  return violations;',
      '}',
    ].join('\n');
    this.functions.set(shape.id, { name, text });
    return name;
  }

  /** A list's length and uniqueness, then each item. */
  private list(lines: string[], value: string, shape: ListShape, member: string, place: Place, constant: string, stack: string[]): void {
    const { length, uniqueItems } = shape.constraints;
    const items = this.local(`${this.baseName(constant)}Items`);
    lines.push(`const ${items} = ${value} as readonly unknown[];`);
    for (const check of length ? this.lengthChecks(items, shape, length) : []) {
      lines.push(`if (${check.condition}) ${this.push(this.rule(constant, check.suffix, check.rule(this.ruleArgs(member, place))), items, place)}`);
    }
    if (uniqueItems) {
      this.helpers.add('hasDuplicates');
      lines.push(`if (hasDuplicates(${items})) ${this.push(this.rule(constant, 'NOT_UNIQUE', `notUnique(${this.ruleArgs(member, place)}${this.wordingArg()})`), items, place)}`);
    }
    const itemShape = this.shape(shape.member);
    if (itemShape.kind === 'document') return;
    const sparse = (shape as ListShape & { sparse?: boolean }).sparse === true;
    const index = this.local(`${this.baseName(constant)}Index`);
    const item = this.local(`${this.baseName(constant)}Item`);
    const body: string[] = [`const ${item} = ${items}[${index}];`];
    const itemConstant = `${constant}_MEMBER`;
    if (this.wording === 'aws' && isScalar(itemShape)) {
      // AWS names the list, quotes it whole and lists every constraint of its members, once.
      this.brokenElements(body, item, itemShape, 'Member', member, place, itemConstant, items, !sparse, 'break;');
    } else {
      const at = itemPlace(place, index, this.wording);
      const checks: string[] = [];
      const test = this.presentValue(checks, item, itemShape, member, at, itemConstant, stack);
      const missing = sparse ? undefined : this.push(this.rule(itemConstant, 'MISSING', `missing(${this.ruleArgs(member, at)}${this.wordingArg()})`), 'undefined', at);
      body.push(...presence(item, missing, test, checks));
    }
    lines.push(`for (let ${index} = 0; ${index} < ${items}.length; ${index}++) {`, ...indent(body), '}');
  }

  /**
   * AWS's one violation for a list's members or a map's keys or values that break their shape's
   * constraints: on the list or map, with every constraint of the element in brackets.
   */
  private brokenElements(lines: string[], value: string, shape: Shape, subject: 'Member' | 'Map keys' | 'Map value', member: string, place: Place, constant: string, whole: string, notNull: boolean, stop: string): void {
    this.withSensitivity(shape, () => this.writeBrokenElements(lines, value, shape, subject, member, place, constant, whole, notNull, stop));
  }

  private writeBrokenElements(lines: string[], value: string, shape: Shape, subject: 'Member' | 'Map keys' | 'Map value', member: string, place: Place, constant: string, whole: string, notNull: boolean, stop: string): void {
    const checks = this.scalarChecks(value, shape, constant);
    checks.forEach((c) => c.helpers.forEach((h) => this.helpers.add(h)));
    const test = typeTest(value, shape);
    const phrases = checks.map((c) => c.phrase);
    // AWS lists length and pattern first, then whether a member may be null (a list's may not).
    const ordered = [...phrases.filter((p) => p.includes('length')), ...phrases.filter((p) => !p.includes('length')), ...(notNull ? ['Member must not be null'] : [])];
    const suffix = subject === 'Map keys' ? 'KEYS_BROKEN' : subject === 'Map value' ? 'VALUES_BROKEN' : 'BROKEN';
    const owner = constant.replace(/_(MEMBER|KEY|VALUE)$/, '');
    const fail = (indentation: string) => [`${indentation}${this.push(this.rule(owner, suffix, `elementsBreak(${this.ruleArgs(member, place)}, '${subject}', [${ordered.map(quote).join(', ')}])`), whole, place)}`, `${indentation}${stop}`];
    const conditions = [...(notNull ? [`${value} === undefined || ${value} === null`] : []), ...(test ? [`${test}`] : [])];
    if (checks.length === 0 && conditions.length === 0) return;
    if (!notNull) lines.push(`if (${value} !== undefined && ${value} !== null) {`);
    const pad = notNull ? '' : '  ';
    const all = [...conditions.map((c) => `(${c})`), ...checks.map((c) => `(${c.condition})`)];
    lines.push(`${pad}if (${all.join(' || ')}) {`, ...fail(`${pad}  `), `${pad}}`);
    if (!notNull) lines.push('}');
  }

  /** A map's size, then each key's constraints and each value. */
  private map(lines: string[], value: string, shape: MapShape, member: string, place: Place, constant: string, stack: string[]): void {
    const record = this.local(`${this.baseName(constant)}Entries`);
    lines.push(`const ${record} = ${value};`);
    const keys = this.local(`${this.baseName(constant)}Keys`);
    const keyShape = this.shape(shape.key);
    const valueShape = this.shape(shape.value);
    const { length } = shape.constraints;
    const keyConstrained = hasConstraints(keyShape);
    const needsLoop = keyConstrained || valueShape.kind !== 'document';
    if (!length && !needsLoop) return;
    lines.push(`const ${keys} = Object.keys(${record});`);
    for (const check of length ? this.lengthChecks(keys, { ...shape, kind: 'list' } as unknown as Shape, length) : []) {
      lines.push(`if (${check.condition}) ${this.push(this.rule(constant, check.suffix, check.rule(this.ruleArgs(member, place))), record, place)}`);
    }
    if (!needsLoop) return;
    const key = this.local(`${this.baseName(constant)}Key`);
    const entry = this.local(`${this.baseName(constant)}Value`);
    const body: string[] = [];
    const sparse = (shape as MapShape & { sparse?: boolean }).sparse === true;
    const flags: string[] = [];
    if (keyConstrained) {
      if (this.wording === 'aws') {
        const flag = this.local(`${this.baseName(constant)}KeysBroken`);
        flags.push(flag);
        const inner: string[] = [];
        this.brokenElements(inner, key, keyShape, 'Map keys', member, place, `${constant}_KEY`, record, false, `${flag} = true;`);
        body.push(`if (!${flag}) {`, ...indent(inner.slice(1, -1).map((l) => l.replace(/^ {2}/, ''))), '}');
      } else {
        // The framework names the map itself for a key (its keys have no pointer of their own).
        for (const check of this.scalarChecks(key, keyShape, `${constant}_KEY`)) {
          check.helpers.forEach((h) => this.helpers.add(h));
          body.push(`if (${check.condition}) ${this.push(this.rule(`${constant}_KEY`, check.suffix, check.rule(this.ruleArgs(member, place))), key, place)}`);
        }
      }
    }
    if (valueShape.kind !== 'document') {
      body.push(`const ${entry} = ${record}[${key}];`);
      if (this.wording === 'aws' && isScalar(valueShape)) {
        const flag = this.local(`${this.baseName(constant)}ValuesBroken`);
        flags.push(flag);
        const inner: string[] = [];
        this.brokenElements(inner, entry, valueShape, 'Map value', member, place, `${constant}_VALUE`, record, !sparse, `${flag} = true;`);
        body.push(`if (!${flag}) {`, ...indent(inner), '}');
      } else {
        const at = valuePlace(place, key, this.wording);
        if (this.wording === 'framework') this.helpers.add('pointerSegment');
        const checks: string[] = [];
        const test = this.presentValue(checks, entry, valueShape, member, at, `${constant}_VALUE`, stack);
        const missing = sparse ? undefined : this.push(this.rule(`${constant}_VALUE`, 'MISSING', `missing(${this.ruleArgs(member, at)}${this.wordingArg()})`), 'undefined', at);
        body.push(...presence(entry, missing, test, checks));
      }
    }
    for (const flag of flags) lines.push(`let ${flag} = false;`);
    lines.push(`for (const ${key} of ${keys}) {`, ...indent(body), '}');
  }
}

const hasConstraints = (shape: Shape) => {
  const { length, pattern, range, enum: allowed } = shape.constraints;
  return length !== undefined || pattern !== undefined || range !== undefined || (allowed !== undefined && allowed.length > 0);
};

const isScalar = (shape: Shape) => !['structure', 'union', 'list', 'map', 'document'].includes(shape.kind);

function indent(lines: string[]): string[] {
  return lines.map((line) => line.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n'));
}

/** `if (absent) … else if (wrong type) … else { checks }` for a list item or map value. */
function presence(value: string, missing: string | undefined, test: { condition: string; push: string } | undefined, checks: string[]): string[] {
  const lines: string[] = [];
  lines.push(`if (${value} === undefined || ${value} === null) {`);
  if (missing) lines.push(`  ${missing}`);
  if (test) lines.push(`} else if (${test.condition}) {`, `  ${test.push}`);
  if (checks.length > 0) lines.push('} else {', ...indent(checks));
  lines.push('}');
  if (!missing && !test && checks.length === 0) return [];
  return lines;
}
