/**
 * The intermediate form every emitter reads: one service, its operations with every member and
 * its HTTP binding (shape-graph members, whatever their shape), and its errors. Built once by the
 * model reader from OpenAPI documents; nothing downstream looks at OpenAPI again. The scalar
 * `input` view is what the validators check today; the other emitters walk `request`,
 * `response` and the graph.
 */
import type { Binding, BoundMember } from './shapes.js';

export type MemberLocation = 'path' | 'query' | 'header' | 'body';
export type MemberType = 'string' | 'boolean' | 'integer' | 'number';

export interface PatternConstraint {
  /** The whole-value expression as written in the model, e.g. `^(?:\d{12})$`. */
  anchored: string;
  /** The text the documentation prints, quoted by the service in its messages. */
  documented: string;
}

export interface Constraints {
  minLength?: number;
  maxLength?: number;
  pattern?: PatternConstraint;
  enum?: string[];
}

export interface Member {
  name: string;
  location: MemberLocation;
  /** Query key or header name on the wire; the member name for path labels and body members. */
  wireName: string;
  required: boolean;
  type: MemberType;
  documentation?: string;
  constraints: Constraints;
}

export interface Operation {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  /** Path template with `{Label}` placeholders, e.g. `/things/{Name}`. */
  path: string;
  successStatus: number;
  summary?: string;
  documentation?: string;
  /** The scalar input members (strings, enums, booleans, numbers) in the service's own order: the validators' view. */
  input: Member[];
  /** The scalar members of the success response body. */
  output: Member[];
  /** Every input member with its HTTP binding, whatever its shape, in the service's own order. */
  request: BoundMember[];
  /** Every output member: JSON body, payload, response headers, prefix headers, the status code. */
  response: BoundMember[];
  /** Names of the operation's modeled errors, as the service names them. */
  errors: string[];
  /** No input / no output at all (Smithy's `Unit`): the server takes no body, answers none. */
  unitInput?: boolean;
  unitOutput?: boolean;
  /** Prepended to the endpoint's host by the client, `{Label}`s from host-label members (Smithy's `@endpoint`). */
  hostPrefix?: string;
}

export interface ErrorMember {
  name: string;
  /** The member's shape in the graph. */
  target: string;
  /** The key in the JSON body (`@jsonName`), for body members. */
  jsonName: string;
  location: 'body' | 'header';
  /** Header name for header-bound members. */
  headerName?: string;
  /** Value a server sends when the implementation sets none (e.g. `Type: User`). */
  defaultValue?: string;
  documentation?: string;
}

export interface ErrorShape {
  name: string;
  status: number;
  fault: 'client' | 'server';
  documentation?: string;
  /** Body and header members in model order; exactly one of them is the message member. */
  members: ErrorMember[];
  /** The member that carries the human-readable message (`message` or `Message`). */
  messageMember?: string;
  /** The members as the graph has them, with their bindings. */
  bound: BoundMember[];
}

export type { Binding, BoundMember };

export type { SourceDocument } from './document.js';
import type { SourceDocument } from './document.js';
import type { SymbolTable } from './symbols.js';
import type { ShapeModel } from './shapes.js';

export interface ServiceModel {
  /** Service title from the model, e.g. `AWS Lambda`. */
  title: string;
  /** Name used in generated identifiers, e.g. `Lambda` (title without its `AWS`/`Amazon` prefix). */
  serviceName: string;
  apiVersion: string;
  documentation?: string;
  signingName?: string;
  /** Default endpoint template, e.g. `https://svc.{region}.amazonaws.com`, with variable defaults. */
  endpoint?: { url: string; defaults: Record<string, string> };
  /** Header that names an error on the wire. */
  errorTypeHeader: string;
  /** The protocol-level error for constraint violations, when the model declares one. */
  validationError?: ErrorShape;
  operations: Operation[];
  /** Every modeled error of every operation, sorted by name. */
  errors: ErrorShape[];
  sources: SourceDocument[];
  /** Version the client package gets from this model (`info.x-client-version`). */
  clientVersion?: string;
  /** Every generated name, spelled once (symbols.ts). */
  symbols: SymbolTable;
  /** The whole shape graph this view was built from, for emitters that walk nested shapes. */
  graph: ShapeModel;
}
