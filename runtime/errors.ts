/**
 * The one error type the runtime throws on purpose. The generated server maps `name` to the
 * model's status, `X-Amzn-ErrorType` and body casing, so only the name and the exact message
 * text are decided here.
 */
export class ServiceError extends Error {
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(name: string, message: string, extra?: Record<string, unknown>) {
    super(message);
    this.name = name;
    this.extra = extra ?? {};
  }
}

export const isServiceError = (error: unknown): error is ServiceError => error instanceof ServiceError;
