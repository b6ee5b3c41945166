/**
 * The emitters' view of the shape graph (ir.ts): operations with their bound members in the
 * service's order, and the errors they name. Here the generator decides what it can emit and
 * refuses the rest with the document and pointer of what it cannot: one 2xx response, at most
 * one payload member (a structure, union, document, blob or string) and then no JSON body
 * members, anchored patterns, a consistent `x-member-order`.
 */
import { ModelError } from './document.js';
import type { Constraints, ErrorMember, ErrorShape, Member, Operation, ServiceModel } from './ir.js';
import { SCALAR_OF_KIND, serviceNameFromTitle, SymbolTable } from './symbols.js';
import { child } from './pointer.js';
import type { BoundMember, ErrorShape as GraphError, OperationShape, Shape, ShapeModel } from './shapes.js';
import { hasTopLevelAlternation, isAnchored } from './pattern-text.js';

/** Kinds that arrive at the validators as the JSON value itself (blobs, timestamps and big numbers are decoded first). */
const VALIDATED_KINDS = new Set<Shape['kind']>(['string', 'enum', 'boolean', 'byte', 'short', 'integer', 'long', 'intEnum', 'float', 'double']);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function serviceModel(graph: ShapeModel): ServiceModel {
  const view = new ServiceView(graph);
  const operations = graph.operations.map((o) => view.operation(o));
  const errorNames = new Set(operations.flatMap((o) => o.errors));
  const { service } = graph;
  return {
    title: service.title,
    serviceName: serviceNameFromTitle(service.title),
    apiVersion: service.version,
    documentation: service.documentation,
    signingName: service.signingName,
    endpoint: service.endpoint,
    // restJson1's own header when the model names none.
    errorTypeHeader: service.errorTypeHeader ?? 'X-Amzn-ErrorType',
    validationError: service.validationError ? view.error(service.validationError) : undefined,
    operations: operations.sort((a, b) => compare(a.name, b.name)),
    errors: [...errorNames].sort(compare).map((name) => view.error(name)),
    sources: graph.sources,
    clientVersion: service.clientVersion,
    symbols: new SymbolTable(graph),
    graph,
  };
}

class ServiceView {
  constructor(private readonly graph: ShapeModel) {}

  private fail(origin: { document: string; pointer: string }, problem: string, pointer = origin.pointer): never {
    throw new ModelError(origin.document, pointer, problem);
  }

  private shape(member: { target: string; origin: { document: string; pointer: string } }): Shape {
    return this.graph.shapes.get(member.target) ?? this.fail(member.origin, `member refers to unknown shape ${member.target}`);
  }

