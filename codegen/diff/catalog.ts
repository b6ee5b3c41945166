// The diff's rule catalog: every rule's id, level, title and why, stated once, in the order the
// documentation lists them. Each rule module (rules/<id>.ts) supplies only how it finds its changes.

import type { Level } from './findings.js';

export interface RuleEntry {
  level: Level;
  /** A short title for the rule's documentation. */
  title: string;
  /** Why the change matters, in general; a finding may give a more specific why. */
  why: string;
}

export const CATALOG = {
  'service-name-changed': {
    level: 'breaking',
    title: 'Service name changed',
    why: 'The generated client class and base exception are named after the service title, so every import breaks.',
  },
  'operation-added': {
    level: 'info',
    title: 'Operation added',
    why: 'A new operation adds to the API; existing callers are not affected.',
  },
  'operation-removed': {
    level: 'breaking',
    title: 'Operation removed',
    why: 'Every caller of the operation fails: the service no longer offers it.',
  },
  'operation-path-changed': {
    level: 'breaking',
    title: 'Operation path changed',
    why: 'Clients built from the old revision send requests to a path the service no longer serves.',
  },
  'operation-method-changed': {
    level: 'breaking',
    title: 'Operation method changed',
    why: 'Clients built from the old revision send requests with a method the service no longer accepts.',
  },
  'success-status-changed': {
    level: 'breaking',
    title: 'Success status changed',
    why: 'Clients that check for the old success status treat successful calls as failures.',
  },
  'request-member-added-required': {
    level: 'breaking',
    title: 'Required request member added',
    why: 'Existing calls do not send the new member, so the service rejects them.',
  },
  'request-member-added-optional': {
    level: 'info',
    title: 'Optional request member added',
    why: 'Existing calls keep working; callers may now send the new member.',
  },
  'request-member-removed': {
    level: 'breaking',
    title: 'Request member removed',
    why: 'Callers that send the member have it rejected or silently ignored, and code that sets it no longer compiles.',
  },
  'request-member-became-required': {
    level: 'breaking',
    title: 'Request member became required',
    why: 'Calls that leave the member out were valid and are now rejected.',
  },
  'request-member-became-optional': {
    level: 'info',
    title: 'Request member became optional',
    why: 'Existing calls keep working; callers may now leave the member out.',
  },
  'request-member-type-changed': {
    level: 'breaking',
    title: 'Request member type changed',
    why: 'Values of the old type are rejected, and code that passes them no longer compiles.',
  },
  'request-member-moved': {
    level: 'breaking',
    title: 'Request member moved',
    why: 'Clients built from the old revision send the member where the service no longer reads it.',
  },
  'member-order-changed': {
    level: 'info',
    title: 'Member order changed',
    why: 'The service validates members in this order, so a request with several violations reports them in a different order.',
  },
  'pattern-added': {
    level: 'breaking',
    title: 'Pattern added',
    why: 'Values the member accepted without a pattern are now rejected.',
  },
  'pattern-removed': {
    level: 'info',
    title: 'Pattern removed',
    why: 'The member accepts values its pattern used to reject; existing calls keep working.',
  },
  'pattern-widened': {
    level: 'info',
    title: 'Pattern widened',
    why: 'The new pattern accepts every value the old one did, and more; existing calls keep working.',
  },
  'pattern-narrowed': {
    level: 'breaking',
    title: 'Pattern narrowed',
    why: 'The new pattern rejects values the old one accepted, so calls that sent them now fail.',
  },
  'pattern-equivalent': {
    level: 'documentation',
    title: 'Pattern rewritten, same values',
    why: 'The pattern text changed but, with the length bounds and enum applied, it accepts exactly the same values.',
  },
  'pattern-incomparable': {
    level: 'breaking',
    title: 'Pattern changed incomparably',
    why: 'Each pattern accepts values the other rejects: some calls that worked now fail.',
  },
  'pattern-undecidable': {
    level: 'warning',
    title: 'Pattern change undecidable',
    why: 'The pattern changed in a way the automaton library cannot compare; review it by hand.',
  },
  'length-bound-added': {
    level: 'breaking',
    title: 'Length bound added',
    why: 'A new length bound rejects values that were accepted before.',
  },
  'length-bound-removed': {
    level: 'info',
    title: 'Length bound removed',
    why: 'Values of any length the pattern allows are now accepted; existing calls keep working.',
  },
  'length-bound-tightened': {
    level: 'breaking',
    title: 'Length bound tightened',
    why: 'Values at the old edge of the range are now rejected.',
  },
  'length-bound-relaxed': {
    level: 'info',
    title: 'Length bound relaxed',
    why: 'Longer or shorter values are now accepted; existing calls keep working.',
  },
  'length-bound-equivalent': {
    level: 'documentation',
    title: 'Length bound changed, same values',
    why: 'The bound changed, but the pattern or enum already limits values to the same set: no value is accepted or rejected differently.',
  },
  'accepted-values-narrowed': {
    level: 'breaking',
    title: 'Accepted values narrowed by combined changes',
    why: 'Together, the changed constraints reject values the old revision accepted, though no single change does.',
  },
  'enum-value-added': {
    level: 'info',
    title: 'Enum value added',
    why: 'The member accepts a new value; existing calls keep working.',
  },
  'enum-value-removed': {
    level: 'breaking',
    title: 'Enum value removed',
    why: 'Calls that send the removed value are rejected, and code that uses the literal no longer compiles.',
  },
  'enum-constraint-added': {
    level: 'breaking',
    title: 'Enum added to a free string',
    why: 'Only the listed values are accepted now; calls with any other value fail, and the type narrows to a union.',
  },
  'enum-constraint-removed': {
    level: 'info',
    title: 'Enum removed',
    why: 'Any string is accepted now; existing calls keep working.',
  },
  'response-member-added': {
    level: 'info',
    title: 'Response member added',
    why: 'Responses carry a new member; existing callers ignore it.',
  },
  'response-member-removed': {
    level: 'breaking',
    title: 'Response member removed',
    why: 'Callers that read the member get nothing, and code that reads it no longer compiles.',
  },
  'response-member-type-changed': {
    level: 'breaking',
    title: 'Response member type changed',
    why: 'Callers that read the member get a value of a type they do not expect.',
  },
  'error-added': {
    level: 'info',
    title: 'Error added',
    why: 'The operation can fail in a new way; callers that branch on error names may want to handle it.',
  },
  'error-removed': {
    level: 'breaking',
    title: 'Error removed',
    why: 'Code that catches the error by class no longer compiles once its exception class is gone, and handlers for it go dead.',
  },
  'error-status-changed': {
    level: 'breaking',
    title: 'Error status changed',
    why: 'Callers that branch on the HTTP status see this error under a different status.',
  },
  'error-member-added': {
    level: 'info',
    title: 'Error member added',
    why: 'The error carries a new member; existing handlers ignore it.',
  },
  'error-member-removed': {
    level: 'breaking',
    title: 'Error member removed',
    why: 'Handlers that read the member get nothing, and code that reads it no longer compiles.',
  },
  'documentation-changed': {
    level: 'documentation',
    title: 'Documentation changed',
    why: 'Only the documentation changed: requests and responses are unaffected.',
  },
  'documented-pattern-changed': {
    level: 'documentation',
    title: 'Documented pattern text changed',
    why: 'The enforced pattern is the same; only the text the documentation prints (and the service quotes in validation messages) changed.',
  },
  'constraints-carried-over': {
    level: 'documentation',
    title: 'Constraints carried over from an earlier revision',
    why: 'The new revision does not restate these constraints; they were copied from an earlier revision (`x-carried-over`), so they are as trustworthy as that revision, not newly confirmed.',
  },
  'artifact-pattern-quantifier': {
    level: 'artifact',
    title: 'Suspected artifact: pattern lost or gained quantifiers',
    why: 'The pattern differs from the other revision only by `+`, `*` or `?` characters. Documentation scrapers are known to drop such characters from regular expressions, and an API rarely changes a pattern by exactly that much; confirm against another capture before treating it as real.',
  },
  'artifact-stray-escaping': {
    level: 'artifact',
    title: 'Suspected artifact: stray escaping or backticks',
    why: 'The texts differ only by backslashes, backticks or spacing, which is how Markdown and HTML captures of the same page differ; the API itself did not change.',
  },
  'artifact-uri-parameter-required': {
    level: 'artifact',
    title: 'Suspected artifact: URI parameter suddenly required',
    why: 'Reference pages list path and query parameters together under "URI Request Parameters", and scrapers often carry the "Required: Yes" of the path labels over to the query parameters. A query parameter that becomes required is more likely such damage than a service change; confirm before treating it as breaking.',
  },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof CATALOG;

export const RULE_IDS: ReadonlySet<string> = new Set(Object.keys(CATALOG));
