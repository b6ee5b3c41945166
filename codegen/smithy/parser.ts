// Recursive-descent parser for one Smithy IDL 2.0 file: tokens → ParsedFile (syntax.ts). The IDL's
// sugar is expanded here, where the text is at hand: doc comments become documentation traits,
// `= value` becomes enumValue or default, `input :=` becomes a structure of its own.

import { setKey } from './ast.js';
import { SourceText, type Token, type TokenKind, tokenize } from './lexer.js';
import { DEFAULT, DOCUMENTATION, ENUM_VALUE } from './prelude.js';
import {
  type ParsedApply, type ParsedFile, type ParsedMember, type ParsedShape, type ParsedTrait, type Ref,
  ShapeIdValue, type SyntaxValue,
} from './syntax.js';

const SIMPLE_TYPES = new Set([
  'blob', 'boolean', 'document', 'string', 'byte', 'short', 'integer', 'long', 'float', 'double',
  'bigInteger', 'bigDecimal', 'timestamp',
]);
const AGGREGATE_TYPES = new Set(['list', 'set', 'map', 'structure', 'union']);
const ENUM_TYPES = new Set(['enum', 'intEnum']);
const ENTITY_TYPES = new Set(['service', 'resource']);
const SHAPE_KEYWORDS = new Set([...SIMPLE_TYPES, ...AGGREGATE_TYPES, ...ENUM_TYPES, ...ENTITY_TYPES, 'operation']);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAMESPACE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const ROOT_ID = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*$/;

const MAX_DEPTH = 200;


