import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authSecret, serverEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { burnPasswordCheck, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { SIGN_IN_ERRORS, throttledError } from "./sign-in-errors";
import { claimAttempt, clearAccountFailures, pruneFailures, releaseClaim, throttleKeys } from "./throttle";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * Checks an email and password, counting failures per account and per client address
 * (the address the server entry derived from the socket and trusted proxies, never a
 * client-written header). Throws an error code the sign-in form turns into a message.
 */
export async function authorizeCredentials(credentials: unknown, req: { headers?: HeaderBag } | undefined) {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid.code);
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, clientAddress(req?.headers));

  // The attempt is counted before the (slow) password check, so a parallel burst cannot
  // all pass the limit; it stays counted only if it fails.
  const { refused, claim } = await claimAttempt(keys);
  if (refused) throw new Error(throttledError(refused.scope, refused.minutes));

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, deletedAt: true },
  });
  const ok = user && !user.deletedAt ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || user.deletedAt) await burnPasswordCheck(password);
  if (!ok || !user) {
    await pruneFailures();
    throw new Error(SIGN_IN_ERRORS.credentials.code);
  }
  await releaseClaim(claim);
  await clearAccountFailures(email);
  return { id: user.id, name: user.name, email: user.email };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(serverEnv()),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, req as { headers?: HeaderBag }),
    }),
  ],
  callbacks: {
    // Only the user id travels in the token; role and name are re-read from the
    // database on every request (lib/auth/session.ts), so changes apply at once.
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
