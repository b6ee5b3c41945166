// The diff's view of a model: the shape graph of one document (codegen/model), flattened into
// what the rules compare: operations with their input and output members by name, errors, and a
// label for every pointer, so that a finding can say where in the document it is.

import { ModelError, loadDocumentAs, type LoadedDocument } from '../model/document.js';
import { serviceNameFromTitle, SymbolTable, type Side } from '../model/symbols.js';
import { readOpenApi } from '../model/openapi/read.js';
import { child, resolvePointer } from '../model/pointer.js';
import type { Binding, BoundMember, Member as ShapeMember, Shape, ShapeModel } from '../model/shapes.js';
import type { ErrorShape, Member, MemberLocation, Model, Operation } from './model.js';

export { ModelError };

/** Reads and normalizes a model file; throws ModelError when it cannot be used. */
export function readModel(file: string): Model {
  return fromGraph(readOpenApi(loadDocumentAs(file, file)), file);
}

/** Normalizes an already parsed document; `source` names it in messages. */
export function normalizeModel(document: unknown, source: string): Model {
  const loaded: LoadedDocument = { source: { path: source, sha256: '' }, document: document as Record<string, any> };
  return fromGraph(readOpenApi(loaded), source);
}

/** The name generated code uses for the client and its base exception: the generator's own rule. */
export const serviceNameOf = serviceNameFromTitle;

/** JSON Schema's name for the type of each shape kind, as the rules compare and print it. */
const JSON_TYPES: Record<Shape['kind'], string> = {
  structure: 'object',
  map: 'object',
  union: 'object',
  list: 'array',
  enum: 'string',
  string: 'string',
  blob: 'string',
  timestamp: 'string',
  intEnum: 'integer',
  byte: 'integer',
  short: 'integer',
  integer: 'integer',
  long: 'integer',
  bigInteger: 'integer',
  float: 'number',
  double: 'number',
  bigDecimal: 'number',
  boolean: 'boolean',
  document: 'unknown',
};

/** `example` and `examples` written at either pointer (the member, then its schema). */
function examplesAt(document: unknown, pointers: (string | undefined)[]): { examples?: unknown[] } {
  const found: unknown[] = [];
  for (const at of new Set(pointers)) {
    if (at === undefined) continue;
    const node = resolvePointer(document, at) as Record<string, unknown> | undefined;
    if (!node || typeof node !== 'object') continue;
    if ('example' in node) found.push(node.example);
    if (Array.isArray(node.examples)) found.push(...node.examples);
    else if (node.examples && typeof node.examples === 'object') {
      // OpenAPI's parameter examples: a map of Example Objects with a `value`.
      for (const e of Object.values(node.examples as Record<string, { value?: unknown }>)) if (e && 'value' in e) found.push(e.value);
    }
  }
  return found.length > 0 ? { examples: found } : {};
}

/** How deep the diff follows nested members (a recursive shape ends sooner). */
const MAX_DEPTH = 8;

const LOCATIONS: Record<Binding['kind'], MemberLocation> = {
  label: 'path',
  query: 'query',
  queryParams: 'query',
  header: 'header',
  prefixHeaders: 'header',
  payload: 'body',
  body: 'body',
  responseCode: 'body',
};

