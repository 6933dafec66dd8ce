import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";

const cookieReads = vi.hoisted(() => ({ count: 0 }));
vi.mock("next/headers", () => ({
  cookies: async () => {
    cookieReads.count++;
    return { get: () => undefined, getAll: () => [] };
  },
}));

import { decodeSessionUserId, sessionCookieName, sessionUserId, tokenFrom } from "./session-token";

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

  it("uses next-auth's cookie name for the site's scheme, and joins a chunked token in order", () => {
    expect(sessionCookieName("https://casebook.example.edu")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
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
      cookieReads.count = 0;
      expect(await fresh.sessionUserId()).toBeNull();
      expect(cookieReads.count).toBe(1);
    } finally {
      Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)));
    }
  });

  it("is signed out without a cookie", async () => {
    cookieReads.count = 0;
    expect(await sessionUserId()).toBeNull();
    expect(cookieReads.count).toBe(1);
  });
});
