import "server-only";
// Casebook's own signing keys, created on first use and kept in the database so every
// instance signs alike: Ed25519 for credentials (Open Badges), RS256 for LTI messages
// (lib/lti/tool-key.ts). One row per key id.
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/retry";

export type KeySpec = { id: string; alg: "EdDSA" | "RS256" };
export type KeyPair = { kid: string; privateKey: CryptoKey; publicJwk: JWK };

const CREDENTIALS_KEY: KeySpec = { id: "casebook-ed25519-1", alg: "EdDSA" };
export const ALGORITHM = CREDENTIALS_KEY.alg;

const cached = new Map<string, Promise<KeyPair>>();

async function loadOrCreate({ id, alg }: KeySpec): Promise<KeyPair> {
  let row = await db.signingKey.findUnique({ where: { id }, select: { privateJwk: true, publicJwk: true } });
  if (!row) {
    const { privateKey, publicKey } = await generateKeyPair(alg, alg === "EdDSA" ? { crv: "Ed25519", extractable: true } : { modulusLength: 2048, extractable: true });
    const data = { id, privateJwk: JSON.stringify(await exportJWK(privateKey)), publicJwk: JSON.stringify(await exportJWK(publicKey)) };
    try {
      await db.signingKey.create({ data, select: { id: true } });
    } catch (error) {
      // Another instance created it first: use theirs, so every instance signs alike.
      if (!isUniqueViolation(error)) throw error;
    }
    row = await db.signingKey.findUniqueOrThrow({ where: { id }, select: { privateJwk: true, publicJwk: true } });
  }
  const publicJwk = { ...(JSON.parse(row.publicJwk) as JWK), kid: id, alg, use: "sig" };
  const privateKey = (await importJWK(JSON.parse(row.privateJwk) as JWK, alg)) as CryptoKey;
  return { kid: id, privateKey, publicJwk };
}

/** The key with this id, created on first use; read once per process. */
export function keyPairFor(spec: KeySpec): Promise<KeyPair> {
  let pair = cached.get(spec.id);
  if (!pair) {
    pair = loadOrCreate(spec).catch((error) => {
      cached.delete(spec.id);
      throw error;
    });
    cached.set(spec.id, pair);
  }
  return pair;
}

/** The credentials' signing key. */
export function signingKey(): Promise<KeyPair> {
  return keyPairFor(CREDENTIALS_KEY);
}

export async function publicJwks() {
  const { publicJwk } = await signingKey();
  return { keys: [publicJwk] };
}
