/**
 * The shape graph as text, one line per shape, member, operation and error, in a stable order:
 * what tests compare against (`want`), and what a person reads to see how a document was read.
 *
 *   structure Pet
 *     name -> Pet$name required
 *   string Pet$name length 1..64
 *   operation GetPet GET /pets/{petId} -> 200
 *     input petId -> GetPet$input$petId required label(petId)
 */
import type { AuthScheme, Binding, Constraints, ErrorShape, Member, OperationShape, Shape, ShapeModel } from './shapes.js';

export function printModel(graph: ShapeModel): string {
  const lines: string[] = [];
  for (const id of [...graph.shapes.keys()].sort()) lines.push(...printShape(graph.shapes.get(id)!));
  for (const operation of graph.operations) lines.push(...printOperation(operation));
  for (const error of graph.errors.values()) lines.push(...printError(error));
  if (graph.service.auth?.length) lines.push(`auth ${graph.service.auth.map(printAuth).join(', ')}`);
  return lines.join('\n');
}

export function printShape(shape: Shape): string[] {
  const head = [shape.kind, shape.id];
  if (shape.kind === 'timestamp') head.push(`format ${shape.format}`);
  if (shape.kind === 'string' && shape.mediaType !== undefined) head.push(`mediaType ${shape.mediaType}`);
  head.push(...printConstraints(shape.constraints));
  if ((shape.kind === 'list' || shape.kind === 'map') && shape.sparse) head.push('sparse');
  if (shape.deprecated) head.push('deprecated');
  const members =
    shape.kind === 'structure' || shape.kind === 'union' ? shape.members : shape.kind === 'list' ? [shape.member] : shape.kind === 'map' ? [shape.key, shape.value] : [];
  return [head.join(' '), ...members.map((m) => `  ${printMember(m)}`)];
}

export function printOperation(operation: OperationShape): string[] {
  const lines = [`operation ${operation.name} ${operation.method} ${operation.path}${operation.success ? ` -> ${operation.success.status}` : ''}`];
  for (const member of operation.input) lines.push(`  input ${printMember(member)} ${printBinding(member.binding)}`);
  for (const member of operation.output) lines.push(`  output ${printMember(member)} ${printBinding(member.binding)}`);
  if (operation.errors.length > 0) lines.push(`  errors ${operation.errors.map((e) => e.name).join(', ')}`);
  return lines;
}

export function printError(error: ErrorShape): string[] {
  return [`error ${error.name} ${error.status} ${error.fault}`, ...error.members.map((m) => `  ${printMember(m)} ${printBinding(m.binding)}`)];
}

function printMember(member: Member): string {
  const parts = [`${member.name} -> ${member.target}`];
  if (member.required) parts.push('required');
  if (member.nullable) parts.push('nullable');
  if (member.default !== undefined) parts.push(`default ${JSON.stringify(member.default)}`);
  if (member.jsonName !== undefined) parts.push(`jsonName(${member.jsonName})`);
  if (member.timestampFormat !== undefined) parts.push(`timestampFormat(${member.timestampFormat})`);
  if (member.idempotencyToken) parts.push('idempotencyToken');
  if (member.clientOptional) parts.push('clientOptional');
  if (member.hostLabel) parts.push('hostLabel');
  if (member.eventPayload) parts.push('eventPayload');
  if (member.eventHeader) parts.push('eventHeader');
  return parts.join(' ');
}

function printBinding(binding: Binding): string {
  switch (binding.kind) {
    case 'label':
      return `label(${binding.name}${binding.greedy ? '+' : ''})`;
    case 'query':
    case 'header':
    case 'body':
      return `${binding.kind}(${binding.name})`;
    case 'prefixHeaders':
      return `prefixHeaders(${binding.prefix})`;
    case 'payload':
      return `payload(${binding.mediaType}${binding.eventStream ? ', event stream' : ''})`;
    default:
      return binding.kind;
  }
}

function printConstraints(c: Constraints): string[] {
  const parts: string[] = [];
  if (c.length) parts.push(`length ${c.length.min ?? ''}..${c.length.max ?? ''}`);
  if (c.range) parts.push(`range ${c.range.exclusiveMin ? '(' : '['}${c.range.min ?? ''}..${c.range.max ?? ''}${c.range.exclusiveMax ? ')' : ']'}`);
  if (c.pattern !== undefined) parts.push(`pattern ${c.pattern}`);
  if (c.uniqueItems) parts.push('uniqueItems');
  if (c.enum) parts.push(`enum ${JSON.stringify(c.enum)}`);
  return parts;
}

function printAuth(scheme: AuthScheme): string {
  switch (scheme.kind) {
    case 'sigv4':
      return `sigv4(${scheme.signingName})`;
    case 'apiKey':
      return `apiKey(${scheme.in} ${scheme.name})`;
    default:
      return scheme.kind;
  }
}
