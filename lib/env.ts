// Every environment variable Casebook reads, parsed once with zod, in one schema (the
// README's Configuration table lists the same). No "server-only" import: the start
// script and the server entry (scripts/serve.mjs) load it outside Next's bundle.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, isSqliteUrl } from "./db/url";

export const MIN_SECRET_BYTES = 32;

// A shell's `FOO=` means "not set", not "set to nothing".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const flag = (name: string) =>
  optional(z.enum(["0", "1"], { error: () => `${name} must be 0 or 1` }));

const integer = (name: string, min: number, max: number, meaning: string) =>
  optional(
    z
      .string()
      .regex(/^\d+$/, { error: () => `${name} must be ${meaning}` })
      .transform(Number)
      .refine((n) => n >= min && n <= max, { error: () => `${name} must be ${meaning}` }),
  );

const schema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"], { error: () => "NODE_ENV must be development, production or test" })).transform(
    (value) => value ?? "development",
  ),
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .refine((url) => isSqliteUrl(url) || /^postgres(ql)?:\/\/./.test(url), {
        error: () => "DATABASE_URL must be a file: URL (SQLite) or a postgres:// URL",
      }),
  ).transform((value) => value || DEFAULT_DATABASE_URL),
  DATABASE_POOL_SIZE: integer("DATABASE_POOL_SIZE", 1, 1000, "a whole number of connections from 1 to 1000").transform((n) => n ?? 10),
  NEXTAUTH_SECRET: optional(z.string()),
  AUTH_SECRET: optional(z.string()),
  // Set by scripts/runtime-env.ts (not by operators) when NEXTAUTH_URL is unset; next-auth reads it too.
  AUTH_TRUST_HOST: optional(z.string()),
  NEXTAUTH_URL: optional(
    z
      .string()
      .trim()
      .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
        error: () => "NEXTAUTH_URL must be an http:// or https:// URL, e.g. https://casebook.example.edu",
      })
      .transform((url) => url.replace(/\/+$/, "")),
  ),
  CASEBOOK_DEMO: flag("CASEBOOK_DEMO"),
  CASEBOOK_TRUST_PROXY: integer(
    "CASEBOOK_TRUST_PROXY",
    0,
    10,
    "the number of reverse proxies in front of Casebook that append to X-Forwarded-For (0 to 10; 1 for one proxy)",
  ).transform((n) => n ?? 0),
  CASEBOOK_SKIP_BUILD: flag("CASEBOOK_SKIP_BUILD"),
  // Outgoing mail; unset keeps every message in the local outbox (npm run mail:outbox).
  SMTP_URL: optional(
    z
      .string()
      .trim()
      .refine((url) => URL.canParse(url) && /^smtps?:$/.test(new URL(url).protocol), {
        error: () => "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.edu:465",
      }),
  ),
  MAIL_FROM: optional(z.string().trim().max(200)).transform((value) => value ?? "Casebook <no-reply@casebook.invalid>"),
  // Tests only: count every statement sent to the database (lib/db/round-trips.ts).
  CASEBOOK_COUNT_ROUND_TRIPS: flag("CASEBOOK_COUNT_ROUND_TRIPS"),
  PORT: integer("PORT", 1, 65535, "a port number from 1 to 65535").transform((n) => n ?? 3000),
  HOST: optional(z.string().trim().regex(/^[\w.:[\]-]+$/, { error: () => "HOST must be an address or host name to listen on, e.g. 0.0.0.0" })).transform(
    (value) => value ?? "0.0.0.0",
  ),
});

export type Env = z.infer<typeof schema>;
type Source = Record<string, string | undefined>;

/** The parsed settings, or every bad value described on one line. */
export function parseEnv(source: Source): { env: Env; problem: null } | { env: null; problem: string } {
  const result = schema.safeParse(source);
  if (result.success) return { env: result.data, problem: null };
  const details = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "");
    const value = source[name];
    return `${issue.message} (got ${JSON.stringify(value && value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  });
  return { env: null, problem: `Casebook refuses to start: ${details.join("; ")}.` };
}

export function authSecret(env: { NEXTAUTH_SECRET?: string; AUTH_SECRET?: string } = process.env): string | undefined {
  return env.NEXTAUTH_SECRET || env.AUTH_SECRET || undefined;
}

/** Null when the secret is acceptable; otherwise the one line to print before refusing to start. */
export function secretProblem(env: Source = process.env): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = authSecret(env);
  if (!secret) return `Casebook refuses to start: set NEXTAUTH_SECRET to at least ${MIN_SECRET_BYTES} random bytes (e.g. openssl rand -base64 32).`;
  if (Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES)
    return `Casebook refuses to start: NEXTAUTH_SECRET is ${Buffer.byteLength(secret, "utf8")} bytes; it must be at least ${MIN_SECRET_BYTES}.`;
  return null;
}

/**
 * A local instance (not production, or one SQLite file on one machine) may take its
 * public address from the request's Host header; a shared one must be told it.
 */
export function isLocalInstance(env: Env): boolean {
  return env.NODE_ENV !== "production" || isSqliteUrl(env.DATABASE_URL);
}

/** Null when the server may start with this environment; otherwise one line saying what to fix. */
export function startProblem(source: Source = process.env): string | null {
  const parsed = parseEnv(source);
  if (parsed.problem !== null) return parsed.problem;
  const secret = secretProblem(source);
  if (secret) return secret;
  if (!isLocalInstance(parsed.env) && !parsed.env.NEXTAUTH_URL)
    return "Casebook refuses to start: set NEXTAUTH_URL to the public URL (e.g. https://casebook.example.edu); a shared deployment never takes its address from request headers.";
  return null;
}

let cached: Env | undefined;

/**
 * The settings of this process, parsed on first use and kept. Start-up (scripts/start.ts,
 * lib/startup-checks.ts) has already refused a bad environment with a clear line, so
 * a throw here only happens in a process that skipped those checks.
 */
export function serverEnv(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if (parsed.problem !== null) throw new Error(parsed.problem);
  cached = parsed.env;
  return cached;
}
