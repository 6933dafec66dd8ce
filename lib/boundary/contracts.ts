// Response shapes shared by route handlers and the client code that reads them, so a
// field name cannot drift between the two (the autosave once read `message` from an
// API that answered `error`). Types only: safe to import from client components.

/** Every failing API response. */
export type ApiError = { error: string; fieldErrors?: Record<string, string> };

/** POST /api/attempts/[id]/answers */
export type SaveAnswerResponse = { savedAt: string };

/** The human-readable reason of a failed response body, whatever it parsed to. */
export function errorMessageOf(body: unknown): string | null {
  const error = (body as Partial<ApiError> | null)?.error;
  return typeof error === "string" && error ? error : null;
}
