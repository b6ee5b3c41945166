/**
 * The intermediate form: a shape graph in Smithy's terms, read once from the model documents
 * and shared by the generator, the diff and the importer.
 *
 * Shapes are named and refer to each other by id, so recursive shapes need no special case.
 * A schema the document names (`#/components/schemas/Name`) is the shape `Name`; an inline
 * schema gets an id from where it sits (`Parent$Member`, `Operation$input$Member`). Every node
 * keeps the document and JSON pointer it came from.
 */
import type { SourceDocument } from './document.js';

/** Where a node came from: the document (as the user named it) and the JSON pointer inside it. */
export interface Origin {
  document: string;
  pointer: string;
}

export type ShapeKind =
  | 'structure'
  | 'list'
  | 'map'
  | 'union'
  | 'enum'
  | 'intEnum'
  | 'string'
  | 'boolean'
  | 'byte'
  | 'short'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'bigInteger'
  | 'bigDecimal'
  | 'timestamp'
  | 'blob'
  | 'document';

export type TimestampFormat = 'date-time' | 'http-date' | 'epoch-seconds';

export interface Constraints {
  /** Characters (code points) for strings, entries for lists and maps, bytes for blobs. */
  length?: { min?: number; max?: number };
  /** The whole-value pattern as written in the document. */
  pattern?: string;
  /** The pattern as the documentation prints it (`x-documented-pattern`), when it differs. */
  documentedPattern?: string;
  range?: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean };
  uniqueItems?: boolean;
  /** Allowed values as written (strings for enum, integers for intEnum). */
  enum?: unknown[];
  /** Allowed values that messages do not list (`x-enum-internal`). */
  internalEnum?: unknown[];
}

export interface ShapeBase {
  id: string;
  kind: ShapeKind;
  documentation?: string;
  /** True, or the deprecation message. */
  deprecated?: boolean | string;
  constraints: Constraints;
  /** `x-` extensions of the schema, as written (e.g. `x-carried-over`). */
  extensions: Record<string, unknown>;
  origin: Origin;
}

export interface Member {
  name: string;
  target: string;
  required: boolean;
  /** The value may be `null` (`nullable: true` in 3.0, `type: [T, 'null']` in 3.1). */
  nullable: boolean;
  default?: unknown;
  /** Documentation of this use of the target (a description next to a `$ref`), else the target's. */
  documentation?: string;
  deprecated?: boolean | string;
  /** The key in JSON when it differs from the member name (Smithy's `@jsonName`; `x-json-name`). */
  jsonName?: string;
  /** A member-level timestamp format overriding the target's (`@timestampFormat`; `x-timestamp-format` beside a `$ref`). */
  timestampFormat?: TimestampFormat;
  /** The client fills the member with a fresh token when the caller leaves it out (`@idempotencyToken`; `x-idempotency-token`). */
  idempotencyToken?: boolean;
  /** The member fills its `{Label}` in the operation's host prefix (`x-host-label`: Smithy's `@hostLabel`). */
  hostLabel?: boolean;
  /** Clients treat the member as optional and never fill in its default; servers still do (Smithy's `@clientOptional`; `x-client-optional`). */
  clientOptional?: boolean;
  /** In an event structure: the member is the event's payload (`@eventPayload`; `x-event-payload`). */
  eventPayload?: boolean;
  /** In an event structure: the member travels as an event header (`@eventHeader`; `x-event-header`). */
  eventHeader?: boolean;
  origin: Origin;
}

export interface StructureShape extends ShapeBase {
  kind: 'structure';
  members: Member[];
}

export interface UnionShape extends ShapeBase {
  kind: 'union';
  members: Member[];
}

export interface ListShape extends ShapeBase {
  kind: 'list';
  member: Member;
  /** Entries may be `null` (Smithy's `@sparse`; `x-sparse`). */
  sparse?: boolean;
}

export interface MapShape extends ShapeBase {
  kind: 'map';
  /** Map keys are strings in JSON; `key` carries their constraints (`propertyNames`). */
  key: Member;
  value: Member;
  /** Values may be `null` (Smithy's `@sparse`; `x-sparse`). */
  sparse?: boolean;
}

export interface TimestampShape extends ShapeBase {
  kind: 'timestamp';
  format: TimestampFormat;
}

export interface SimpleShape extends ShapeBase {
  kind: Exclude<ShapeKind, 'structure' | 'union' | 'list' | 'map' | 'timestamp'>;
  /** What a string holds (`contentMediaType`; Smithy's `@mediaType`): restJson1 sends such a string in a header as base64. */
  mediaType?: string;
}

export type Shape = StructureShape | UnionShape | ListShape | MapShape | TimestampShape | SimpleShape;

/**
 * How a member travels over HTTP (restJson1's bindings): a path label (greedy for `{Key+}`), a
 * query parameter or a map of them, a header or a map of prefixed headers, the whole payload, a
 * member of the JSON body, or the response status code.
 */
export type Binding =
  | { kind: 'label'; name: string; greedy: boolean }
  | { kind: 'query'; name: string }
  | { kind: 'queryParams' }
  | { kind: 'header'; name: string }
  | { kind: 'prefixHeaders'; prefix: string }
  /** `eventStream`: the payload is an event stream of its union's events (`application/vnd.amazon.eventstream` with `x-event-stream`). */
  | { kind: 'payload'; mediaType: string; eventStream?: boolean }
  | { kind: 'body'; name: string }
  | { kind: 'responseCode' };

