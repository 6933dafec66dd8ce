// The login's state, bound to the browser that started it (OAuth 2 / OIDC login CSRF): the
// login sets a cookie named after the state's hash; the launch is accepted only from a
// browser that carries it. Without it, someone holding an unspent launch for their own LMS
// account could post it from any page and sign a victim into that account.
// SameSite=None because the launch is a cross-site form post from the LMS; Secure (which
// browsers allow on http://localhost too); Partitioned, so inside an LMS's frame the cookie
// lives in that LMS's partition, where the login and the launch both happen.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (state: string) => createHash("sha256").update(`lti-browser\n${state}`).digest("hex");

export function bindingCookie(state: string, maxAgeSeconds: number) {
  return {
    name: `casebook-lti-${digest(state).slice(0, 16)}`,
    value: digest(state),
    options: { httpOnly: true, secure: true, sameSite: "none" as const, partitioned: true, path: "/api/lti/", maxAge: maxAgeSeconds },
  };
}

/** Does this browser's cookie jar hold the binding of this state? */
export function isBoundTo(jar: { get(name: string): { value: string } | undefined }, state: string): boolean {
  const expected = bindingCookie(state, 0);
  const found = jar.get(expected.name)?.value;
  return typeof found === "string" && found.length === expected.value.length && timingSafeEqual(Buffer.from(found), Buffer.from(expected.value));
}
