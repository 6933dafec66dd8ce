// The launch: the LMS posts the id_token and state here (form_post, LTI Core 1.3 §5.1.2).
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { bindingCookie, isBoundTo } from "@/lib/lti/browser-binding";
import { mintSessionCookie } from "@/lib/auth/session-token";
import { route } from "@/lib/boundary/route";
import { isFromThisOrigin } from "@/lib/boundary/cross-site";
import { checkStatePage } from "@/lib/lti/client-storage";
import { completeLaunch, launchRequestSchema, type LaunchRequest } from "@/lib/lti/launch";
import { LaunchError } from "@/lib/lti/launch-error";
import { launchStorage } from "@/lib/lti/login";
import { syncMembershipsSoon } from "@/lib/lti/memberships";
import { publicBaseUrl } from "@/lib/http/base-url";
import { refusedLaunch } from "@/lib/lti/responses";
import { FRAME_COOKIE, FRAMED_COOKIE, frameableOrigin, frameCookieValue, frameOriginOf } from "@/lib/lti/frame";
import { sessionSecret } from "@/lib/auth/session-token";

/**
 * Only the browser that started this login may finish it (login CSRF): by the login's
 * cookie, or, where the platform offered storage and the cookie did not come back, by the
 * storage check (lib/lti/client-storage.ts). Returns the check's page while it is still to
 * run, null once this browser is known to be the one.
 */
async function sameBrowser(body: LaunchRequest, headers: Headers, lms: string | null): Promise<NextResponse | null> {
  if (isBoundTo(await cookies(), body.state)) return null;
  const storage = await launchStorage(body.state);
  if (!storage) throw new LaunchError("browser");
  if (body.storage_checked !== "1") {
    const frame = lms ? frameCookieValue(lms, sessionSecret()) : undefined;
    return checkStatePage(storage, { id_token: body.id_token, state: body.state, frame }, lms ?? "'none'");
  }
  // Only Casebook's page re-posts, and only after the platform gave the state back.
  if (!isFromThisOrigin(headers)) throw new LaunchError("browser");
  return null;
}

export const POST = route({ access: "public", fields: launchRequestSchema, maxBytes: 32 * 1024, invalidBody: "The launch needs an id_token and a state." }, async ({ body, request }) => {
  try {
    // Inside the LMS's frame (the browser says so), the session must work on another site's
    // page, and that LMS (the page that posted this launch, or, after the storage check, the
    // origin Casebook signed on its page) may frame this browser's pages.
    const framed = request.headers.get("sec-fetch-dest") === "iframe";
    const lms = !framed ? null : body.storage_checked === "1" ? frameOriginOf(body.frame, sessionSecret()) : frameableOrigin(request.headers.get("origin"));
    const check = await sameBrowser(body, request.headers, lms);
    if (check) return check;
    const { userId, redirectTo, syncRoster } = await completeLaunch(body);
    // An instructor's launch brings the LMS course's members onto the roster (NRPS), after the response.
    if (syncRoster) syncMembershipsSoon(syncRoster);
    // 303: the browser follows with a GET to the page the link points to, now signed in.
    const response = NextResponse.redirect(new URL(redirectTo, await publicBaseUrl()), 303);
    const cookie = await mintSessionCookie(userId, { framed });
    response.cookies.set(cookie.name, cookie.value, cookie.options);
    if (lms) response.cookies.set(FRAME_COOKIE, frameCookieValue(lms, sessionSecret()), { ...FRAMED_COOKIE, maxAge: cookie.options.maxAge });
    const binding = bindingCookie(body.state, 0);
    response.cookies.set(binding.name, "", binding.options);
    return response;
  } catch (error) {
    if (error instanceof LaunchError) return refusedLaunch(error, "launch");
    throw error;
  }
});