  operation(op: OperationShape): Operation {
    const at = op.origin.pointer;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(op.name)) this.fail(op.origin, 'operationId must be an identifier');
    if (op.requestBody && !op.requestBody.hasSchema) this.fail(op.requestBody.origin, 'a request body must have a schema');
    for (const member of op.input) this.shape(member);
    for (const label of op.path.match(/\{[^}]+\}/g) ?? []) {
      const labelName = label.slice(1, -1).replace(/\+$/, '');
      if (!op.input.some((m) => m.binding.kind === 'label' && m.binding.name.replace(/\+$/, '') === labelName)) this.fail(op.origin, `path label {${labelName}} has no path parameter`);
    }
    this.payloads(op.input, op.origin);
    const request = this.ordered(op.input, op);
    const input = request.filter((m) => this.isScalar(m)).map((m) => this.member(m));

    const success = op.responses.filter((r) => /^2\d\d$/.test(r.status));
    if (success.length !== 1) this.fail(op.origin, 'exactly one 2xx response is expected', child(at, 'responses'));
    for (const member of op.output) this.shape(member);
    this.payloads(op.output, op.origin);
    const output = op.output.filter((m) => m.binding.kind === 'body' && this.isScalar(m)).map((m) => this.member(m));

    for (const { name } of op.errors) {
      const error = this.graph.errors.get(name)!;
      const response = op.responses.find((r) => r.status === String(error.status));
      if (!response) this.fail(op.origin, `no ${error.status} response for ${name}`, child(at, 'responses'));
      if (!response.errors.includes(name)) this.fail(response.origin, `${name} is not among this status's error schemas`);
    }
    return {
      name: op.name,
      method: op.method as Operation['method'],
      path: op.path,
      successStatus: Number(success[0].status),
      summary: op.summary,
      documentation: op.documentation,
      input,
      output,
      request,
      response: op.output,
      errors: op.errors.map((e) => e.name),
      ...(op.hostPrefix && { hostPrefix: op.hostPrefix }),
      ...(op.unitInput && { unitInput: true }),
      ...(op.unitOutput && { unitOutput: true }),
    };
  }

  /** At most one member is the whole payload, and then no member is bound to a JSON body. */
  private payloads(members: BoundMember[], origin: { document: string; pointer: string }): void {
    const payloads = members.filter((m) => m.binding.kind === 'payload');
    if (payloads.length > 1) this.fail(origin, `more than one member is bound to the payload (${payloads.map((m) => m.name).join(', ')})`);
    if (payloads.length === 1 && members.some((m) => m.binding.kind === 'body')) this.fail(payloads[0].origin, 'a payload member excludes JSON body members');
    for (const payload of payloads) {
      const kind = this.shape(payload).kind;
      if (!['structure', 'union', 'document', 'blob', 'string', 'enum'].includes(kind)) this.fail(payload.origin, `a ${kind} cannot be a payload (a structure, union, document, blob or string can)`);
    }
  }

  private ordered(members: BoundMember[], op: OperationShape): BoundMember[] {
    if (op.memberOrder === undefined) return members;
    const at = child(op.origin.pointer, 'x-member-order');
    const byName = new Map(members.map((m) => [m.name, m]));
    const result: BoundMember[] = [];
    for (const name of op.memberOrder) {
      const member = byName.get(name);
      if (!member) this.fail(op.origin, `names ${name}, which is not an input member`, at);
      result.push(member);
      byName.delete(name);
    }
    if (byName.size > 0) this.fail(op.origin, `does not name ${[...byName.keys()].join(', ')}`, at);
    return result;
  }

  /** Strings, enums, booleans and numbers: what the validators check today. */
  private isScalar(member: BoundMember): boolean {
    return VALIDATED_KINDS.has(this.shape(member).kind);
  }

  private member(member: BoundMember): Member {
    const shape = this.shape(member);
    const { binding } = member;
    const location = binding.kind === 'label' ? 'path' : binding.kind === 'query' || binding.kind === 'header' || binding.kind === 'body' ? binding.kind : 'body';
    return {
      name: member.name,
      location,
      wireName: 'name' in binding ? binding.name : member.name,
      required: member.required,
      type: SCALAR_OF_KIND[shape.kind]!,
      documentation: member.documentation,
      constraints: this.constraints(shape),
    };
  }

  private constraints(shape: Shape): Constraints {
    const at = shape.origin.pointer;
    const result: Constraints = {};
    const { length, pattern, documentedPattern, enum: values } = shape.constraints;
    const count = (value: number, where: string) => (Number.isInteger(value) && value >= 0 ? value : this.fail(shape.origin, 'must be a non-negative integer', child(at, where)));
    if (length?.min !== undefined) result.minLength = count(length.min, 'minLength');
    if (length?.max !== undefined) result.maxLength = count(length.max, 'maxLength');
    if (pattern !== undefined) {
      if (!isAnchored(pattern)) this.fail(shape.origin, 'patterns are whole-value matches and must be written anchored (^…$)', child(at, 'pattern'));
      try {
        new RegExp(pattern);
      } catch (error) {
        this.fail(shape.origin, `not a valid regular expression (${(error as Error).message})`, child(at, 'pattern'));
      }
      // `^a|b$` is anchored only at its ends; grouping makes every alternative a whole-value match.
      const anchored = hasTopLevelAlternation(pattern) ? `^(?:${pattern})$` : pattern;
      result.pattern = { anchored, documented: documentedPattern ?? stripAnchors(pattern) };
    }
    if (values !== undefined && shape.kind !== 'intEnum') {
      if (values.some((v) => typeof v !== 'string')) this.fail(shape.origin, 'enum values must be strings', child(at, 'enum'));
      result.enum = values as string[];
    }
    return result;
  }

  error(name: string): ErrorShape {
    const error: GraphError | undefined = this.graph.errors.get(name);
    if (!error) return this.fail({ document: this.graph.sources[0].path, pointer: `/components/schemas/${name}` }, `error ${name} has no schema`);
    const members: ErrorMember[] = error.members.map((m) => {
      this.shape(m);
      return {
        name: m.name,
        target: m.target,
        jsonName: m.jsonName ?? (m.binding.kind === 'body' ? m.binding.name : m.name),
        location: m.binding.kind === 'header' ? 'header' : 'body',
        headerName: m.binding.kind === 'header' ? m.binding.name : undefined,
        defaultValue: m.default === undefined ? undefined : String(m.default),
        documentation: m.documentation,
      };
    });
    return {
      name,
      status: error.status,
      fault: error.fault,
      documentation: error.documentation,
      members,
      messageMember: members.find((m) => m.location === 'body' && m.name.toLowerCase() === 'message')?.name,
      bound: error.members,
    };
  }
}


function stripAnchors(pattern: string): string {
  const inner = pattern.slice(1, -1);
  return inner.startsWith('(?:') && inner.endsWith(')') ? inner.slice(3, -1) : inner;
}
