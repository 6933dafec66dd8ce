import "server-only";
// Calling a platform's LTI Advantage services (AGS, NRPS): an OAuth 2 access token by the
// client-credentials grant with a JWT assertion signed by Casebook's tool key (1EdTech
// Security Framework §4.1), kept per process until shortly before it expires, and requests
// with a timeout so a slow LMS holds nothing for long.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { Platform } from "./platforms";
import { toolKey } from "./tool-key";

/** A platform that answers slower than this is treated as down (the caller retries later). */
export const SERVICE_TIMEOUT_MS = 10_000;
/** A token is not used in its last minute: a request must not reach the LMS just after it expired. */
const EXPIRY_MARGIN_MS = 60_000;

/** A failed service call: the HTTP status (null when the platform never answered) and what went wrong. */
export class ServiceError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

type Cached = { token: string; expiresAt: number };
const tokens = new Map<string, Cached>();
const cacheKey = (platform: Pick<Platform, "id" | "tokenUrl">, scopes: string[]) => `${platform.id} ${platform.tokenUrl} ${[...scopes].sort().join(" ")}`;

/** Forgets a token the platform refused (a 401): the next call asks for a new one. */
export function forgetToken(platform: Pick<Platform, "id" | "tokenUrl">, scopes: string[]) {
  tokens.delete(cacheKey(platform, scopes));
}

/** An access token for these scopes, from the cache while it is still good. */
export async function accessToken(platform: Platform, scopes: string[], now = Date.now()): Promise<string> {
  const key = cacheKey(platform, scopes);
  const cached = tokens.get(key);
  if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > now) return cached.token;
  const { privateKey, kid } = await toolKey();
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + 300)
    .sign(privateKey);
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope: scopes.join(" "),
  });
  const response = await call(platform.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body });
  const json = (await response.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
  if (!response.ok || typeof json?.access_token !== "string") throw new ServiceError(response.status, `The platform's token endpoint answered ${response.status}${response.ok ? " without an access_token" : ""}.`);
  const lifetimeSeconds = typeof json.expires_in === "number" && json.expires_in > 0 ? json.expires_in : 3600;
  tokens.set(key, { token: json.access_token, expiresAt: now + lifetimeSeconds * 1000 });
  return json.access_token;
}

/** fetch with the service timeout; a platform that cannot be reached is a ServiceError without a status. */
export async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(SERVICE_TIMEOUT_MS) });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${SERVICE_TIMEOUT_MS / 1000} s` : "could not be reached";
    throw new ServiceError(null, `The platform ${reason} (${new URL(url).host}).`);
  }
}

/** A call to a service with a bearer token for `scopes`; a refused token is replaced once. */
export async function serviceCall(platform: Platform, scopes: string[], url: string, init: RequestInit): Promise<Response> {
  const send = async () => call(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${await accessToken(platform, scopes)}` } });
  const response = await send();
  if (response.status !== 401) return response;
  forgetToken(platform, scopes);
  return send();
}
