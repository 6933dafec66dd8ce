// Sign out: a plain form post from the header, so it works inside an LMS's frame and without
// JavaScript (lib/auth/session-token.ts endedSessionCookies says why not next-auth's).
import { z } from "zod";
import { endedSessionCookies } from "@/lib/auth/session-token";
import { route } from "@/lib/boundary/route";
import { fail } from "@/lib/boundary/errors";
import { isFromAnotherOrigin } from "@/lib/boundary/cross-site";

export const POST = route({ access: "public", fields: z.object({}) }, async ({ request }) => {
  // Another site may not sign people out (a nuisance, but a write all the same).
  if (isFromAnotherOrigin(request.headers)) return fail(403, "Sign out from Casebook's own page.");
  const headers = new Headers({ location: "/signin", "cache-control": "no-store" });
  for (const cookie of await endedSessionCookies()) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
});
