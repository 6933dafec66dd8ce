import "server-only";
import { headers } from "next/headers";
import { isLocalInstance, serverEnv, type Env } from "@/lib/env";

// A Host header worth using: a name or address and an optional port, nothing else.
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The public origin, which signed credentials name as their issuer: NEXTAUTH_URL when
 * set. Without it, a local instance (one machine, SQLite, or not production) uses the
 * request's own Host; X-Forwarded-Host/-Proto are never read, since any client can
 * write them. A shared production instance without NEXTAUTH_URL refuses to start
 * (lib/env.ts startProblem), and refuses here too should it get this far.
 */
export function baseUrlFrom(env: Env, host: string | null): string {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL;
  if (!isLocalInstance(env)) throw new Error("NEXTAUTH_URL is not set: a shared instance does not take its public address from request headers.");
  return `http://${host && HOST.test(host) ? host : `localhost:${env.PORT}`}`;
}

export async function publicBaseUrl(): Promise<string> {
  const env = serverEnv();
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL;
  return baseUrlFrom(env, (await headers()).get("host"));
}
