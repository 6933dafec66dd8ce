/** Only same-site paths may be used as a post-sign-in destination (no open redirects). */
export function safeReturnPath(value: string | undefined | null, fallback = "/"): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, "http://casebook.invalid");
    if (url.origin !== "http://casebook.invalid") return fallback;
    if (url.pathname.startsWith("/api/") || url.pathname === "/signin") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/**
 * A route parameter as text. Next may hand it over still percent-encoded or already
 * decoded; a stray "%" must not become an exception (a 500) on a public page.
 */
export function routeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Whether a path's %-escapes all decode (Next answers a broken one in a route parameter with a 500). */
export function isWellEncodedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
