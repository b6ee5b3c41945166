// What the parser makes of one file before shape ids are resolved: every shape id is kept as
// written (with its offset, for errors), because a relative id can only be resolved once every
// file of the model is known.

import type { SourceText } from './lexer.js';

/** A shape id as written in the file: relative (`Foo`), absolute (`a.b#Foo`), maybe with `$member`. */
export interface Ref {
  id: string;
  offset: number;
}

/** An unquoted string in a node value: a syntactic shape id, resolved like any other reference. */
export class ShapeIdValue implements Ref {
  constructor(readonly id: string, readonly offset: number) {}
}

export type SyntaxValue = null | boolean | number | string | ShapeIdValue | SyntaxValue[] | { [key: string]: SyntaxValue };

export interface ParsedTrait {
  id: Ref;
  /** `undefined` for an annotation (`@foo` or `@foo()`): its value depends on the trait's shape. */
  value: SyntaxValue | undefined;
  offset: number;
}

export interface ParsedMember {
  name: string;
  /** Absent where the target is elided (`$name`). */
  target?: Ref;
  traits: ParsedTrait[];
  offset: number;
}

export interface ParsedShape {
  name: string;
  type: string;
  offset: number;
  traits: ParsedTrait[];
  mixins: Ref[];
  /** Aggregate shapes: members in declaration order. */
  members?: ParsedMember[];
  /** `structure X for Resource`. */
  forResource?: Ref;
  /** Service and resource shapes: their properties, shape ids unresolved. */
  properties?: Record<string, { value: SyntaxValue; offset: number }>;
  /** Operation shapes. */
  operation?: { input?: Ref; output?: Ref; errors?: Ref[] };
}

export interface ParsedApply {
  target: Ref;
  traits: ParsedTrait[];
  offset: number;
}

export interface ParsedFile {
  source: SourceText;
  /** `$version`, when the file states it. */
  version?: string;
  namespace?: string;
  /** Local name → the absolute id a `use` statement imports. */
  uses: Map<string, Ref>;
  metadata: { key: string; value: SyntaxValue; offset: number }[];
  shapes: ParsedShape[];
  applies: ParsedApply[];
}
