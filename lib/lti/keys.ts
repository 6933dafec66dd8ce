import "server-only";
// Each platform's public keys, fetched from its JWKS URL and kept per process: jose's
// remote key set caches them and fetches again when a token names a kid it does not know
// (key rotation), at most once per cooldown, so a flood of bad kids cannot hammer the LMS.
import { createRemoteJWKSet } from "jose";

const sets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export function platformKeys(jwksUrl: string) {
  let set = sets.get(jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000 });
    sets.set(jwksUrl, set);
  }
  return set;
}
