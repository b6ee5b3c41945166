/**
 * The one error type the runtime throws on purpose. The generated server maps `name` to the
 * model's status, `X-Amzn-ErrorType` and body casing, so only the name and the exact message
 * text are decided here. Extra members (TooManyRequestsException's `Reason`, `retryAfterSeconds`)
 * become own properties, which is where the server reads an error's modeled members from.
 */
export class ServiceError extends Error {
  [member: string]: unknown;

  constructor(name: string, message: string, extra?: Record<string, unknown>) {
    super(message);
    this.name = name;
    for (const [member, value] of Object.entries(extra ?? {})) {
      if (member !== 'name' && member !== 'message' && member !== 'stack') this[member] = value;
    }
  }
}

export const isServiceError = (error: unknown): error is ServiceError => error instanceof ServiceError;

// ------------------------------------------------------------------------------------------------
// What the runtime raises, checked against the generated model types: an error the model stops
// declaring for an operation (its name leaves the operation's X-Amzn-ErrorType header union in
// generated/types.ts) makes this table fail the type check, instead of the server answering the
// client's mistake with a 500. `npm run regen` reads the same table to say, before writing a
// revision, which behaviour depends on what the revision removes.

import type { operations } from '../generated/types.js';

type Responses<O extends keyof operations> = operations[O]['responses'];

/** The error names an operation declares: the union of its error responses' X-Amzn-ErrorType values. */
export type DeclaredErrorName<O extends keyof operations> = {
  [S in keyof Responses<O>]: Responses<O>[S] extends { headers: { 'X-Amzn-ErrorType': infer N } } ? N : never;
}[keyof Responses<O>];

/** Operation → error the runtime raises in it → the behaviour that raises it (ValidationException is the model's x-validation-error, apart). */
export const RUNTIME_RAISES = {
  AddPermission: {
    InvalidParameterValueException: 'a principal, qualifier or FunctionUrlAuthType the service refuses, or a policy for $LATEST',
    PolicyLengthExceededException: 'a policy that would grow beyond 20480 bytes',
    PreconditionFailedException: 'a RevisionId that does not match the policy\'s current revision',
    ResourceConflictException: 'a StatementId the policy already holds',
    ResourceNotFoundException: 'a function, version or alias that does not exist',
  },
  GetPolicy: {
    InvalidParameterValueException: 'a function name that is no function name, partial ARN or ARN, or a qualifier that contradicts it',
    ResourceNotFoundException: 'a function without a policy, or one that does not exist',
  },
  RemovePermission: {
    InvalidParameterValueException: 'a function name that is no function name, partial ARN or ARN, or a qualifier that contradicts it',
    PreconditionFailedException: 'a RevisionId that does not match the policy\'s current revision',
    ResourceNotFoundException: 'a function, policy or statement that does not exist',
  },
} as const satisfies { [O in keyof operations]?: { [N in DeclaredErrorName<O> & string]?: string } };
