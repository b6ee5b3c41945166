/**
 * Which wording a model's validators use, and how a member is named in it. A model whose
 * validation error is Smithy's `smithy.framework#ValidationException` (an error with a `fieldList`
 * member) gets the framework's: JSON pointers and its phrases. Every other model gets the AWS
 * JSON services' wording (`Value 'x' at 'environment.variables' failed to satisfy constraint: …`).
 */
import type { ShapeModel } from '../../model/shapes.js';
import { lowerFirst } from '../../model/symbols.js';

export type Wording = 'aws' | 'framework';

/** The member of `smithy.framework#ValidationException` that lists each violation with its JSON pointer. */
const FIELD_LIST = 'fieldList';

export function wordingOf(graph: ShapeModel): Wording {
  const named = graph.service.validationError;
  const candidates = named ? [graph.errors.get(named)] : [...graph.errors.values()].filter((e) => e.name === 'ValidationException');
  return candidates.some((error) => error?.members.some((m) => m.name === FIELD_LIST)) ? 'framework' : 'aws';
}

/**
 * Where a value sits, as the wording names it. `text` is known when the validator is generated
 * (no list index or map key on the way); otherwise `expression` computes it, only for a failing value.
 */
export interface Place {
  text?: string;
  /** A TypeScript expression of type string. */
  expression: string;
  /** The place with `*` for indices and keys: for the rule's own `path`, read by nobody but people. */
  template: string;
}

const literal = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function fixedPlace(text: string): Place {
  return { text, expression: literal(text), template: text };
}

/** A member of a structure or union: `parent.member` (AWS, first letter lower-cased), `/parent/member` (framework). */
export function memberPlace(parent: Place | undefined, member: string, wording: Wording): Place {
  const segment = wording === 'aws' ? lowerFirst(member) : `/${member.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const joiner = wording === 'aws' && parent ? '.' : '';
  if (!parent) return fixedPlace(segment);
  if (parent.text !== undefined) return fixedPlace(parent.text + joiner + segment);
  return { expression: `${parent.expression} + ${literal(joiner + segment)}`, template: parent.template + joiner + segment };
}

/**
 * An item of a list: `list.1.member` (AWS numbers items from 1, as its JSON services name an
 * item's members, e.g. `keySchema.1.member.attributeName`), `/list/0` (framework).
 */
export function itemPlace(list: Place, index: string, wording: Wording): Place {
  return wording === 'aws'
    ? { expression: `${list.expression} + '.' + (${index} + 1) + '.member'`, template: `${list.template}.*.member` }
    : { expression: `${list.expression} + '/' + ${index}`, template: `${list.template}/*` };
}

/** A value of a map: `map.KEY` (AWS), `/map/KEY` (framework, the key escaped as a JSON pointer segment). */
export function valuePlace(map: Place, key: string, wording: Wording): Place {
  return wording === 'aws'
    ? { expression: `${map.expression} + '.' + ${key}`, template: `${map.template}.*` }
    : { expression: `${map.expression} + '/' + pointerSegment(${key})`, template: `${map.template}/*` };
}

/** A place held in a variable (the `path` parameter of a recursive shape's check). */
export function variablePlace(variable: string, template: string): Place {
  return { expression: variable, template };
}
