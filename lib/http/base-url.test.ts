import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { baseUrlFrom, publicBaseUrl } from "./base-url";

// A request whose client wrote X-Forwarded-Host/-Proto to name itself the issuer.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }),
}));

const env = (source: Record<string, string>) => parseEnv(source).env!;

describe("baseUrlFrom (the credential issuer)", () => {
  it("is NEXTAUTH_URL when set, whatever the request says", () => {
    expect(baseUrlFrom(env({ NEXTAUTH_URL: "https://casebook.example.edu/" }), "evil.example")).toBe("https://casebook.example.edu");
  });

  it("on a local instance is the request's own Host, over http", () => {
    expect(baseUrlFrom(env({ NODE_ENV: "production" }), "localhost:3000")).toBe("http://localhost:3000");
    expect(baseUrlFrom(env({ NODE_ENV: "development", DATABASE_URL: "postgres://x@db/x" }), "127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
  });

  it("ignores a Host that is not a host name", () => {
    expect(baseUrlFrom(env({ PORT: "4000" }), "evil.example/path?x")).toBe("http://localhost:4000");
    expect(baseUrlFrom(env({}), null)).toBe("http://localhost:3000");
  });

  it("refuses on a shared production instance without NEXTAUTH_URL", () => {
    expect(() => baseUrlFrom(env({ NODE_ENV: "production", DATABASE_URL: "postgres://x@db/x" }), "evil.example")).toThrow(/NEXTAUTH_URL/);
  });
});

describe("publicBaseUrl", () => {
  it("never takes the issuer from X-Forwarded-Host", async () => {
    expect(process.env.NEXTAUTH_URL).toBeUndefined();
    expect(await publicBaseUrl()).toBe("http://localhost:3000");
  });
});
