import { describe, expect, it } from "vitest";
import { bindingCookie, isBoundTo } from "./browser-binding";

const jarOf = (cookies: Record<string, string>) => ({ get: (name: string) => (name in cookies ? { value: cookies[name] } : undefined) });

describe("the login's browser binding", () => {
  it("accepts the browser that holds the cookie of this state, and no other", () => {
    const cookie = bindingCookie("state-1", 600);
    expect(isBoundTo(jarOf({ [cookie.name]: cookie.value }), "state-1")).toBe(true);
    expect(isBoundTo(jarOf({}), "state-1")).toBe(false);
    expect(isBoundTo(jarOf({ [cookie.name]: cookie.value }), "state-2")).toBe(false);
    expect(isBoundTo(jarOf({ [cookie.name]: "forged" }), "state-1")).toBe(false);
  });
  it("names each login's cookie apart, so two logins in one browser do not overwrite each other", () => {
    expect(bindingCookie("state-1", 600).name).not.toBe(bindingCookie("state-2", 600).name);
  });
  it("is sent on the LMS's cross-site form post, and only to the LTI endpoints", () => {
    expect(bindingCookie("s", 600).options).toEqual({ httpOnly: true, secure: true, sameSite: "none", partitioned: true, path: "/api/lti/", maxAge: 600 });
  });
});
