import { describe, expect, it } from "vitest";
import { HANDOFF_LIFETIME_MS, handoffPass, userOfPass, windowRequestSchema } from "./handoff";

const secret = "s".repeat(32);

describe("the new-window pass", () => {
  it("names its user until it expires", () => {
    const pass = handoffPass("user-1", secret, 1_000);
    expect(userOfPass(pass, secret, 1_000 + HANDOFF_LIFETIME_MS - 1)).toBe("user-1");
    expect(userOfPass(pass, secret, 1_000 + HANDOFF_LIFETIME_MS)).toBeNull();
  });
  it("is refused when forged, altered or signed with another secret", () => {
    const pass = handoffPass("user-1", secret, 1_000);
    const [payload, signature] = pass.split(".");
    const other = Buffer.from(JSON.stringify({ u: "admin", exp: 9e15 })).toString("base64url");
    expect(userOfPass(`${other}.${signature}`, secret, 1_000)).toBeNull();
    expect(userOfPass(`${payload}.${signature}x`, secret, 1_000)).toBeNull();
    expect(userOfPass(pass, "t".repeat(32), 1_000)).toBeNull();
    expect(userOfPass(`${pass}.more`, secret, 1_000)).toBeNull();
  });
  it("opens only a path on this site", () => {
    expect(windowRequestSchema.parse({ pass: "x".repeat(20), to: "/quizzes/a?b=1" }).to).toBe("/quizzes/a?b=1");
    for (const to of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "/\t/evil.example", "/api/lti/window"]) expect(windowRequestSchema.parse({ pass: "x".repeat(20), to }).to).toBe("/course");
  });
});
