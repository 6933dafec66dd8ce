// Error codes travel from authorize() to the sign-in form through next-auth's
// `error` query value; the form maps each code to a message a person can act on.
export const SIGN_IN_ERRORS = {
  invalid: { code: "invalid", message: "Enter your email address and password." },
  credentials: { code: "credentials", message: "That email and password do not match an account. Check both and try again." },
  throttled: { code: "throttled" },
} as const;

// The person needs to know which limit tripped: an account pause follows them to
// another network, an address pause covers every account they try from this one.
const THROTTLED_MESSAGES = {
  account:
    "Too many failed sign-in attempts for this account. For its security, sign-in to it is paused; try again in {minutes} minutes.",
  address:
    "Too many failed sign-in attempts from your network address. Sign-in from it is paused for every account; try again in {minutes} minutes.",
} as const;

export function throttledError(scope: "account" | "address", minutes: number): string {
  return `${SIGN_IN_ERRORS.throttled.code}:${scope}:${minutes}`;
}

export function signInErrorMessage(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const [code, ...details] = raw.split(":");
  if (code === SIGN_IN_ERRORS.throttled.code) {
    const scope = details[0] === "address" ? "address" : "account";
    const minutes = details.find((detail) => /^\d+$/.test(detail)) ?? "15";
    return THROTTLED_MESSAGES[scope].replace("{minutes}", minutes);
  }
  if (code === SIGN_IN_ERRORS.invalid.code) return SIGN_IN_ERRORS.invalid.message;
  return SIGN_IN_ERRORS.credentials.message;
}
