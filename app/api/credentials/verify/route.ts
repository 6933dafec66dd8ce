import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/boundary/route";
import { fail } from "@/lib/boundary/errors";
import { parseJsonText, readTextWithin } from "@/lib/http/json";
import { verifyPresentedCredential } from "@/lib/credentials/badge";

const MAX_BYTES = 32 * 1024;
const bodySchema = z.object({ credential: z.string().min(1).max(MAX_BYTES) });
const SEND = "Send the credential as text, or JSON like {\"credential\": \"...\"}.";

/**
 * Public: checks a presented credential (a VC-JWT, as text or {"credential": "..."}):
 * Casebook's signature, a certificate on record, and whether it is revoked. The body may
 * be plain text, so this door reads it itself, within the same limits.
 */
export const POST = route({ access: "public" }, async ({ request }) => {
  const body = await readTextWithin(request, MAX_BYTES);
  if (!body.ok) return fail(413, "That credential is too large.");
  let jwt = body.text.trim();
  if (jwt.startsWith("{")) {
    const read = parseJsonText(jwt, MAX_BYTES);
    const parsed = read.ok ? bodySchema.safeParse(read.value) : null;
    if (!parsed?.success) return fail(400, SEND);
    jwt = parsed.data.credential.trim();
  }
  if (!jwt) return fail(400, "Send a credential to verify.");
  return NextResponse.json(await verifyPresentedCredential(jwt));
});