export function parseIdl(text: string, file: string): ParsedFile {
  return new Parser(new SourceText(file, text)).file();
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private inputSuffix = 'Input';
  private outputSuffix = 'Output';
  private readonly out: ParsedFile;

  constructor(private readonly source: SourceText) {
    this.tokens = tokenize(source);
    this.out = { source, uses: new Map(), metadata: [], shapes: [], applies: [] };
  }

  // --- token helpers

  private get tok(): Token { return this.tokens[this.i]; }
  private peek(n = 1): Token { return this.tokens[Math.min(this.i + n, this.tokens.length - 1)]; }
  private next(): Token { return this.tokens[this.i < this.tokens.length - 1 ? this.i++ : this.i]; }
  private is(kind: TokenKind, text?: string): boolean { return this.tok.kind === kind && (text === undefined || this.tok.text === text); }

  private describe(t: Token): string {
    if (t.kind === 'eof') return 'the end of the file';
    if (t.kind === 'string') return 'a quoted string';
    if (t.kind === 'text') return 'a text block';
    return `"${t.text}"`;
  }

  private fail(reason: string, t: Token = this.tok): never {
    throw this.source.error(t.offset, reason);
  }

  private expect(kind: TokenKind, what?: string): Token {
    if (this.tok.kind !== kind) this.fail(`expected ${what ?? `"${kind}"`} but found ${this.describe(this.tok)}`);
    return this.next();
  }

  private identifier(what: string, pattern = IDENTIFIER): Token {
    const t = this.tok;
    if (t.kind !== 'ident' || !pattern.test(t.text)) this.fail(`expected ${what} but found ${this.describe(t)}`);
    return this.next();
  }

  private shapeId(what = 'a shape id'): Ref {
    const t = this.expect('ident', what);
    return { id: t.text, offset: t.offset };
  }

  /** Whether the current token directly follows the previous one, with nothing between. */
  private adjacent(): boolean {
    const prev = this.tokens[this.i - 1];
    return prev !== undefined && prev.offset + prev.text.length === this.tok.offset && prev.kind === 'ident';
  }

  // --- sections

  file(): ParsedFile {
    this.controlSection();
    this.metadataSection();
    if (this.is('ident', 'namespace')) {
      this.statementStart();
      this.next();
      this.out.namespace = this.identifier('a namespace such as example.weather', NAMESPACE).text;
      while (this.is('ident', 'use')) this.useStatement();
    }
    while (!this.is('eof')) {
      if (this.out.namespace === undefined) {
        this.fail(this.is('ident', 'metadata') || this.is('$')
          ? `${this.describe(this.tok)} is out of place: control statements come first, then metadata, then the namespace`
          : 'a namespace statement must come before any shape or apply statement');
      }
      this.shapeOrApply();
    }
    return this.out;
  }

  private controlSection(): void {
    while (this.is('$')) {
      this.statementStart();
      const start = this.next();
      const key = this.tok.kind === 'string' ? this.next().text : this.identifier('a control statement name').text;
      this.expect(':');
      const valueToken = this.tok;
      const value = this.nodeValue();
      if (key === 'version') {
        if (typeof value !== 'string' || !/^[0-9]+(\.[0-9]+)?$/.test(value)) this.fail('$version must be a string such as "2.0"', valueToken);
        if (!/^[12](\.|$)/.test(value)) this.fail(`IDL version ${value} is not supported (this reader reads versions 1 and 2)`, valueToken);
        if (this.out.version !== undefined) this.fail('$version is stated twice', start);
        this.out.version = value;
      } else if (key === 'operationInputSuffix' || key === 'operationOutputSuffix') {
        if (typeof value !== 'string' || !/^[A-Za-z0-9_]*$/.test(value)) this.fail(`$${key} must be a string of identifier characters`, valueToken);
        if (key === 'operationInputSuffix') this.inputSuffix = value;
        else this.outputSuffix = value;
      }
      // other control statements are ignored, as the IDL requires
    }
  }

  private metadataSection(): void {
    while (this.is('ident', 'metadata')) {
      this.statementStart();
      this.next();
      const keyToken = this.tok;
      const key = keyToken.kind === 'string' ? this.next().text : this.identifier('a metadata key').text;
      this.expect('=');
      this.out.metadata.push({ key, value: this.nodeValue(), offset: keyToken.offset });
    }
  }

  private useStatement(): void {
    this.statementStart();
    this.next();
    const t = this.tok;
    if (t.kind !== 'ident' || !ROOT_ID.test(t.text)) {
      this.fail(t.kind === 'ident' && t.text.includes('$')
        ? `a use statement cannot import a member ("${t.text}")`
        : `a use statement needs an absolute shape id such as smithy.example#Foo, not ${this.describe(t)}`);
    }
    this.next();
    const name = t.text.slice(t.text.indexOf('#') + 1);
    const earlier = this.out.uses.get(name);
    if (earlier && earlier.id !== t.text) this.fail(`"${name}" is already imported as ${earlier.id}`, t);
    this.out.uses.set(name, { id: t.text, offset: t.offset });
  }

  /** Statements are separated by line breaks: `string A string B` is two statements on one line. */
  private statementStart(): void {
    if (!this.tok.newlineBefore) this.fail(`${this.describe(this.tok)} must start on a new line: each statement takes a line of its own`);
  }

  private shapeOrApply(): void {
    this.statementStart();
    const first = this.tok;
    if (this.is('ident', 'apply')) {
      this.applyStatement();
      return;
    }
    if (this.is('ident', 'use')) this.fail('use statements must come right after the namespace statement, before any shape');
    if (this.is('ident', 'namespace')) this.fail('only one namespace statement is allowed per file');
    if (this.is('ident', 'metadata') || this.is('$')) this.fail(`${this.describe(this.tok)} is out of place: control statements come first, then metadata, then the namespace`);
    const traits = this.traitStatements(first.docs);
    const keyword = this.tok;
    if (keyword.kind !== 'ident' || !SHAPE_KEYWORDS.has(keyword.text)) {
      this.fail(traits.length ? `expected a shape definition after its traits but found ${this.describe(keyword)}` : `expected a shape definition or an apply statement but found ${this.describe(keyword)}`);
    }
    this.next();
    const nameToken = this.identifier(`a name for the ${keyword.text}`);
    const shape: ParsedShape = { name: nameToken.text, type: keyword.text, offset: nameToken.offset, traits, mixins: [] };
    const type = keyword.text;
    if (SIMPLE_TYPES.has(type)) {
      shape.mixins = this.mixins();
    } else if (ENUM_TYPES.has(type)) {
      shape.mixins = this.mixins();
      shape.members = this.members(type);
    } else if (AGGREGATE_TYPES.has(type)) {
      if (this.is('ident', 'for')) { this.next(); shape.forResource = this.shapeId('the resource after "for"'); }
      shape.mixins = this.mixins();
      shape.members = this.members(type);
    } else if (ENTITY_TYPES.has(type)) {
      shape.mixins = this.mixins();
      shape.properties = this.entityProperties(type);
    } else {
      shape.mixins = this.mixins();
      shape.operation = this.operationBody(shape.name);
    }
    this.out.shapes.push(shape);
  }

  private applyStatement(): void {
    const start = this.next();
    const target = this.shapeId('the shape id to apply traits to');
    let traits: ParsedTrait[];
    if (this.is('{')) {
      this.next();
      traits = this.traitStatements(undefined);
      this.expect('}', '"}" or a trait');
    } else if (this.is('@')) {
      traits = [this.trait()];
    } else {
      this.fail(`expected a trait or "{" after apply ${target.id} but found ${this.describe(this.tok)}`);
    }
    this.out.applies.push({ target, traits, offset: start.offset } satisfies ParsedApply);
  }

  // --- traits

  private traitStatements(docs: string[] | undefined): ParsedTrait[] {
    const traits: ParsedTrait[] = [];
    if (docs?.length) traits.push({ id: { id: DOCUMENTATION, offset: this.tok.offset }, value: docs.join('\n'), offset: this.tok.offset });
    while (this.is('@')) traits.push(this.trait());
    return traits;
  }

  private trait(): ParsedTrait {
    const at = this.expect('@');
    const id = this.shapeId('a trait name after "@"');
    let value: SyntaxValue | undefined;
    if (this.is('(') && this.adjacent()) {
      this.next();
      if (this.is(')')) {
        value = undefined;
      } else if ((this.is('ident') || this.is('string')) && this.peek().kind === ':') {
        const object: Record<string, SyntaxValue> = {};
        while (!this.is(')')) {
          if (!((this.is('ident') || this.is('string')) && this.peek().kind === ':')) {
            this.fail(`expected "key: value" or ")" to close @${id.id}( but found ${this.describe(this.tok)}`);
          }
          this.keyValue(object);
        }
        value = object;
      } else {
        value = this.nodeValue();
      }
      this.expect(')', '")" to close the trait value');
    }
    return { id, value, offset: at.offset };
  }

  // --- node values

  private depth = 0;

  private nodeValue(): SyntaxValue {
    const t = this.tok;
    if (t.kind === '[' || t.kind === '{') {
      // A bound on nesting keeps a hostile file from exhausting the stack.
      if (++this.depth > MAX_DEPTH) this.fail(`values are nested more than ${MAX_DEPTH} levels deep`);
      try {
        return this.nestedValue(t);
      } finally {
        this.depth--;
      }
    }
    return this.scalarValue(t);
  }

  private nestedValue(t: Token): SyntaxValue {
    switch (t.kind) {
      case '[': {
        this.next();
        const list: SyntaxValue[] = [];
        while (!this.is(']')) {
          if (this.is('eof')) this.fail('this list is never closed (missing "]")', t);
          list.push(this.nodeValue());
        }
        this.next();
        return list;
      }
      case '{': {
        this.next();
        const object: Record<string, SyntaxValue> = {};
        while (!this.is('}')) {
          if (this.is('eof')) this.fail('this object is never closed (missing "}")', t);
          this.keyValue(object);
        }
        this.next();
        return object;
      }
      default:
        return this.scalarValue(t);
    }
  }

  private scalarValue(t: Token): SyntaxValue {
    switch (t.kind) {
      case 'number': {
        this.next();
        return Number(t.text);
      }
      case 'string':
      case 'text':
        this.next();
        return t.text;
      case 'ident': {
        this.next();
        if (t.text === 'true') return true;
        if (t.text === 'false') return false;
        if (t.text === 'null') return null;
        return new ShapeIdValue(t.text, t.offset);
      }
      default:
        this.fail(`expected a value but found ${this.describe(t)}`);
    }
  }

  private keyValue(object: Record<string, SyntaxValue>): void {
    const keyToken = this.tok;
    let key: string;
    if (keyToken.kind === 'string') key = keyToken.text;
    else if (keyToken.kind === 'ident' && IDENTIFIER.test(keyToken.text)) key = keyToken.text;
    else this.fail(`expected an object key but found ${this.describe(keyToken)}`);
    this.next();
    this.expect(':', `":" after the key "${key}"`);
    if (Object.prototype.hasOwnProperty.call(object, key)) this.fail(`the key "${key}" appears twice in this object`, keyToken);
    setKey(object, key, this.nodeValue());
  }

  // --- shape bodies

  private mixins(): Ref[] {
    if (!this.is('ident', 'with')) return [];
    this.next();
    this.expect('[', '"[" after "with"');
    const mixins: Ref[] = [];
    while (!this.is(']')) mixins.push(this.shapeId('a mixin shape id or "]"'));
    this.next();
    if (!mixins.length) this.fail('"with []" names no mixin');
    return mixins;
  }

  private members(type: string): ParsedMember[] {
    this.expect('{', `"{" to open the ${type}'s members`);
    const members: ParsedMember[] = [];
    const seen = new Map<string, number>();
    while (!this.is('}')) {
      const first = this.tok;
      const traits = this.traitStatements(first.docs);
      let member: ParsedMember;
      if (ENUM_TYPES.has(type)) {
        const name = this.identifier('an enum member name or "}"');
        member = { name: name.text, traits, offset: name.offset };
        if (this.is('=')) {
          this.next();
          const at = this.tok.offset;
          traits.push({ id: { id: ENUM_VALUE, offset: at }, value: this.nodeValue(), offset: at });
        }
      } else {
        if (this.is('$')) {
          this.next();
          const name = this.identifier('a member name after "$"');
          member = { name: name.text, traits, offset: name.offset };
        } else {
          const name = this.identifier('a member name or "}"');
          if (this.is(':=')) this.fail('":=" defines operation input and output only; a member needs ":" and a target', this.tok);
          this.expect(':', `":" after the member name "${name.text}"`);
          member = { name: name.text, target: this.shapeId(`the target of member "${name.text}"`), traits, offset: name.offset };
        }
        if (this.is('=')) {
          this.next();
          const at = this.tok.offset;
          traits.push({ id: { id: DEFAULT, offset: at }, value: this.nodeValue(), offset: at });
        }
      }
      if (type === 'list' || type === 'set') {
        if (member.name !== 'member') this.fail(`a ${type} has a single member named "member", not "${member.name}"`, { ...first, offset: member.offset });
      } else if (type === 'map' && member.name !== 'key' && member.name !== 'value') {
        this.fail(`a map has members "key" and "value" only, not "${member.name}"`, { ...first, offset: member.offset });
      }
      const lower = member.name.toLowerCase();
      if (seen.has(lower)) this.fail(`the member "${member.name}" is defined twice (member names are compared ignoring case)`, { ...first, offset: member.offset });
      seen.set(lower, member.offset);
      members.push(member);
      if (this.is('eof')) this.fail(`the ${type}'s members are never closed (missing "}")`);
    }
    this.next();
    return members;
  }

  private entityProperties(type: string): Record<string, { value: SyntaxValue; offset: number }> {
    const open = this.expect('{', `"{" to open the ${type}'s properties`);
    const properties: Record<string, { value: SyntaxValue; offset: number }> = {};
    while (!this.is('}')) {
      if (this.is('eof')) this.fail(`the ${type}'s properties are never closed (missing "}")`, open);
      const key = this.tok.kind === 'string' ? this.next() : this.identifier(`a ${type} property name or "}"`);
      this.expect(':', `":" after "${key.text}"`);
      if (Object.prototype.hasOwnProperty.call(properties, key.text)) this.fail(`the property "${key.text}" appears twice`, key);
      setKey(properties, key.text, { value: this.nodeValue(), offset: key.offset });
    }
    this.next();
    return properties;
  }

  private operationBody(operation: string): NonNullable<ParsedShape['operation']> {
    const open = this.expect('{', '"{" to open the operation');
    const body: NonNullable<ParsedShape['operation']> = {};
    while (!this.is('}')) {
      if (this.is('eof')) this.fail('the operation is never closed (missing "}")', open);
      const key = this.identifier('input, output, errors or "}"');
      if (key.text !== 'input' && key.text !== 'output' && key.text !== 'errors') this.fail(`an operation has input, output and errors, not "${key.text}"`, key);
      const name = key.text as 'input' | 'output' | 'errors';
      if (body[name] !== undefined) this.fail(`the operation's ${name} is given twice`, key);
      if (name === 'errors') {
        this.expect(':', '":" after errors');
        this.expect('[', '"[" to open the list of errors');
        body.errors = [];
        while (!this.is(']')) body.errors.push(this.shapeId('an error shape id or "]"'));
        this.next();
      } else if (this.is(':=')) {
        this.next();
        body[name] = this.inlineStructure(operation, name, key.offset);
      } else {
        this.expect(':', `":" or ":=" after ${name}`);
        body[name] = this.shapeId(`the operation's ${name} shape`);
      }
    }
    this.next();
    return body;
  }

  /** `input := @traits for R with [M] { members }`: a structure of its own, named after the operation. */
  private inlineStructure(operation: string, role: 'input' | 'output', offset: number): Ref {
    const traits = this.traitStatements(this.tok.docs);
    const name = operation + (role === 'input' ? this.inputSuffix : this.outputSuffix);
    traits.push({ id: { id: `smithy.api#${role}`, offset }, value: undefined, offset });
    const shape: ParsedShape = { name, type: 'structure', offset, traits, mixins: [] };
    if (this.is('ident', 'for')) { this.next(); shape.forResource = this.shapeId('the resource after "for"'); }
    shape.mixins = this.mixins();
    shape.members = this.members('structure');
    this.out.shapes.push(shape);
    return { id: `${this.out.namespace}#${name}`, offset };
  }
}
