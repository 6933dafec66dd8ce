import "server-only";
import { isLocalInstance, serverEnv, type Env } from "@/lib/env";

/**
 * The public origin, which signed credentials name as their issuer and certificates print
 * as their verification address: NEXTAUTH_URL when set. Without it, a local instance (one
 * machine, SQLite, or not production) is `http://localhost:PORT`. Nothing here is ever taken
 * from the request: Host and X-Forwarded-Host are both written by the client, and a
 * credential naming an attacker's origin would let them answer its status checks (and so
 * hide a revocation). A shared production instance without NEXTAUTH_URL refuses to start
 * (lib/env.ts startProblem), and refuses here too should it get this far.
 */
export function baseUrlFrom(env: Env): string {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL;
  if (!isLocalInstance(env)) throw new Error("NEXTAUTH_URL is not set: a shared instance does not take its public address from request headers.");
  return `http://localhost:${env.PORT}`;
}

export async function publicBaseUrl(): Promise<string> {
  return baseUrlFrom(serverEnv());
}
