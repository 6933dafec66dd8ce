// Early redirect only: pages, actions and handlers check access themselves
// (lib/auth/session.ts). This just saves a signed-out visitor a round trip.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/course/:path*", "/glossary", "/lessons/:path*", "/quizzes/:path*", "/instructor/:path*", "/readiness/:path*", "/certificate/:path*", "/account/:path*"],
};
