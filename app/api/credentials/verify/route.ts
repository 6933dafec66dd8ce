import { NextResponse } from "next/server";
import { z } from "zod";
import { verifyPresentedCredential } from "@/lib/credentials/badge";

const MAX_BYTES = 32 * 1024;
const bodySchema = z.object({ credential: z.string().min(1).max(MAX_BYTES) });

/**
 * Public: checks a presented credential (a VC-JWT, as text or {"credential": "..."}):
 * Casebook's signature, a certificate on record, and whether it is revoked.
 */
export async function POST(request: Request) {
  const text = await request.text();
  if (text.length > MAX_BYTES) return NextResponse.json({ error: "That credential is too large." }, { status: 413 });
  let jwt = text.trim();
  if (jwt.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(jwt);
    } catch {
      return NextResponse.json({ error: "Send the credential as text, or JSON like {\"credential\": \"...\"}." }, { status: 400 });
    }
    const parsed = bodySchema.safeParse(json);
    if (!parsed.success) return NextResponse.json({ error: "Send the credential as text, or JSON like {\"credential\": \"...\"}." }, { status: 400 });
    jwt = parsed.data.credential.trim();
  }
  if (!jwt) return NextResponse.json({ error: "Send a credential to verify." }, { status: 400 });
  return NextResponse.json(await verifyPresentedCredential(jwt));
}
