import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { baseUrlFrom, publicBaseUrl } from "./base-url";

// A request whose client wrote Host and X-Forwarded-Host/-Proto to name itself the issuer.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }),
}));

const env = (source: Record<string, string>) => parseEnv(source).env!;

describe("baseUrlFrom (the credential issuer)", () => {
  it("is NEXTAUTH_URL when set", () => {
    expect(baseUrlFrom(env({ NEXTAUTH_URL: "https://casebook.example.edu/" }))).toBe("https://casebook.example.edu");
  });

  it("on a local instance is localhost on the configured port, never a request header", () => {
    expect(baseUrlFrom(env({ NODE_ENV: "production" }))).toBe("http://localhost:3000");
    expect(baseUrlFrom(env({ NODE_ENV: "development", DATABASE_URL: "postgres://x@db/x", PORT: "4000" }))).toBe("http://localhost:4000");
  });

  it("refuses on a shared production instance without NEXTAUTH_URL", () => {
    expect(() => baseUrlFrom(env({ NODE_ENV: "production", DATABASE_URL: "postgres://x@db/x" }))).toThrow(/NEXTAUTH_URL/);
  });
});

describe("publicBaseUrl", () => {
  it("never takes the issuer from Host or X-Forwarded-Host (a production SQLite instance once used Host)", async () => {
    expect(process.env.NEXTAUTH_URL).toBeUndefined();
    expect(await publicBaseUrl()).toBe("http://localhost:3000");
  });
});
