import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./urls";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/lessons/intro?x=1")).toBe("/lessons/intro?x=1");
  });
  it("rejects other origins and protocol-relative URLs", () => {
    expect(safeReturnPath("https://evil.example/")).toBe("/");
    expect(safeReturnPath("//evil.example/x")).toBe("/");
    expect(safeReturnPath("javascript:alert(1)")).toBe("/");
  });
  it("never returns to API routes or the sign-in page", () => {
    expect(safeReturnPath("/api/auth/signout")).toBe("/");
    expect(safeReturnPath("/signin")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });
});
