// Inside the LMS's frame (issue 15). An LTI launch leaves a cookie naming the LMS origin
// that may frame Casebook for this browser, signed with the server's secret so nobody can
// write their own; proxy.ts reads it and lists that origin in frame-ancestors. Every other
// browser, and every page for a visitor without it, keeps refusing to be framed.
// No server-only import: proxy.ts uses it.
import { signValue, verifiedText } from "@/lib/security/signed-value";

export const FRAME_COOKIE = "casebook-lti-frame";
const PURPOSE = "lti-frame";

/** An origin a frame-ancestors source may name: https, or http on this machine; nothing else (no paths, no wildcards). */
export function frameableOrigin(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  const url = new URL(value);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) return null;
  return url.origin;
}

/** The cookie's value for an origin: the origin and its signature. */
export const frameCookieValue = (origin: string, secret: string) => signValue(PURPOSE, origin, secret);

/** The origin a cookie value vouches for, or null when it is not one this server signed. */
export const frameOriginOf = (value: string | undefined, secret: string | undefined) => frameableOrigin(verifiedText(PURPOSE, value, secret));

/** Attributes for cookies an LMS frame must keep: sent in the frame's cross-site context, kept in the LMS's partition. */
export const FRAMED_COOKIE = { httpOnly: true, secure: true, sameSite: "none", partitioned: true, path: "/" } as const;
