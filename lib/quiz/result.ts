// Outcomes of quiz operations, mapped to HTTP statuses by route handlers and to form
// messages by server actions, in one place.
export type Failure = { ok: false; status: 400 | 403 | 404 | 409 | 413 | 422; message: string };
export type Result<T> = ({ ok: true } & T) | Failure;

export const fail = (status: Failure["status"], message: string): Failure => ({ ok: false, status, message });

export const NOT_FOUND = fail(404, "We could not find that quiz attempt.");
