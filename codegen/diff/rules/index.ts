// Every rule, in the catalog's order (../catalog.ts states each rule's id, level, title and why).

import type { Rule } from '../context.js';
import { acceptedValuesNarrowed } from './accepted-values-narrowed.js';
import { artifactPatternQuantifier } from './artifact-pattern-quantifier.js';
import { artifactStrayEscaping } from './artifact-stray-escaping.js';
import { artifactUriParameterRequired } from './artifact-uri-parameter-required.js';
import { constraintsCarriedOver } from './constraints-carried-over.js';
import { documentationChanged } from './documentation-changed.js';
import { documentedPatternChanged } from './documented-pattern-changed.js';
import { enumConstraintAdded } from './enum-constraint-added.js';
import { enumConstraintRemoved } from './enum-constraint-removed.js';
import { enumValueAdded } from './enum-value-added.js';
import { enumValueRemoved } from './enum-value-removed.js';
import { errorAdded } from './error-added.js';
import { errorMemberAdded } from './error-member-added.js';
import { errorMemberRemoved } from './error-member-removed.js';
import { errorRemoved } from './error-removed.js';
import { errorStatusChanged } from './error-status-changed.js';
import { lengthBoundAdded } from './length-bound-added.js';
import { lengthBoundEquivalent } from './length-bound-equivalent.js';
import { lengthBoundRelaxed } from './length-bound-relaxed.js';
import { lengthBoundRemoved } from './length-bound-removed.js';
import { lengthBoundTightened } from './length-bound-tightened.js';
import { memberOrderChanged } from './member-order-changed.js';
import { operationAdded } from './operation-added.js';
import { operationMethodChanged } from './operation-method-changed.js';
import { operationPathChanged } from './operation-path-changed.js';
import { operationRemoved } from './operation-removed.js';
import { patternAdded } from './pattern-added.js';
import { patternEquivalent } from './pattern-equivalent.js';
import { patternIncomparable } from './pattern-incomparable.js';
import { patternNarrowed } from './pattern-narrowed.js';
import { patternRemoved } from './pattern-removed.js';
import { patternUndecidable } from './pattern-undecidable.js';
import { patternWidened } from './pattern-widened.js';
import { requestMemberAddedOptional } from './request-member-added-optional.js';
import { requestMemberAddedRequired } from './request-member-added-required.js';
import { requestMemberBecameOptional } from './request-member-became-optional.js';
import { requestMemberBecameRequired } from './request-member-became-required.js';
import { requestMemberMoved } from './request-member-moved.js';
import { requestMemberRemoved } from './request-member-removed.js';
import { requestMemberTypeChanged } from './request-member-type-changed.js';
import { responseMemberAdded } from './response-member-added.js';
import { responseMemberRemoved } from './response-member-removed.js';
import { responseMemberTypeChanged } from './response-member-type-changed.js';
import { serviceNameChanged } from './service-name-changed.js';
import { successStatusChanged } from './success-status-changed.js';

export const RULES: readonly Rule[] = [
  serviceNameChanged,
  operationAdded,
  operationRemoved,
  operationPathChanged,
  operationMethodChanged,
  successStatusChanged,
  requestMemberAddedRequired,
  requestMemberAddedOptional,
  requestMemberRemoved,
  requestMemberBecameRequired,
  requestMemberBecameOptional,
  requestMemberTypeChanged,
  requestMemberMoved,
  memberOrderChanged,
  patternAdded,
  patternRemoved,
  patternWidened,
  patternNarrowed,
  patternEquivalent,
  patternIncomparable,
  patternUndecidable,
  lengthBoundAdded,
  lengthBoundRemoved,
  lengthBoundTightened,
  lengthBoundRelaxed,
  lengthBoundEquivalent,
  acceptedValuesNarrowed,
  enumValueAdded,
  enumValueRemoved,
  enumConstraintAdded,
  enumConstraintRemoved,
  responseMemberAdded,
  responseMemberRemoved,
  responseMemberTypeChanged,
  errorAdded,
  errorRemoved,
  errorStatusChanged,
  errorMemberAdded,
  errorMemberRemoved,
  documentationChanged,
  documentedPatternChanged,
  constraintsCarriedOver,
  artifactPatternQuantifier,
  artifactStrayEscaping,
  artifactUriParameterRequired,
];

export { RULE_IDS } from '../catalog.js';
