import { describe, expect, it } from "vitest";
import { frameableOrigin, frameCookieValue, frameOriginOf } from "./frame";

const secret = "s".repeat(32);

describe("the frame cookie", () => {
  it("vouches for the origin it was signed for, and nothing else", () => {
    const value = frameCookieValue("https://lms.example.edu", secret);
    expect(frameOriginOf(value, secret)).toBe("https://lms.example.edu");
    const forged = `${Buffer.from("https://evil.example").toString("base64url")}.${value.split(".")[1]}`;
    expect(frameOriginOf(forged, secret)).toBeNull();
    expect(frameOriginOf(value, "t".repeat(32))).toBeNull();
    expect(frameOriginOf(undefined, secret)).toBeNull();
    expect(frameOriginOf(value, undefined)).toBeNull();
  });
  it("frames only by an https origin (or this machine), without path or wildcard", () => {
    expect(frameableOrigin("https://lms.example.edu/course/1")).toBe("https://lms.example.edu");
    expect(frameableOrigin("http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000");
    for (const bad of ["http://lms.example.edu", "*", "null", "javascript:alert(1)", "", null]) expect(frameableOrigin(bad)).toBeNull();
  });
});
