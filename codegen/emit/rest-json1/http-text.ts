/**
 * restJson1 members as HTTP text, for both sides: path labels, query parameters and headers.
 * Timestamps in the member's format (the importer writes restJson1's defaults: date-time in
 * labels and queries, HTTP-date in headers), blobs as base64, numbers and booleans written out,
 * lists as repeated query parameters or comma-separated headers, strings with a media type as
 * base64 in headers. As with JSON, the client's
 * readers keep text that does not parse as it is; the server's (`strict`) refuse it.
 */
import type { ServiceModel } from '../../model/ir.js';
import type { Member, Shape } from '../../model/shapes.js';
import { timestampFormat } from './traits.js';

export class TextCodecs {
  /** The wire helpers (runtime/wire.ts) the emitted code calls. */
  readonly helpers = new Set<string>();

  /** `strict` (the server's decoder): text that does not read as the member's shape throws (400 SerializationException). */
  constructor(
    private readonly model: ServiceModel,
    readonly strict = false,
  ) {}

  private shape(id: string): Shape {
    return this.model.graph.shapes.get(id)!;
  }

  private helper(name: string): string {
    this.helpers.add(name);
    return name;
  }

  /** A scalar as text: the expression, for a value that is defined. */
  private scalarText(shape: Shape, value: string, member?: Member): string {
    switch (shape.kind) {
      case 'string':
      case 'enum':
        return value;
      case 'timestamp':
        return `${this.helper('timestampText')}(${value}, '${timestampFormat(member, shape)}')`;
      case 'blob':
        return `${this.helper('toBase64')}(${value})`;
      case 'bigDecimal':
        return `${value}.string`;
      case 'document':
      case 'structure':
      case 'union':
      case 'map':
        return `${this.helper('toJson')}(${value})`;
      default:
        return `String(${value})`;
    }
  }

  /** A member as header text (lists comma-separated). */
  headerText(member: Member, value: string): string {
    const shape = this.shape(member.target);
    if (shape.kind !== 'list') return this.headerScalarText(shape, value, member);
    const item = this.shape(shape.member.target);
    const items = (item.kind === 'string' && !hasMediaType(item)) || item.kind === 'enum' ? value : `${value}.map((item) => ${this.headerScalarText(item, 'item', shape.member)})`;
    // HTTP-dates hold a comma of their own and are never quoted (the reader splits them in pairs).
    const httpDates = item.kind === 'timestamp' && timestampFormat(shape.member, item) === 'http-date';
    return `${this.helper('joinHeaderList')}(${items}${httpDates ? ', false' : ''})`;
  }

  /** In a header, a string with a media type is sent as the base64 of its UTF-8 bytes (restJson1). */
  private headerScalarText(shape: Shape, value: string, member?: Member): string {
    return hasMediaType(shape) ? `${this.helper('toBase64Text')}(${value})` : this.scalarText(shape, value, member);
  }

  /** A header's text read as a scalar: a string with a media type from base64 (refused, on the server, when it is not base64). */
  private headerScalarRead(shape: Shape, text: string, member?: Member): string | undefined {
    if (hasMediaType(shape)) return `${this.helper(this.strict ? 'expectBase64Text' : 'fromBase64Text')}(${text})`;
    return this.scalarRead(shape, text, member);
  }

  /** A member as a query value: text, or a list of texts. */
  queryText(member: Member, value: string): string {
    const shape = this.shape(member.target);
    if (shape.kind !== 'list') return this.scalarText(shape, value, member);
    const item = this.shape(shape.member.target);
    return item.kind === 'string' || item.kind === 'enum' ? value : `${value}.map((item) => ${this.scalarText(item, 'item', shape.member)})`;
  }

  /** A member as a path label. */
  labelText(member: Member, value: string): string {
    return this.scalarText(this.shape(member.target), value, member);
  }

  /** Text (possibly undefined) read as a scalar of the member's shape; undefined when the text is the value. */
  private scalarRead(shape: Shape, text: string, member?: Member): string | undefined {
    if (this.strict) return this.scalarReadStrictly(shape, text, member);
    switch (shape.kind) {
      case 'string':
      case 'enum':
        return undefined;
      case 'boolean':
        return `${this.helper('parseBooleanText')}(${text})`;
      case 'byte':
      case 'short':
      case 'integer':
      case 'long':
      case 'intEnum':
        return `${this.helper('parseNumberText')}(${text})`;
      case 'float':
      case 'double':
        return `${this.helper('parseFloatText')}(${text})`;
      case 'timestamp':
        return `${this.helper('parseTimestamp')}(${text}, '${timestampFormat(member, shape)}')`;
      case 'blob':
        return `${this.helper('fromBase64')}(${text})`;
      case 'bigInteger':
        return `${this.helper('parseBigInteger')}(${text})`;
      case 'bigDecimal':
        return `${this.helper('parseBigDecimal')}(${text})`;
      default:
        return `${this.helper('parseJsonText')}(${text})`;
    }
  }

  /** Text read as a scalar of the member's shape, refusing text that is not one. */
  private scalarReadStrictly(shape: Shape, text: string, member?: Member): string | undefined {
    switch (shape.kind) {
      case 'string':
      case 'enum':
        return undefined;
      case 'boolean':
        return `${this.helper('expectBooleanText')}(${text})`;
      case 'byte':
      case 'short':
      case 'integer':
      case 'long':
        return `${this.helper('expectIntegerText')}(${text}, '${shape.kind}')`;
      case 'intEnum':
        return `${this.helper('expectIntegerText')}(${text}, 'integer')`;
      case 'float':
      case 'double':
        return `${this.helper('expectFloatText')}(${text})`;
      case 'timestamp':
        return `${this.helper('expectTimestampText')}(${text}, '${timestampFormat(member, shape)}')`;
      case 'blob':
        return `${this.helper('expectBase64')}(${text})`;
      case 'bigInteger':
        return `${this.helper('expectBigIntegerText')}(${text})`;
      case 'bigDecimal':
        return `${this.helper('expectBigDecimalText')}(${text})`;
      default:
        return `${this.helper('expectJsonText')}(${text})`;
    }
  }

  /** A header's text read as the member's type. */
  readHeader(member: Member, text: string): string {
    const shape = this.shape(member.target);
    if (shape.kind !== 'list') return this.headerScalarRead(shape, text, member) ?? text;
    const item = this.shape(shape.member.target);
    const httpDates = item.kind === 'timestamp' && timestampFormat(shape.member, item) === 'http-date';
    const items = `${this.helper(httpDates ? 'splitHttpDateList' : 'splitHeaderList')}(${text})`;
    const read = this.headerScalarRead(item, 'item', shape.member);
    return read ? `${this.helper('readList')}(${items}, (item) => ${read})` : items;
  }

  /** Query texts (`string[] | undefined` for lists, else `string | undefined`) read as the member's type. */
  readQuery(member: Member, text: string): string {
    const shape = this.shape(member.target);
    if (shape.kind !== 'list') return this.scalarRead(shape, text, member) ?? text;
    const read = this.scalarRead(this.shape(shape.member.target), 'item', shape.member);
    return read ? `${this.helper('readList')}(${text}, (item) => ${read})` : text;
  }

  /** A label's text read as the member's type. */
  readLabel(member: Member, text: string): string {
    return this.scalarRead(this.shape(member.target), text, member) ?? text;
  }

  isList(member: Member): boolean {
    return this.shape(member.target).kind === 'list';
  }
}

const hasMediaType = (shape: Shape): boolean => shape.kind === 'string' && shape.mediaType !== undefined;
