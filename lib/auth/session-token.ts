import "server-only";
// The session next-auth wrote at sign-in, read without next-auth's session handler.
// getServerSession runs the whole "session" action on every request: it derives the
// encryption key from the secret with HKDF, decrypts, runs the callbacks, then encrypts a
// refreshed token that an App Router render cannot even set (measured in bench/README.md).
// This reads the same cookie, decrypts it with the same key (derived once per process)
// and the same checks (jose's jwtDecrypt: A256GCM, exp with next-auth's 15 s tolerance).
// Only the cookie counts: unlike next-auth's getToken, no Authorization header is read.
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { authSecret, serverEnv } from "@/lib/env";
import { FRAMED_COOKIE } from "@/lib/lti/frame";
import { SESSION_MAX_AGE_SECONDS } from "./options";

const INFO = "NextAuth.js Generated Encryption Key";
let derived: { secret: string; key: Uint8Array } | null = null;

/** next-auth's key for its session JWT: HKDF-SHA256 of the secret, empty salt, 32 bytes. */
export function sessionKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", INFO, 32)) };
  return derived.key;
}

/**
 * The cookie next-auth writes: the __Secure- name when it takes the site to be https. Like
 * next-auth (utils/detect-origin), that is NEXTAUTH_URL's scheme when set; otherwise, when it
 * trusts the host (AUTH_TRUST_HOST, set by scripts/runtime-env.ts without NEXTAUTH_URL), the
 * forwarded scheme, https unless it says http; otherwise plain http.
 */
export function sessionCookieName({ publicUrl, trustHost, forwardedProto }: { publicUrl?: string; trustHost?: boolean; forwardedProto?: string | null }): string {
  const https = publicUrl ? publicUrl.startsWith("https://") : trustHost ? forwardedProto !== "http" : false;
  return https ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The session cookie's name for this request (the forwarded scheme is read only when it can matter). */
async function requestSessionCookieName(): Promise<string> {
  const env = serverEnv();
  const trustHost = Boolean(env.AUTH_TRUST_HOST);
  const forwardedProto = !env.NEXTAUTH_URL && trustHost ? (await headers()).get("x-forwarded-proto") : null;
  return sessionCookieName({ publicUrl: env.NEXTAUTH_URL, trustHost, forwardedProto });
}

type Jar = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** The token, whole or from the numbered chunks next-auth splits a large one into. */
export function tokenFrom(jar: Jar, name: string): string | null {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .flatMap((c) => (c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)) ? [{ index: Number(c.name.slice(name.length + 1)), value: c.value }] : []))
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

/** The user id a valid session token names (its `sub`), or null. */
export async function decodeSessionUserId(token: string | null, secret: string): Promise<string | null> {
  if (!token) return null;
  try {
    // Only what next-auth writes: a direct key and AES-GCM (no password-based key derivation a forged header could make costly).
    const { payload } = await jwtDecrypt(token, sessionKey(secret), { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] });
    return typeof payload.sub === "string" && payload.sub ? payload.sub : null;
  } catch {
    return null; // tampered, expired, or written with another secret: signed out
  }
}

/** The signed-in user's id from this request's session cookie, or null. */
export async function sessionUserId(): Promise<string | null> {
  // Cookies first, always: reading them is what makes every page that asks who is signed
  // in render per request. Returning before it (say, for a build run without a secret)
  // would let Next prerender that page once, as whatever the build saw, for everyone.
  const jar = await cookies();
  const secret = authSecret(serverEnv());
  if (!secret) return null;
  return decodeSessionUserId(tokenFrom(jar, await requestSessionCookieName()), secret);
}

/** The secret sessions are encrypted with (and the LTI frame cookie signed with). */
export function sessionSecret(): string {
  const secret = authSecret(serverEnv());
  if (!secret) throw new Error("No session secret: set NEXTAUTH_SECRET.");
  return secret;
}

/**
 * A session cookie for a user signed in by another route than next-auth's password form (an
 * LTI launch): the same token next-auth writes after a sign-in (only the user id, encrypted
 * with the same key), under the name and attributes it would use; or, `framed`, with the
 * attributes a cookie needs inside an LMS's frame on another site (lib/lti/frame.ts).
 */
export async function mintSessionCookie(userId: string, { framed = false } = {}): Promise<{ name: string; value: string; options: { httpOnly: true; sameSite: "lax" | "none"; path: "/"; secure: boolean; partitioned?: boolean; maxAge: number } }> {
  const secret = sessionSecret();
  const name = await requestSessionCookieName();
  const value = await encode({ token: { sub: userId }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  if (framed) return { name, value, options: { ...FRAMED_COOKIE, maxAge: SESSION_MAX_AGE_SECONDS } };
  return { name, value, options: { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_SECONDS } };
}

/**
 * Set-Cookie headers that end this browser's session, whichever kind it has: the ordinary
 * cookie and the one a launch inside an LMS's frame left (Partitioned, so a cookie without
 * that attribute would not replace it). Sign-out is Casebook's own (app/api/sign-out)
 * rather than next-auth's, whose CSRF cookie is SameSite=Lax and so never reaches it from
 * inside the frame.
 */
export async function endedSessionCookies(): Promise<string[]> {
  const name = await requestSessionCookieName();
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  return [`${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`, `${name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned`];
}
