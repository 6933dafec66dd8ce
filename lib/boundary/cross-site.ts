// A write sent by a page on another site (CSRF). The browser says where a request came from:
// Sec-Fetch-Site (every current browser), and Origin on every cross-origin POST. A request
// that says neither (a script, curl, an old browser) carries no cookies a site could ride.
// Used for server actions (proxy.ts) and for every signed-in route handler (lib/boundary/route.ts):
// since LTI sessions are SameSite=None, the cookie alone no longer stops another site.
// No server-only import: proxy.ts uses it.

type HeaderSource = { get(name: string): string | null };

/** The host a request was sent to: the proxy's forwarded host when there is one, else Host. */
const requestHost = (headers: HeaderSource) => headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");

/** Does this request come from a page on another origin? */
export function isFromAnotherOrigin(headers: HeaderSource): boolean {
  // The browser's own word first: behind a proxy that rewrites Host, Origin and Host differ for the site's own pages.
  const site = headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return false;
  if (site === "cross-site" || site === "same-site") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== requestHost(headers);
  } catch {
    return true;
  }
}

/** A request that may change something (anything but GET and HEAD) from another origin. */
export const isCrossOriginWrite = (request: { method: string; headers: HeaderSource }) => request.method !== "GET" && request.method !== "HEAD" && isFromAnotherOrigin(request.headers);

/**
 * Does the browser say this request came from one of this site's own pages? Positive word
 * only: Sec-Fetch-Site, or, from a browser too old to send it, an Origin naming this host.
 */
export function isFromThisOrigin(headers: HeaderSource): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin || origin === "null" || !URL.canParse(origin)) return false;
  return new URL(origin).host === requestHost(headers);
}
