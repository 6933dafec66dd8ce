// "Open in a new window" from inside the LMS's frame: the framed page's pass signs the same
// user in for a window of its own (lib/lti/handoff.ts), then opens the page it came from.
import { NextResponse } from "next/server";
import { mintSessionCookie, sessionSecret } from "@/lib/auth/session-token";
import { route } from "@/lib/boundary/route";
import { isCrossOriginWrite } from "@/lib/boundary/cross-site";
import { publicBaseUrl } from "@/lib/http/base-url";
import { userOfPass, windowRequestSchema } from "@/lib/lti/handoff";

export const POST = route({ access: "public", fields: windowRequestSchema, maxBytes: 4 * 1024, invalidBody: "Open Casebook again from the LMS." }, async ({ body, request }) => {
  // Only Casebook's own framed page posts this (login CSRF otherwise).
  if (isCrossOriginWrite(request)) return new Response("Refused: this request came from another site.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const userId = userOfPass(body.pass, sessionSecret());
  if (!userId) return new Response("This button has expired. Reload the page in the LMS and press it again.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const response = NextResponse.redirect(new URL(body.to, await publicBaseUrl()), 303);
  const cookie = await mintSessionCookie(userId);
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
});
