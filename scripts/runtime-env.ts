// Fills in the environment every entry point (start, seed, user:create) shares, so
// a fresh clone runs with no configuration at all.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl, isSqliteUrl } from "../lib/db/url";
import { authSecret, MIN_SECRET_BYTES } from "../lib/env";

const LOCAL_SECRET_FILE = path.join("data", "auth-secret");

export function prepareEnv(env: NodeJS.ProcessEnv = process.env) {
  env.DATABASE_URL = databaseUrl(env);
  env.CHECKPOINT_DISABLE = "1";
  const local = isSqliteUrl(env.DATABASE_URL);
  // One laptop on the embedded database: keep a generated secret beside the data,
  // so sessions survive restarts. Shared deployments must set their own.
  if (!authSecret(env) && local) {
    fs.mkdirSync(path.dirname(LOCAL_SECRET_FILE), { recursive: true });
    if (!fs.existsSync(LOCAL_SECRET_FILE))
      fs.writeFileSync(LOCAL_SECRET_FILE, crypto.randomBytes(MIN_SECRET_BYTES).toString("base64url"), { mode: 0o600 });
    env.NEXTAUTH_SECRET = fs.readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
  }
  // Without a fixed public URL, take the origin from the request's Host header.
  if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST ??= "1";
  const demo = env.CASEBOOK_DEMO ? env.CASEBOOK_DEMO !== "0" : local;
  return { local, demo };
}
