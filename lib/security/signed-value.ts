// A value signed with the server's secret (HMAC-SHA256), for one purpose: `payload.signature`,
// both base64url. Used for the LTI frame cookie and the new-window pass, so neither can be
// written by anyone without the secret, nor passed off as the other. No server-only import:
// proxy.ts reads the frame cookie.
import { createHmac, timingSafeEqual } from "node:crypto";

const sign = (purpose: string, payload: string, secret: string) => createHmac("sha256", secret).update(`${purpose}\n${payload}`).digest("base64url");

/** `text` signed for `purpose`. */
export function signValue(purpose: string, text: string, secret: string): string {
  const payload = Buffer.from(text).toString("base64url");
  return `${payload}.${sign(purpose, payload, secret)}`;
}

/** The text a value carries when this server signed it for `purpose`; otherwise null. */
export function verifiedText(purpose: string, value: string | undefined, secret: string | undefined): string | null {
  if (!value || !secret) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(purpose, payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(payload, "base64url").toString();
}
