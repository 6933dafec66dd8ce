import { createRequire } from "node:module";
import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";

// next-auth's own cookie names (not exported; getServerSession reads them from here).
const { defaultCookies } = createRequire(import.meta.url)("../../node_modules/next-auth/core/lib/cookie.js") as {
  defaultCookies: (secure: boolean) => { sessionToken: { name: string } };
};

const jar = vi.hoisted(() => ({ count: 0, cookies: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({
  cookies: async () => {
    jar.count++;
    return { get: (name: string) => jar.cookies.find((c) => c.name === name), getAll: () => jar.cookies };
  },
  headers: async () => new Headers(),
}));

import { decodeSessionUserId, sessionCookieName, tokenFrom } from "./session-token";

const secret = "a-test-secret-of-at-least-thirty-two-bytes!";

describe("reading next-auth's session token without its handler", () => {
  it("reads what next-auth wrote at sign-in, with its key", async () => {
    const token = await encode({ token: { sub: "user-1", name: "Ada" }, secret, maxAge: 3600 });
    expect(await decodeSessionUserId(token, secret)).toBe("user-1");
  });

  it("treats an expired, tampered, foreign or empty token as signed out", async () => {
    expect(await decodeSessionUserId(await encode({ token: { sub: "user-1" }, secret, maxAge: -60 }), secret)).toBeNull();
    const token = await encode({ token: { sub: "user-1" }, secret, maxAge: 3600 });
    const tampered = token.slice(0, -6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect(await decodeSessionUserId(tampered, secret)).toBeNull();
    expect(await decodeSessionUserId(token, `${secret}-other`)).toBeNull();
    expect(await decodeSessionUserId(await encode({ token: { name: "no subject" }, secret, maxAge: 3600 }), secret)).toBeNull();
    expect(await decodeSessionUserId(null, secret)).toBeNull();
    expect(await decodeSessionUserId("not-a-jwt", secret)).toBeNull();
  });

  it("uses the cookie name next-auth writes for the site's scheme, and joins a chunked token in order", () => {
    const [secure, plain] = [defaultCookies(true).sessionToken.name, defaultCookies(false).sessionToken.name];
    expect(sessionCookieName({ publicUrl: "https://casebook.example.edu" })).toBe(secure);
    expect(sessionCookieName({ publicUrl: "http://localhost:3000", trustHost: true, forwardedProto: "https" })).toBe(plain);
    expect(sessionCookieName({})).toBe(plain);
    // No NEXTAUTH_URL: next-auth trusts the forwarded scheme, and takes https unless it says http.
    expect(sessionCookieName({ trustHost: true, forwardedProto: "https" })).toBe(secure);
    expect(sessionCookieName({ trustHost: true, forwardedProto: null })).toBe(secure);
    expect(sessionCookieName({ trustHost: true, forwardedProto: "http" })).toBe(plain);
    const cookies = [
      { name: "next-auth.session-token.1", value: "BBB" },
      { name: "next-auth.session-token.0", value: "AAA" },
      { name: "next-auth.session-token.x", value: "ignored" },
      { name: "other", value: "ignored" },
    ];
    const jar = { get: (name: string) => cookies.find((c) => c.name === name), getAll: () => cookies };
    expect(tokenFrom(jar, "next-auth.session-token")).toBe("AAABBB");
    expect(tokenFrom({ get: () => ({ value: "whole" }), getAll: () => [] }, "next-auth.session-token")).toBe("whole");
    expect(tokenFrom({ get: () => undefined, getAll: () => [] }, "next-auth.session-token")).toBeNull();
  });
});

describe("asking who is signed in", () => {
  it("always reads the cookies first, so Next never prerenders a page that asks (even in a build without a secret)", async () => {
    const saved = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, AUTH_SECRET: process.env.AUTH_SECRET };
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.AUTH_SECRET;
    vi.resetModules();
    try {
      const fresh = await import("./session-token");
      jar.count = 0;
      expect(await fresh.sessionUserId()).toBeNull();
      expect(jar.count).toBe(1);
    } finally {
      Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)));
    }
  });

  it("is signed out without a cookie, and signed in with the one next-auth wrote", async () => {
    const saved = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = secret;
    vi.resetModules();
    const fresh = await import("./session-token");
    jar.cookies = [];
    expect(await fresh.sessionUserId()).toBeNull();
    jar.cookies = [{ name: defaultCookies(false).sessionToken.name, value: await encode({ token: { sub: "user-7" }, secret, maxAge: 3600 }) }];
    expect(await fresh.sessionUserId()).toBe("user-7");
    jar.cookies = [{ name: defaultCookies(false).sessionToken.name, value: await encode({ token: { sub: "user-7" }, secret: `${secret}-rotated`, maxAge: 3600 }) }];
    expect(await fresh.sessionUserId()).toBeNull();
    jar.cookies = [];
    if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
    else process.env.NEXTAUTH_SECRET = saved;
  });
});
