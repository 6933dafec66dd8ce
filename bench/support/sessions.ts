// Session cookies for simulated users, signed with the app's secret exactly as
// next-auth does after a password sign-in (the token carries only the user id;
// the app re-reads the user from the database on every request). Minting skips 500
// Argon2 verifications that would otherwise dominate the "class starts" window.
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE_NAMES } from "../../lib/auth/cookies";

// Over http (the bench talks to 127.0.0.1), next-auth uses the plain name.
export const SESSION_COOKIE = SESSION_COOKIE_NAMES[0];

export async function sessionCookie(userId: string, secret: string): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret, maxAge: 8 * 3600 });
  return `${SESSION_COOKIE}=${token}`;
}
