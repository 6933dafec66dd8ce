// Sign out (app/api/sign-out): a form post from Casebook's own page ends both kinds of
// session cookie (the ordinary one and the one an LMS frame's launch left, Partitioned);
// another site's post changes nothing.
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/sign-out/route";

vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [] }), headers: async () => new Headers() }));

const signOut = (headers: Record<string, string>) =>
  POST(new Request("http://localhost:3000/api/sign-out", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000", ...headers }, body: "" }), { params: Promise.resolve({}) });

describe("signing out", () => {
  it("from Casebook's own page: back to sign-in, with the ordinary and the partitioned session cookie both expired", async () => {
    const response = await signOut({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/signin");
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies.every((c) => /^(__Secure-)?next-auth\.session-token=; Path=\/; Max-Age=0; HttpOnly/.test(c))).toBe(true);
    expect(cookies.filter((c) => c.includes("Partitioned") && c.includes("SameSite=None") && c.includes("Secure"))).toHaveLength(1);
    expect(cookies.filter((c) => c.includes("SameSite=Lax"))).toHaveLength(1);
  });
  it("from another site's page: refused, and no cookie is touched", async () => {
    for (const headers of [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }] as Record<string, string>[]) {
      const response = await signOut(headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "Sign out from Casebook's own page." });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });
});
