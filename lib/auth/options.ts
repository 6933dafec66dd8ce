import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authSecret, trustProxy } from "@/lib/env";
import { burnPasswordCheck, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { SIGN_IN_ERRORS } from "./sign-in-errors";
import { clearAccountFailures, recordFailure, retryAfterMinutes, throttleKeys } from "./throttle";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function clientIp(headers: HeaderBag): string | null {
  if (!trustProxy()) return null;
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || null;
}

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid.code);
        const { email, password } = parsed.data;
        const keys = throttleKeys(email, clientIp(req?.headers as HeaderBag));

        const wait = await retryAfterMinutes(keys);
        if (wait !== null) throw new Error(`${SIGN_IN_ERRORS.throttled.code}:${wait}`);

        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, name: true, email: true, passwordHash: true, deletedAt: true },
        });
        const ok = user && !user.deletedAt ? await verifyPassword(user.passwordHash, password) : false;
        if (!user || user.deletedAt) await burnPasswordCheck(password);
        if (!ok || !user) {
          await recordFailure(keys);
          throw new Error(SIGN_IN_ERRORS.credentials.code);
        }
        await clearAccountFailures(email);
        return { id: user.id, name: user.name, email: user.email };
      },
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
