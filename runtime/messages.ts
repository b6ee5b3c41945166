/**
 * Every message text the runtime sends, verbatim from the service (see the shared
 * service-behavior spec). Users diff these against the real service, so they live in one place
 * and are asserted character for character by the tests.
 */

export const POLICY_SIZE_LIMIT = 20480;

export const messages = {
  invalidPrincipal: 'The provided principal was invalid. Please check the principal and try again.',
  regionNotReachable: (requested: string, served: string) =>
    `Functions from '${requested}' are not reachable in this region ('${served}')`,
  qualifierMismatch: 'The derived qualifier from the function name does not match the specified qualifier.',
  latestNotSupported: 'We currently do not support adding policies for $LATEST.',
  functionNotFound: (arn: string) => `Function not found: ${arn}`,
  aliasNotFound: (arn: string) => `Cannot find alias arn: ${arn}`,
  functionUrlAuthTypeOnlyForUrlAction: 'FunctionUrlAuthType is only supported for lambda:InvokeFunctionUrl action',
  duplicateStatementId: (sid: string) =>
    `The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
  policyDoesNotExist: 'The resource you requested does not exist.',
  statementNotFound: (sid: string) => `Statement ${sid} is not found in resource policy.`,
  noPolicyAssociated: 'No policy is associated with the given resource.',
  noPolicyFoundFor: (arn: string) => `No policy found for: ${arn}`,
  updateInProgress: (arn: string) => `The operation cannot be performed at this time. An update is in progress for resource: ${arn}`,
  policyTooLarge: (size: number) => `The final policy size (${size}) is bigger than the limit (${POLICY_SIZE_LIMIT}).`,
  // The service's text really has no final period.
  revisionMismatch:
    'The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id',
  // Not a message of the service: the runtime's own, for a name no name form can hold.
  unresolvableFunctionName: (name: string) => `The function name '${name}' is not a function name, partial ARN or function ARN.`,
} as const;

/** Error names as the model spells them. */
export const errorNames = {
  invalidParameterValue: 'InvalidParameterValueException',
  policyLengthExceeded: 'PolicyLengthExceededException',
  preconditionFailed: 'PreconditionFailedException',
  resourceConflict: 'ResourceConflictException',
  resourceNotFound: 'ResourceNotFoundException',
  validation: 'ValidationException',
} as const;
