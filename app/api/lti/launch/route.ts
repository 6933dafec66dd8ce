// The launch: the LMS posts the id_token and state here (form_post, LTI Core 1.3 §5.1.2).
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { bindingCookie, isBoundTo } from "@/lib/lti/browser-binding";
import { mintSessionCookie } from "@/lib/auth/session-token";
import { route } from "@/lib/boundary/route";
import { completeLaunch, launchRequestSchema } from "@/lib/lti/launch";
import { LaunchError } from "@/lib/lti/launch-error";
import { syncMembershipsSoon } from "@/lib/lti/memberships";
import { publicBaseUrl } from "@/lib/http/base-url";
import { refusedLaunch } from "@/lib/lti/responses";
import { FRAME_COOKIE, FRAMED_COOKIE, frameableOrigin, frameCookieValue } from "@/lib/lti/frame";
import { sessionSecret } from "@/lib/auth/session-token";

export const POST = route({ access: "public", fields: launchRequestSchema, maxBytes: 32 * 1024, invalidBody: "The launch needs an id_token and a state." }, async ({ body, request }) => {
  try {
    // Only the browser that started this login may finish it (login CSRF).
    if (!isBoundTo(await cookies(), body.state)) throw new LaunchError("browser");
    const { userId, redirectTo, syncRoster } = await completeLaunch(body);
    // An instructor's launch brings the LMS course's members onto the roster (NRPS), after the response.
    if (syncRoster) syncMembershipsSoon(syncRoster);
    // 303: the browser follows with a GET to the page the link points to, now signed in.
    const response = NextResponse.redirect(new URL(redirectTo, await publicBaseUrl()), 303);
    // Inside the LMS's frame (the browser says so), the session must work on another site's
    // page, and that LMS (the page that posted this launch) may frame this browser's pages;
    // in a window of its own, it is an ordinary session.
    const framed = request.headers.get("sec-fetch-dest") === "iframe";
    const cookie = await mintSessionCookie(userId, { framed });
    response.cookies.set(cookie.name, cookie.value, cookie.options);
    const lms = framed ? frameableOrigin(request.headers.get("origin")) : null;
    if (lms) response.cookies.set(FRAME_COOKIE, frameCookieValue(lms, sessionSecret()), { ...FRAMED_COOKIE, maxAge: cookie.options.maxAge });
    const binding = bindingCookie(body.state, 0);
    response.cookies.set(binding.name, "", binding.options);
    return response;
  } catch (error) {
    if (error instanceof LaunchError) return refusedLaunch(error, "launch");
    throw error;
  }
});
