// Runtime settings read from the environment, validated in one place.
export const MIN_SECRET_BYTES = 32;

export function authSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NEXTAUTH_SECRET || env.AUTH_SECRET || undefined;
}

/** Null when the secret is acceptable; otherwise the one line to print before refusing to start. */
export function secretProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = authSecret(env);
  if (!secret) return `Casebook refuses to start: set NEXTAUTH_SECRET to at least ${MIN_SECRET_BYTES} random bytes (e.g. openssl rand -base64 32).`;
  if (Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES)
    return `Casebook refuses to start: NEXTAUTH_SECRET is ${Buffer.byteLength(secret, "utf8")} bytes; it must be at least ${MIN_SECRET_BYTES}.`;
  return null;
}

/** Client addresses come from X-Forwarded-For only behind a proxy the operator trusts. */
export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CASEBOOK_TRUST_PROXY === "1";
}
