/**
 * A waiter's JMESPath expression compiled, at generation time, into one TypeScript expression over
 * the operation's typed output (or `{input, output}`), so the generated waiter evaluates no
 * expression text at run time. The `jmespath` package parses (the reference implementation's
 * parser; no parser of our own); this module walks its syntax tree beside the shape graph, so a
 * path naming a member the model does not have, or taking a field of a list, is refused with the
 * waiter's name instead of compiling to something that is always null.
 *
 * Supported: fields (plain and quoted), sub-expressions, indexes (negative too), list projections
 * (`a[*].b`), flatten (`a[].b`), filter projections (`a[?b == 'x']`), literals, comparisons,
 * `&&`, `||`, `!`, the current node `@`, and the functions `length` and `contains`. JMESPath's
 * null is TypeScript's `undefined` here: optional chaining gives it where JMESPath gives null.
 */
import jmespath from 'jmespath';
import type { Shape, ShapeModel } from '../../model/shapes.js';
import { quote } from '../typescript.js';

/** jmespath's syntax tree (the package's `compile`, which its type declarations leave out). */
interface Node {
  type: string;
  name?: string;
  value?: unknown;
  children?: Node[];
}

/** What a compiled sub-expression is known to be: a structure, a list, or any other value. */
type Known =
  | { kind: 'object'; label: string; members: Map<string, { target?: string; code?: string }> }
  | { kind: 'list'; element: Known }
  | { kind: 'value'; label: string };

interface Compiled {
  code: string;
  known: Known;
  /** The value is never undefined (the root, a projection's element): a field of it needs no `?.`. */
  present?: boolean;
}

/** The names the compiled code calls from the client's `runtime/paths.ts`. */
export type PathHelper = 'truthy' | 'equal' | 'order' | 'lengthOf' | 'contains' | 'present';

export interface CompiledPath {
  code: string;
  /** Whether the value is a list (the all/any comparators need one). */
  isList: boolean;
  helpers: Set<PathHelper>;
}

/** Where a path starts: named variables of the generated code, each with the members of its structure. */
export interface PathRoot {
  label: string;
  /** Top-level names: a member of the output (`target`), or a variable (`code`) for inputOutput's `input`/`output`. */
  members: Map<string, { target?: string; code?: string; members?: Map<string, { target?: string }> }>;
  /** The variable holding the root, when the root is one value (the output). */
  code?: string;
}

export class PathError extends Error {}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const access = (name: string) => (IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);
const ORDER: Record<string, string> = { LT: '<', LTE: '<=', GT: '>', GTE: '>=' };

/** Compiles `expression` over `root`; throws PathError with one sentence when it cannot. */
export function compilePath(expression: string, root: PathRoot, graph: ShapeModel): CompiledPath {
  let tree: Node;
  try {
    tree = (jmespath as unknown as { compile(e: string): Node }).compile(expression);
  } catch (error) {
    throw new PathError(`\`${expression}\` is not a JMESPath expression (${error instanceof Error ? error.message : String(error)})`);
  }
  return new PathCompiler(expression, graph).compile(tree, root);
}

class PathCompiler {
  private readonly helpers = new Set<PathHelper>();
  private variables = 0;

  constructor(private readonly expression: string, private readonly graph: ShapeModel) {}

  private refuse(problem: string): never {
    throw new PathError(`path \`${this.expression}\`: ${problem}`);
  }

  compile(tree: Node, root: PathRoot): CompiledPath {
    const start: Compiled = {
      code: root.code ?? '',
      present: true,
      known: { kind: 'object', label: root.label, members: new Map([...root.members].map(([name, m]) => [name, { target: m.target, code: m.code }])) },
    };
    this.rootMembers = root.members;
    const out = this.node(tree, start);
    return { code: out.code, isList: out.known.kind === 'list', helpers: this.helpers };
  }

  private rootMembers: PathRoot['members'] = new Map();

  private knownOf(target: string | undefined): Known {
    const shape: Shape | undefined = target ? this.graph.shapes.get(target) : undefined;
    if (!shape) return { kind: 'value', label: 'a value' };
    if (shape.kind === 'structure' || shape.kind === 'union') {
      return { kind: 'object', label: shape.id, members: new Map(shape.members.map((m) => [m.name, { target: m.target }])) };
    }
    if (shape.kind === 'list') return { kind: 'list', element: this.knownOf(shape.member.target) };
    return { kind: 'value', label: `${shape.id} (${shape.kind})` };
  }

  private fresh(): string {
    this.variables += 1;
    return `item${this.variables}`;
  }

  private list(of: Compiled, what: string): Extract<Known, { kind: 'list' }> {
    if (of.known.kind !== 'list') this.refuse(`${what} needs a list, and ${of.known.kind === 'object' ? `${of.known.label} is a structure` : `${of.known.label} is not a list`}`);
    return of.known;
  }

