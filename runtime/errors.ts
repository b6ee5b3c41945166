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
