// The prelude (`smithy.api`): the shapes every model may name without a namespace, with their
// kinds. Relative ids resolve against it, and an annotation trait (`@sensitive`) takes its value
// from its shape's kind. Shapes the prelude marks private are left out: they cannot be named
// from another namespace.

export const PRELUDE_NAMESPACE = 'smithy.api';

/** Prelude traits the IDL writes with sugar: `///`, `= value` on enum members and on members. */
export const DOCUMENTATION = 'smithy.api#documentation';
export const ENUM_VALUE = 'smithy.api#enumValue';
export const DEFAULT = 'smithy.api#default';

const BY_TYPE: Record<string, string> = {
  string: 'String documentation jsonName xmlName mediaType resourceIdentifier since title pattern httpQuery httpHeader httpPrefixHeaders',
  blob: 'Blob',
  bigInteger: 'BigInteger',
  bigDecimal: 'BigDecimal',
  timestamp: 'Timestamp',
  document: 'Document default enumValue',
  boolean: 'Boolean PrimitiveBoolean',
  byte: 'Byte PrimitiveByte',
  short: 'Short PrimitiveShort',
  integer: 'Integer PrimitiveInteger httpError',
  long: 'Long PrimitiveLong',
  float: 'Float PrimitiveFloat',
  double: 'Double PrimitiveDouble',
  structure: 'Unit trait deprecated box protocolDefinition authDefinition httpBasicAuth httpDigestAuth httpBearerAuth httpApiKeyAuth '
    + 'metadata addedDefault clientOptional optionalAuth retryable readonly idempotent idempotencyToken internal xmlAttribute '
    + 'xmlFlattened xmlNamespace noReplace private sensitive streaming requiresLength longPoll length range required property '
    + 'notProperty nestedProperties recommended sparse uniqueItems unstable paginated http httpLabel httpQueryParams httpPayload '
    + 'httpResponseCode cors eventPayload eventHeader idRef endpoint hostLabel httpChecksumRequired input output unitType mixin '
    + 'requestCompression',
  list: 'auth examples references tags enum suppress',
  map: 'externalDocumentation traitValidators',
  enum: 'error timestampFormat',
};

/** Public prelude shape name → shape type. */
export const PRELUDE_SHAPES: ReadonlyMap<string, string> = new Map(
  Object.entries(BY_TYPE).flatMap(([type, names]) => names.split(' ').map((name) => [name, type] as [string, string])),
);

/**
 * The value an annotation trait (`@foo` or `@foo()`) takes, given the kind of the trait's shape:
 * {} for structures and maps, [] for lists, null otherwise. A trait whose shape is not known is
 * taken to be a structure, as nearly all annotation traits are.
 */
export function annotationValue(traitShapeType: string | undefined): {} | [] | null {
  if (traitShapeType === undefined || traitShapeType === 'structure' || traitShapeType === 'map') return {};
  if (traitShapeType === 'list' || traitShapeType === 'set') return [];
  return null;
}
