import { describe, expect, it } from "vitest";
import { signInErrorMessage, throttledError } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("says which limit tripped, with the minutes", () => {
    expect(signInErrorMessage(throttledError("account", 7))).toBe(
      "Too many failed sign-in attempts for this account. For its security, sign-in to it is paused; try again in 7 minutes.",
    );
    expect(signInErrorMessage(throttledError("address", 3))).toMatch(/from your network address.*every account; try again in 3 minutes/);
  });

  it("falls back to sensible text for other codes", () => {
    expect(signInErrorMessage("invalid")).toMatch(/Enter your email/);
    expect(signInErrorMessage("CredentialsSignin")).toMatch(/do not match/);
    expect(signInErrorMessage("throttled")).toMatch(/this account.*15 minutes/);
    expect(signInErrorMessage(null)).toBeNull();
  });
});
