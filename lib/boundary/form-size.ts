// A form post's size, checked in proxy.ts before Next reads the body. Next enforces
// serverActions.bodySizeLimit by throwing while it reads, which answers 500; a post that
// declares more than the limit (or declares nothing) is refused here with a 4xx instead.
// Browsers always send Content-Length with a form or a fetch body.

/** The most one form post may carry: next.config.js serverActions.bodySizeLimit (a unit test keeps them equal). */
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;

export type FormSizeProblem = { status: 400 | 411 | 413; message: string };

export function formSizeProblem(request: { method: string; headers: Pick<Headers, "get"> }): FormSizeProblem | null {
  if (request.method !== "POST") return null;
  const declared = request.headers.get("content-length");
  if (declared === null) return { status: 411, message: "Refused: a form post must say how long it is (Content-Length)." };
  const bytes = /^\d{1,15}$/.test(declared.trim()) ? Number(declared) : NaN;
  if (!Number.isSafeInteger(bytes)) return { status: 400, message: "Bad request: the Content-Length is not a number." };
  if (bytes > FORM_BODY_LIMIT_BYTES) {
    return { status: 413, message: `Too large: a form may send at most ${FORM_BODY_LIMIT_BYTES / 1024} KB. Go back and send less (a class list file may be up to 100 KB).` };
  }
  return null;
}
