// Runs before every page: sets the per-request Content-Security-Policy (with a nonce
// Next.js puts on its own scripts) and sends a signed-out visitor of a protected page
// to sign in. Only an early redirect: pages, actions and handlers check access
// themselves (lib/auth/session.ts).
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { formSizeProblem } from "@/lib/boundary/form-size";
import { isCrossOriginWrite } from "@/lib/boundary/cross-site";
import { isWellEncodedPath } from "@/lib/urls";
import { authSecret, serverEnv } from "@/lib/env";
import { FRAME_COOKIE, frameOriginOf } from "@/lib/lti/frame";

const PROTECTED = /^\/(course|glossary|lessons|quizzes|instructor|readiness|certificate|account)(\/|$)/;

/**
 * A server action posted from another origin. Next refuses it too, but by throwing,
 * which answers 500; refusing here gives the caller a plain 403 instead.
 */
export function isCrossOriginAction(request: Pick<NextRequest, "method" | "headers">): boolean {
  return request.method === "POST" && request.headers.has("next-action") && isCrossOriginWrite(request);
}

export function proxy(request: NextRequest) {
  // A broken %-escape would reach a route parameter and make Next answer 500.
  if (!isWellEncodedPath(request.nextUrl.pathname)) {
    return new NextResponse("Bad request: the address has a broken %-escape.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // Route handlers set their own headers and check access themselves (lib/boundary/route.ts).
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  // Pages take posts only as server actions: one that is too big is refused before Next reads it.
  const tooBig = formSizeProblem(request);
  if (tooBig) return new NextResponse(tooBig.message, { status: tooBig.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (isCrossOriginAction(request)) {
    return new NextResponse("Refused: this form was posted from another site.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { pathname, search } = request.nextUrl;
  // Prerendered pages keep their fixed policy (next.config.js); only the check above runs for them.
  if (pathname === "/about") return NextResponse.next();
  const signedIn = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (!signedIn && PROTECTED.test(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  // After an LTI launch, the LMS that launched may frame this browser's pages (signed cookie).
  const frameOrigin = frameOriginOf(request.cookies.get(FRAME_COOKIE)?.value, authSecret(serverEnv()));
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", frameOrigin });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Every page except the prerendered ones (the same HTML for everyone, so no nonce is
  // possible: next.config.js gives them a fixed policy); not build assets. API routes only
  // meet the %-escape check. A server-action post to a prerendered page still meets the
  // cross-origin check.
  matcher: ["/((?!about$|_next/static|_next/image|favicon.ico|\\.well-known/).*)", { source: "/about", has: [{ type: "header", key: "next-action" }] }],
};
