import { describe, expect, it } from "vitest";
import { isWellEncodedPath, routeParam, safeReturnPath } from "./urls";

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

describe("routeParam", () => {
  it("decodes once, and leaves text that is not valid percent-encoding as it is", () => {
    expect(routeParam("K7M2%2DQX9P")).toBe("K7M2-QX9P");
    expect(routeParam("%")).toBe("%");
    expect(routeParam("%E0%A4%A")).toBe("%E0%A4%A");
  });
});

describe("isWellEncodedPath", () => {
  it("accepts escapes that decode and refuses broken ones", () => {
    expect(isWellEncodedPath("/join/K7M2%2DQX9P")).toBe(true);
    expect(isWellEncodedPath("/invitations/%")).toBe(false);
    expect(isWellEncodedPath("/verify/%E0%A4%A")).toBe(false);
  });
});