/** The diff's view of a document's shape graph; `source` names it in findings. */
export function fromGraph(graph: ShapeModel, source: string): Model {
  const symbols = new SymbolTable(graph);
  const member = (m: ShapeMember, location: MemberLocation, tsType: string): Member => {
    const shape = graph.shapes.get(m.target);
    const c = shape?.constraints ?? {};
    const items = shape?.kind === 'list' ? graph.shapes.get(shape.member.target) : undefined;
    const timestamp = shape?.kind === 'timestamp' && shape.format === 'epoch-seconds';
    const carried = shape?.extensions['x-carried-over'];
    return {
      name: m.name,
      location,
      required: m.required,
      pointer: m.origin.pointer,
      schemaPointer: shape?.origin.pointer ?? m.origin.pointer,
      type: shape ? (timestamp ? 'number' : JSON_TYPES[shape.kind]) : 'unknown',
      tsType,
      itemType: items ? JSON_TYPES[items.kind] : undefined,
      kind: shape?.kind,
      minLength: c.length?.min,
      maxLength: c.length?.max,
      ...(c.range && { range: c.range }),
      pattern: c.pattern,
      documentedPattern: c.documentedPattern,
      enum: c.enum,
      description: m.documentation,
      ...(m.default !== undefined && { default: m.default }),
      ...examplesAt(graph.documents[0], [m.origin.pointer, shape?.origin.pointer]),
      carriedOver: carried === undefined ? undefined : String(carried),
    };
  };
  // Members at any depth, each under its path (`Config.Items[].Name`, `Tags{}`), so that every rule
  // applies to a nested member as to a top-level one. A recursive shape is followed once per path.
  const byName = (operation: string, side: Side, members: BoundMember[]) => {
    const flat = new Map<string, Member>();
    type DeclaredIn = Member['declaredIn'];
    const visit = (m: ShapeMember, path: string, location: MemberLocation, tsType: string, parent: string | undefined, declaredIn: DeclaredIn, seen: ReadonlySet<string>) => {
      flat.set(path, { ...member(m, location, tsType), name: path, ...(parent !== undefined && { parent }), ...(declaredIn && { declaredIn }) });
      const shape = graph.shapes.get(m.target);
      if (!shape || seen.has(shape.id) || seen.size >= MAX_DEPTH) return;
      const inside = new Set(seen).add(shape.id);
      const nested = (child: ShapeMember, childPath: string, childDeclaredIn: DeclaredIn) => visit(child, childPath, location, symbols.valueType(child), path, childDeclaredIn, inside);
      if (shape.kind === 'structure' || shape.kind === 'union') {
        const declaration = symbols.declaredName(shape.id) ?? symbols.shapeType(shape.id);
        // A structure's member is a property of its interface; a union's is one variant of its type.
        for (const child of shape.members) nested(child, `${path}.${child.name}`, shape.kind === 'structure' ? { declaration, member: child.name } : { declaration });
      } else if (shape.kind === 'list') nested(shape.member, `${path}[]`, declaredIn);
      else if (shape.kind === 'map') nested(shape.value, `${path}{}`, declaredIn);
    };
    for (const m of members) visit(m, m.name, LOCATIONS[m.binding.kind], symbols.memberType(operation, side, m), undefined, undefined, new Set());
    return flat;
  };

  const labels = new Map<string, string>();
  for (const shape of graph.shapes.values()) {
    if (/^\/components\/schemas\/[^/]+$/.test(shape.origin.pointer)) labels.set(shape.origin.pointer, `schema ${shape.id}`);
  }
  const errors = new Map<string, ErrorShape>();
  for (const [name, error] of graph.errors) {
    const members = new Map(error.members.map((m) => [m.name, member(m, 'body', symbols.errorMemberType(m))]));
    errors.set(name, { name, pointer: error.origin.pointer, status: error.status, fault: error.fault, members });
    labels.set(error.origin.pointer, `error ${name}`);
    for (const m of members.values()) labels.set(m.pointer, `error ${name} member ${m.name}`);
  }

  const operations = new Map<string, Operation>();
  for (const op of graph.operations) {
    const at = op.origin.pointer;
    operations.set(op.name, {
      id: op.name,
      pointer: at,
      path: op.path,
      method: op.method.toLowerCase(),
      successStatus: op.success?.status,
      successPointer: op.success?.origin.pointer,
      memberOrder: op.memberOrder ?? [],
      memberOrderPointer: child(at, 'x-member-order'),
      input: byName(op.name, 'input', op.input),
      output: byName(op.name, 'output', op.output),
      errors: new Map(op.errors.map((e) => [e.name, e.origin.pointer])),
    });
    labels.set(at, op.name);
    for (const response of op.responses) labels.set(child(at, 'responses', response.status), `${op.name} response ${response.status}`);
  }
  for (const op of operations.values()) {
    for (const m of op.input.values()) labels.set(m.pointer, `${op.id} input ${m.name}`);
    for (const m of op.output.values()) labels.set(m.pointer, `${op.id} output ${m.name}`);
  }

  return {
    source,
    revision: graph.service.revision,
    title: graph.service.title,
    serviceName: serviceNameOf(graph.service.title),
    operations,
    errors,
    document: graph.documents[0],
    labels,
  };
}
