// CPU per call of the two ways to read the session (issue 13), in one process, rounds
// interleaved: next-auth's "session" action, which getServerSession runs on every request
// (derive the key with HKDF, decrypt, run the callbacks, re-encrypt a refreshed token), and
// lib/auth/session-token.ts (the key derived once per process, one decrypt).
// Run: node bench/session-path.mjs
import { hkdfSync } from "node:crypto";
import { createRequire } from "node:module";
import { jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";

const CredentialsProvider = Credentials.default ?? Credentials;

// next-auth does not export its core handler; getServerSession calls it by this path.
const { AuthHandler } = createRequire(import.meta.url)("../node_modules/next-auth/core/index.js");

async function main() {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  const secret = "s".repeat(44);
  const options = {
    secret,
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    providers: [CredentialsProvider({ credentials: {}, authorize: async () => null })],
    callbacks: { jwt: ({ token }) => token, session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub } }) },
  };
  const token = await encode({ token: { sub: "user-123" }, secret, maxAge: 7 * 24 * 3600 });
  const viaHandler = async () => {
    const { body } = await AuthHandler({ options, req: { action: "session", method: "GET", cookies: { "next-auth.session-token": token }, headers: {} } });
    if (body?.user?.id !== "user-123") throw new Error(`the handler read no session: ${JSON.stringify(body)}`);
  };
  let key;
  const viaCookie = async () => {
    key ??= new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    if ((await jwtDecrypt(token, key, { clockTolerance: 15 })).payload.sub !== "user-123") throw new Error("the cookie read no session");
  };
  const cases = { "getServerSession's session action": viaHandler, "session cookie, key derived once": viaCookie };
  const totals = Object.fromEntries(Object.keys(cases).map((name) => [name, 0]));
  const CALLS = 2000;
  const ROUNDS = 4;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(cases)) {
      for (let i = 0; i < 100; i++) await run(); // warm
      const before = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) await run();
      const used = process.cpuUsage(before);
      totals[name] += (used.user + used.system) / 1000;
    }
  }
  for (const [name, ms] of Object.entries(totals)) console.log(`${name.padEnd(36)} ${(ms / (CALLS * ROUNDS)).toFixed(3)} ms CPU per call`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
