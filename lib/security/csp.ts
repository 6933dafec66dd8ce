// The Content-Security-Policy, built per request so scripts can carry a nonce. Only
// what Casebook uses is allowed: its own scripts (with the request's nonce), its own
// styles (React's style attributes need 'unsafe-inline' for styles, not scripts),
// same-origin images and data: SVGs, and same-origin fetches and form posts.

/** `frameOrigin`: the LMS that may frame this browser's pages after an LTI launch (lib/lti/frame.ts); none otherwise. */
export type CspOptions = { nonce: string | null; dev?: boolean; frameOrigin?: string | null };

export function contentSecurityPolicy({ nonce, dev = false, frameOrigin = null }: CspOptions): string {
  // A prerendered page's inline bootstrap scripts cannot carry a per-request nonce;
  // such pages are the same for everyone and render no user input.
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : ["'unsafe-inline'"];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...scripts, ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    // Browsers ignore X-Frame-Options: DENY (next.config.js) when this is present.
    "frame-ancestors": frameOrigin ? ["'self'", frameOrigin] : ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
