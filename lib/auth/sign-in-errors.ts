// Error codes travel from authorize() to the sign-in form through next-auth's
// `error` query value; the form maps each code to a message a person can act on.
export const SIGN_IN_ERRORS = {
  invalid: { code: "invalid", message: "Enter your email address and password." },
  credentials: { code: "credentials", message: "That email and password do not match an account. Check both and try again." },
  throttled: {
    code: "throttled",
    message: "Too many failed sign-in attempts. For your security, sign-in is paused for this account; try again in {minutes} minutes.",
  },
} as const;

export function signInErrorMessage(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const [code, detail] = raw.split(":");
  if (code === SIGN_IN_ERRORS.throttled.code)
    return SIGN_IN_ERRORS.throttled.message.replace("{minutes}", detail && /^\d+$/.test(detail) ? detail : "15");
  if (code === SIGN_IN_ERRORS.invalid.code) return SIGN_IN_ERRORS.invalid.message;
  return SIGN_IN_ERRORS.credentials.message;
}
