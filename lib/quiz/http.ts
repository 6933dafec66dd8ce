import "server-only";
import { NextResponse } from "next/server";
import { authorizeRequest } from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/session";
import type { Failure } from "./result";

/** Largest JSON body the quiz endpoints read. */
export const MAX_BODY_BYTES = 16 * 1024;

export function failure(result: Failure) {
  return NextResponse.json({ error: result.message }, { status: result.status });
}

/** Signed-in student only; returns the user or the response to send instead. */
export async function studentOrResponse(): Promise<CurrentUser | NextResponse> {
  const auth = await authorizeRequest("student");
  if (!auth.ok) return NextResponse.json({ error: auth.message }, { status: auth.status });
  return auth.user;
}

/** Reads a JSON body with a size limit; malformed JSON is a clear 400, never a 500. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return { ok: false, response: NextResponse.json({ error: "That request is too large." }, { status: 413 }) };
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return { ok: false, response: NextResponse.json({ error: "That request is too large." }, { status: 413 }) };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: NextResponse.json({ error: "Send a JSON body." }, { status: 400 }) };
  }
}
