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
