// The one domain error type. Domain functions return a Failure (or throw a DomainError
// where returning is awkward); the boundary maps it to an HTTP status and a JSON body
// for route handlers, or to a form state for server actions, in one place each.
export type FailureStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;
export type Failure = { ok: false; status: FailureStatus; message: string; fieldErrors?: Record<string, string> };
export type Result<T> = ({ ok: true } & T) | Failure;

export const fail = (status: FailureStatus, message: string, fieldErrors?: Record<string, string>): Failure =>
  fieldErrors ? { ok: false, status, message, fieldErrors } : { ok: false, status, message };

export class DomainError extends Error {
  constructor(
    readonly status: FailureStatus,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
  get failure(): Failure {
    return fail(this.status, this.message, this.fieldErrors);
  }
}

/** A thrown DomainError as a Failure; anything else is a bug and is rethrown. */
export function failureOf(error: unknown): Failure {
  if (error instanceof DomainError) return error.failure;
  throw error;
}