  private node(node: Node, base: Compiled): Compiled {
    const children = node.children ?? [];
    switch (node.type) {
      case 'Field': {
        const name = String(node.name);
        if (base.known.kind !== 'object') this.refuse(`\`${name}\` is taken of ${base.known.kind === 'list' ? 'a list' : base.known.label}, which has no members`);
        const member = base.known.members.get(name);
        if (!member) this.refuse(`${base.known.label} has no member \`${name}\` (it has ${[...base.known.members.keys()].join(', ') || 'none'})`);
        if (base.code === '' && member.code !== undefined) {
          // inputOutput's `input` and `output`: variables of the generated code.
          const nested = this.rootMembers.get(name)?.members ?? new Map();
          return { code: member.code, present: true, known: { kind: 'object', label: name, members: new Map([...nested].map(([n, m]) => [n, { target: m.target }])) } };
        }
        const code = base.code === '' ? name : `${base.code}${base.present ? '' : '?'}${access(name)}`;
        return { code, known: this.knownOf(member.target), present: false };
      }
      case 'Subexpression':
        return this.node(children[1]!, this.node(children[0]!, base));
      case 'IndexExpression':
        return this.node(children[1]!, this.node(children[0]!, base));
      case 'Index': {
        const list = this.list(base, `the index [${String(node.value)}]`);
        const index = Number(node.value);
        return { code: index >= 0 ? `${base.code}${base.present ? '' : '?.'}[${index}]` : `${base.code}${base.present ? '' : '?'}.at(${index})`, known: list.element };
      }
      case 'Flatten': {
        const inner = this.node(children[0]!, base);
        const list = this.list(inner, 'flattening (`[]`)');
        if (list.element.kind !== 'list') return inner;
        return { code: `${inner.code}${inner.present ? '' : '?'}.flat()`, known: list.element };
      }
      case 'Projection':
      case 'FilterProjection': {
        const left = this.node(children[0]!, base);
        const list = this.list(left, 'a projection');
        const item = this.fresh();
        const element: Compiled = { code: item, known: list.element, present: true };
        let code = `${left.code}${left.present ? '' : '?'}`;
        if (node.type === 'FilterProjection') {
          this.helpers.add('truthy');
          code += `.filter((${item}) => truthy(${this.node(children[2]!, element).code}))`;
        }
        const right = children[1]!;
        if (right.type === 'Identity' || right.type === 'Current') return { code: code === `${left.code}${left.present ? '' : '?'}` ? left.code : code, known: list, present: left.present };
        const mapped = this.node(right, element);
        this.helpers.add('present');
        return { code: `${code}.map((${item}) => ${mapped.code}).filter(present)`, known: { kind: 'list', element: mapped.known }, present: left.present };
      }
      case 'Identity':
      case 'Current':
        return base;
      case 'Literal':
        return { code: typeof node.value === 'string' ? quote(node.value) : JSON.stringify(node.value), known: { kind: 'value', label: 'a literal' }, present: true };
      case 'Comparator': {
        const left = this.node(children[0]!, base).code;
        const right = this.node(children[1]!, base).code;
        const name = String(node.name);
        let code: string;
        if (name === 'EQ' || name === 'NE') {
          this.helpers.add('equal');
          code = `${name === 'NE' ? '!' : ''}equal(${left}, ${right})`;
        } else if (ORDER[name]) {
          this.helpers.add('order');
          code = `order(${quote(ORDER[name]!)}, ${left}, ${right})`;
        } else this.refuse(`the comparison ${name} is not supported`);
        return { code, known: { kind: 'value', label: 'a comparison' }, present: true };
      }
      case 'AndExpression':
      case 'OrExpression': {
        this.helpers.add('truthy');
        const left = this.node(children[0]!, base).code;
        const right = this.node(children[1]!, base).code;
        // JMESPath returns the deciding operand itself, not a boolean.
        return node.type === 'AndExpression'
          ? { code: `(truthy(${left}) ? ${right} : ${left})`, known: { kind: 'value', label: 'an && expression' } }
          : { code: `(truthy(${left}) ? ${left} : ${right})`, known: { kind: 'value', label: 'an || expression' } };
      }
      case 'NotExpression':
        this.helpers.add('truthy');
        return { code: `!truthy(${this.node(children[0]!, base).code})`, known: { kind: 'value', label: 'a ! expression' }, present: true };
      case 'Function': {
        const name = String(node.name);
        const args = children.map((c) => this.node(c, base).code);
        if (name === 'length' && args.length === 1) {
          this.helpers.add('lengthOf');
          return { code: `lengthOf(${args[0]})`, known: { kind: 'value', label: 'length()' } };
        }
        if (name === 'contains' && args.length === 2) {
          this.helpers.add('contains');
          return { code: `contains(${args[0]}, ${args[1]})`, known: { kind: 'value', label: 'contains()' } };
        }
        return this.refuse(`the function ${name}() with ${args.length} argument(s) is not supported (length/1 and contains/2 are)`);
      }
      default:
        return this.refuse(`${node.type} expressions are not supported`);
    }
  }
}
