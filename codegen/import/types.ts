// The intermediate form shared by the documentation importer and the Smithy importer.
// Both readers produce a DocumentModel; write-document.ts turns it into an OpenAPI document in
// the conventions of model/README.md. Nothing here is specific to one operation or service.

/** A fact the importer could not establish from its inputs. `assumed` is what was written instead. */
export interface Undetermined {
  /** What the fact is about: `member X`, `error Y`, `operation Z`, `document`. */
  subject: string;
  /** Which fact: `name`, `pattern`, `position in x-member-order`, `body members and casing`, ... */
  fact: string;
  /** Why it could not be determined. */
  reason: string;
  /** The value written into the document in its place, if any (undefined: left out). */
  assumed?: string;
}

/**
 * Where a member travels. Beyond the four every format has, Smithy's bindings: the whole payload
 * (`@httpPayload`), a map of prefixed headers, a map of query parameters, the response status.
 */
export type Location = 'path' | 'query' | 'header' | 'body' | 'payload' | 'prefixHeaders' | 'queryParams' | 'responseCode';

/** The value constraints of one member, in the vocabulary of the conventions. */
export interface Constraints {
  type?: string;
  format?: string;
  items?: Constraints;
  additionalProperties?: Constraints;
  ref?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  /** The whole-value pattern (`^(?:P)$`, or P itself when P is already anchored). */
  pattern?: string;
  /** The pattern as the documentation prints it. */
  documentedPattern?: string;
  /** What a string holds (Smithy's `@mediaType`, JSON Schema's `contentMediaType`): restJson1 sends such a string in a header as base64. */
  contentMediaType?: string;
  enum?: (string | number)[];
  /** Values of `enum` that messages do not list (`x-enum-internal`): Smithy's `@internal` enum members, `@enum` entries tagged `internal`. */
  internalEnum?: (string | number)[];
  default?: string | number | boolean | unknown[] | Record<string, unknown>;
  uniqueItems?: boolean;
  /** Entry counts of a map (`minProperties`/`maxProperties`). */
  minProperties?: number;
  maxProperties?: number;
  /** Constraints on a map's keys (`propertyNames`). */
  propertyNames?: Constraints;
  /** A list or map whose entries may be null (`x-sparse`). */
  sparse?: boolean;
  /** The member's key in JSON when it differs from its name (`x-json-name`). */
  jsonName?: string;
  /** The client fills the member in when the caller leaves it out (`x-idempotency-token`). */
  idempotencyToken?: boolean;
  /** Smithy's `@hostLabel`: the member fills its `{Label}` in the operation's host prefix. */
  hostLabel?: boolean;
  /** Smithy's `@clientOptional`: clients treat the member as optional, its default included. */
  clientOptional?: boolean;
  /** A member of an event structure carried as the event's payload (`@eventPayload`; `x-event-payload`). */
  eventPayload?: boolean;
  /** A member of an event structure carried as an event header (`@eventHeader`; `x-event-header`). */
  eventHeader?: boolean;
}

export interface MemberModel {
  name: string;
  location: Location;
  /** Wire name of a query key or header (the prefix, for prefix headers) when it differs from the member name. */
  wireName?: string;
  /** The media type of a payload member. */
  mediaType?: string;
  /** A payload that is an event stream: the name of its event union (`x-event-stream`). */
  eventStream?: string;
  required: boolean;
  description?: string;
  schema: Constraints;
  /** Name of the revision the constraints were carried over from. */
  carriedOver?: string;
}

export interface ErrorMemberModel {
  name: string;
  schema: Constraints;
  description?: string;
  httpHeader?: string;
}

export interface ErrorModel {
  name: string;
  status?: number;
  fault: 'client' | 'server';
  description?: string;
  members: ErrorMemberModel[];
  carriedOver?: string;
}

export interface OperationModel {
  name: string;
  method: string;
  /** OpenAPI path template, labels in braces. */
  path: string;
  successStatus: number;
  successDescription: string;
  summary?: string;
  description?: string;
  /** Input members, in x-member-order. */
  members: MemberModel[];
  memberOrder: string[];
  /** Output members (body unless location is header). */
  output: MemberModel[];
  /** Error names the operation lists. */
  errors: string[];
  /** The operation has no input / no output at all (Smithy's `Unit`), not an empty structure: `x-unit-input`, `x-unit-output`. */
  unitInput?: boolean;
  unitOutput?: boolean;
  /** Smithy's `@paginated`, the service's defaults filled in (`x-paginated`). */
  paginated?: PaginatedModel;
  /** Smithy's `smithy.waiters#waitable`, by waiter name (`x-waiters`). */
  waiters?: Record<string, WaiterModel>;
  /** Smithy's `@endpoint(hostPrefix: …)`: prepended to the endpoint's host, `{Label}`s from `@hostLabel` members (`x-host-prefix`). */
  hostPrefix?: string;
}

/** How an operation pages: the input and output token members, the items, the page size member. */
export interface PaginatedModel {
  inputToken?: string;
  /** A member of the output, or a dotted path into it. */
  outputToken?: string;
  items?: string;
  pageSize?: string;
}

/** A waiter as Smithy declares it: acceptors tried in order, delays in seconds. */
export interface WaiterModel {
  documentation?: string;
  minDelay?: number;
  maxDelay?: number;
  deprecated?: boolean;
  tags?: string[];
  /** `{ state, matcher }` entries, as written in the model (`matcher`: `output`, `inputOutput`, `success` or `errorType`). */
  acceptors: unknown[];
}

/** How requests authenticate, as the document's security schemes will say. */
export type AuthModel = { kind: 'sigv4'; signingName: string } | { kind: 'bearer' } | { kind: 'apiKey'; in: 'header' | 'query'; name: string };

export interface ServiceModel {
  title: string;
  version: string;
  endpointPrefix: string;
  signingName: string;
  errorTypeHeader: string;
  /** Default region of the `servers` template. */
  defaultRegion: string;
  /**
   * Authentication schemes in order of preference, when the source says (a Smithy service's auth
   * traits); absent: SigV4 with `signingName`, as for every AWS reference page.
   */
  auth?: AuthModel[];
}

export interface SourceRecord {
  file: string;
  format: string;
}

export interface RevisionRecord {
  name: string;
  era?: string;
  description?: string;
  sources: SourceRecord[];
  repairs: string[];
  carriedOver: string[];
  fromServiceBehavior: string[];
  notes: string[];
  undetermined: Undetermined[];
}

export interface DocumentModel {
  service: ServiceModel;
  operations: OperationModel[];
  errors: ErrorModel[];
  /** The error the service returns for constraint violations, when known. */
  validationError?: ErrorModel;
  /** Named structures referenced by members (`ref`), already in the conventions' schema form. */
  extraSchemas: Record<string, unknown>;
  revision: RevisionRecord;
  /** Comment lines written above the document. */
  header: string[];
}

export interface ImportResult {
  /** The OpenAPI document (a plain object, keys in the conventions' order). */
  document: Record<string, unknown>;
  /** The same document as YAML text, deterministic. */
  yaml: string;
  undetermined: Undetermined[];
  /** Repairs, carry-overs and notes, for printing. */
  revision: RevisionRecord;
}
