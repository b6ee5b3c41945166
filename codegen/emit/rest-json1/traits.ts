/**
 * The member and shape traits restJson1 reads, each in one place: the JSON key (`@jsonName`), the
 * timestamp format (`@timestampFormat` on the member, else the shape's), sparse lists and maps,
 * idempotency tokens. Read from the shape graph's fields, falling back to the OpenAPI extensions
 * of an inline schema (`x-json-name`, `x-sparse`, `x-idempotency-token`).
 */
import type { Member, Shape, ShapeModel, TimestampFormat } from '../../model/shapes.js';

const extension = (graph: ShapeModel, member: Member, name: string): unknown => graph.shapes.get(member.target)?.extensions[name];

/** The member's key in a JSON object. */
export function jsonKey(graph: ShapeModel, member: Member, fallback = member.name): string {
  const declared = member.jsonName ?? extension(graph, member, 'x-json-name');
  return typeof declared === 'string' ? declared : fallback;
}

/** The member's timestamp format: its own override, else its shape's. */
export function timestampFormat(member: Member | undefined, shape: Shape & { kind: 'timestamp' }): TimestampFormat {
  return member?.timestampFormat ?? shape.format;
}

export function isSparse(shape: Shape): boolean {
  return shape.kind === 'list' || shape.kind === 'map' ? (shape.sparse ?? shape.extensions['x-sparse'] === true) : false;
}

export function isIdempotencyToken(graph: ShapeModel, member: Member): boolean {
  return member.idempotencyToken ?? extension(graph, member, 'x-idempotency-token') === true;
}

/** Names an object inherits from `Object.prototype`: members so named are read as own properties. */
export function isPrototypeName(name: string): boolean {
  return name in Object.prototype || name === '__proto__';
}
