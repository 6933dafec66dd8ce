import "server-only";
// Casebook's own RS256 keys for LTI (issue 15): the LMS reads them at the JWKS URL; the
// newest signs deep-linking responses and grade-service token requests. Rotating adds a
// new key and keeps the one before it published (a platform that cached the key set still
// verifies what was signed a moment ago); older ones are removed. Keys live in the database
// (lib/credentials/keys.ts), so every instance signs alike and sees a rotation at once.
import { db } from "@/lib/db";
import { keyPairFor, type KeyPair } from "@/lib/credentials/keys";

const PREFIX = "casebook-lti-rs256-";
const keyId = (n: number) => `${PREFIX}${n}`;
const numberOf = (id: string) => Number(id.slice(PREFIX.length)) || 0;

/** The tool's key ids, newest first (one statement). */
async function toolKeyIds(): Promise<string[]> {
  const rows = await db.signingKey.findMany({ where: { id: { startsWith: PREFIX } }, select: { id: true } });
  return rows.map((r) => r.id).sort((a, b) => numberOf(b) - numberOf(a));
}

/** The key that signs now: the newest, made on first use. */
export async function toolKey(): Promise<KeyPair> {
  const [newest] = await toolKeyIds();
  return keyPairFor({ id: newest ?? keyId(1), alg: "RS256" });
}

/** Every published key: the current one and the one before it. */
export async function toolJwks() {
  const ids = await toolKeyIds();
  if (ids.length === 0) return { keys: [(await toolKey()).publicJwk] };
  return { keys: await Promise.all(ids.slice(0, 2).map(async (id) => (await keyPairFor({ id, alg: "RS256" })).publicJwk)) };
}

/** Makes a new signing key; the previous one stays published, older ones go. Returns the new key id. */
export async function rotateToolKey(): Promise<{ kid: string; retired: string[] }> {
  const ids = await toolKeyIds();
  const next = keyId((ids.length ? numberOf(ids[0]) : 1) + 1);
  if (ids.length === 0) await toolKey(); // the first key, so the one before the new one exists
  const { kid } = await keyPairFor({ id: next, alg: "RS256" });
  const retired = ids.slice(1);
  if (retired.length) await db.signingKey.deleteMany({ where: { id: { in: retired } } });
  return { kid, retired };
}
