// The small normalized form the rules compare. Every node keeps the JSON pointer it came from,
// so a finding can say exactly where in the document it is.

export type MemberLocation = 'path' | 'query' | 'header' | 'body';

export interface Member {
  /** The member's name, or its path for a nested member: `Config.Items[].Name`, `Tags{}`. */
  name: string;
  /** Path of the member that contains this one, for a nested member. */
  parent?: string;
  /**
   * Where the generated client declares a nested member: the interface of the structure or union
   * that holds it, and its property there; a list item or map value is declared with its list or
   * map. Absent for a top-level member and for the items of one (their operation's interface).
   */
  declaredIn?: { declaration: string; member?: string };
  /** Where the member travels: a path label, a query or header parameter, or a body property. */
  location: MemberLocation;
  required: boolean;
  /** Where the member is declared (parameter object or property). */
  pointer: string;
  /** Where its constraints live (the parameter's schema, or the property itself). */
  schemaPointer: string;
  /** JSON Schema type; 'unknown' when the document says nothing. */
  type: string;
  /** The TypeScript type the generated declaration has (from the symbol table). */
  tsType: string;
  /** Item type for arrays, to tell `string[]` from `number[]`. */
  itemType?: string;
  /** The shape's kind in the graph (`string`, `enum`, `timestamp`, `integer`, ...), for samples. */
  kind?: string;
  minLength?: number;
  maxLength?: number;
  /** Numeric range of number shapes. */
  range?: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean };
  pattern?: string;
  documentedPattern?: string;
  enum?: unknown[];
  description?: string;
  /** `default` as written, and the `example`/`examples` of the member and its schema. */
  default?: unknown;
  examples?: unknown[];
  /** Revision the constraints were carried over from (`x-carried-over`). */
  carriedOver?: string;
}

export interface Operation {
  id: string;
  pointer: string;
  path: string;
  method: string;
  /** The single 2xx status, as written in the document. */
  successStatus?: string;
  successPointer?: string;
  memberOrder: string[];
  memberOrderPointer: string;
  input: Map<string, Member>;
  output: Map<string, Member>;
  /** Error names from `x-errors`, with the pointer of each entry. */
  errors: Map<string, string>;
}

export interface ErrorShape {
  name: string;
  pointer: string;
  status: number;
  fault: string;
  members: Map<string, Member>;
}

export interface Model {
  /** What the user named (a file path) or a label for an in-memory document. */
  source: string;
  /** `info.x-revision.name` when present, else the file's base name. */
  revision: string;
  title: string;
  /** Service name for generated code: the title without an `AWS ` / `Amazon ` prefix. */
  serviceName: string;
  operations: Map<string, Operation>;
  errors: Map<string, ErrorShape>;
  /** The parsed document, for rules that walk it generically (documentation). */
  document: Record<string, unknown>;
  /** Human labels of the pointers above, longest prefix wins: used to name where a text lives. */
  labels: Map<string, string>;
}