export interface BoundMember extends Member {
  binding: Binding;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE';

export interface OperationShape {
  name: string;
  method: HttpMethod;
  /** URI template, e.g. `/things/{Name}` or `/objects/{Key+}`. */
  path: string;
  summary?: string;
  documentation?: string;
  deprecated?: boolean | string;
  /** Input members in the service's own order (`x-member-order`) when the document gives one. */
  input: BoundMember[];
  /** `x-member-order` as written, when present. */
  memberOrder?: string[];
  /** The success status, as written (the first 2xx), and its response. */
  success?: { status: string; origin: Origin; description?: string };
  /** Every response by status, with the error shapes its body names (directly or in `oneOf`). */
  responses: { status: string; origin: Origin; errors: string[] }[];
  /** The request body's media type, when the operation has a body. */
  requestBody?: { mediaType?: string; hasSchema: boolean; origin: Origin };
  output: BoundMember[];
  /** No input / no output at all (`x-unit-input`, `x-unit-output`: Smithy's `Unit`), rather than an empty structure. */
  unitInput?: boolean;
  unitOutput?: boolean;
  /** Modeled errors by name (`x-errors`), each with the pointer of its entry. */
  errors: { name: string; origin: Origin }[];
  /** How the results come in pages (`x-paginated`: Smithy's `@paginated`), when they do. */
  pagination?: Pagination;
  /** Waiters polling this operation (`x-waiters`: Smithy's `smithy.waiters#waitable`), by name. */
  waiters?: Waiter[];
  /** Prepended to the endpoint's host, `{Label}`s filled from host-label members (`x-host-prefix`: Smithy's `@endpoint`). */
  hostPrefix?: string;
  origin: Origin;
}

/** The members a paginated operation pages with: top-level input members, output paths (`a.b`). */
export interface Pagination {
  inputToken: string;
  outputToken: string;
  /** The output path of each page's items. */
  items?: string;
  pageSize?: string;
  origin: Origin;
}

export type WaiterState = 'success' | 'failure' | 'retry';

/** How a waiter's path result is compared with the expected value (Smithy's four comparators). */
export type WaiterComparator = 'stringEquals' | 'booleanEquals' | 'allStringEquals' | 'anyStringEquals';

/**
 * What an acceptor matches: a JMESPath expression over the output (or over `{input, output}`)
 * compared with a value, the call succeeding or failing at all, or a named error.
 */
export type WaiterMatcher =
  | { kind: 'output' | 'inputOutput'; path: string; expected: string; comparator: WaiterComparator }
  | { kind: 'success'; success: boolean }
  | { kind: 'errorType'; errorType: string };

export interface WaiterAcceptor {
  state: WaiterState;
  matcher: WaiterMatcher;
  origin: Origin;
}

export interface Waiter {
  name: string;
  documentation?: string;
  /** Seconds between polls: the backoff starts at `minDelay` and is capped by `maxDelay`. */
  minDelay: number;
  maxDelay: number;
  deprecated?: boolean;
  tags?: string[];
  /** Tried in order after each poll; the first that matches decides. */
  acceptors: WaiterAcceptor[];
  origin: Origin;
}

export interface ErrorShape {
  name: string;
  /** The structure shape of the error's members. */
  shape: string;
  status: number;
  fault: 'client' | 'server';
  documentation?: string;
  /** Members bound to the JSON body or, with `x-http-header`, to a response header. */
  members: BoundMember[];
  origin: Origin;
}

/**
 * An authentication scheme from the document's security schemes: SigV4 only where a scheme carries
 * `x-aws-sigv4`; `http`/`bearer` (and OAuth 2 / OpenID Connect, whose tokens travel the same way) a
 * bearer token; `apiKey` a key in a header or query parameter.
 */
export type AuthScheme = { kind: 'sigv4'; signingName: string } | { kind: 'bearer' } | { kind: 'apiKey'; in: 'header' | 'query'; name: string };

export interface ServiceFacts {
  title: string;
  /** `info.version`: the API version. */
  version: string;
  documentation?: string;
  /** Revision name (`info.x-revision.name`) or the document's file name. */
  revision: string;
  /** SigV4 signing name, from whichever security scheme carries `x-aws-sigv4`. */
  signingName?: string;
  /**
   * How requests authenticate, in the order the document's top-level `security` lists the
   * schemes (the client uses the first it has credentials for). Absent or empty: none.
   */
  auth?: AuthScheme[];
  endpoint?: { url: string; defaults: Record<string, string> };
  /** The header that names an error on the wire (`x-error-type-header`), when the document says. */
  errorTypeHeader?: string;
  /** The protocol's error for constraint violations (`x-validation-error`). */
  validationError?: string;
  /** `info.x-client-version`. */
  clientVersion?: string;
}

export interface ShapeModel {
  service: ServiceFacts;
  shapes: Map<string, Shape>;
  operations: OperationShape[];
  errors: Map<string, ErrorShape>;
  sources: SourceDocument[];
  /** The documents as parsed, for readers of free text (the diff's documentation rules). */
  documents: Record<string, any>[];
}
