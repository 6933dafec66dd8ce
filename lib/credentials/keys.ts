import "server-only";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/retry";

const KEY_ID = "casebook-ed25519-1";
export const ALGORITHM = "EdDSA";

type KeyPair = { kid: string; privateKey: CryptoKey; publicJwk: JWK };
let cached: Promise<KeyPair> | undefined;

async function loadOrCreate(): Promise<KeyPair> {
  let row = await db.signingKey.findUnique({ where: { id: KEY_ID }, select: { privateJwk: true, publicJwk: true } });
  if (!row) {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: "Ed25519", extractable: true });
    const data = { id: KEY_ID, privateJwk: JSON.stringify(await exportJWK(privateKey)), publicJwk: JSON.stringify(await exportJWK(publicKey)) };
    try {
      await db.signingKey.create({ data, select: { id: true } });
    } catch (error) {
      // Another instance created it first: use theirs, so every instance signs alike.
      if (!isUniqueViolation(error)) throw error;
    }
    row = await db.signingKey.findUniqueOrThrow({ where: { id: KEY_ID }, select: { privateJwk: true, publicJwk: true } });
  }
  const publicJwk = { ...(JSON.parse(row.publicJwk) as JWK), kid: KEY_ID, alg: ALGORITHM, use: "sig" };
  const privateKey = (await importJWK(JSON.parse(row.privateJwk) as JWK, ALGORITHM)) as CryptoKey;
  return { kid: KEY_ID, privateKey, publicJwk };
}

/** The signing key, created on first use and kept in the database. */
export function signingKey(): Promise<KeyPair> {
  cached ??= loadOrCreate().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

export async function publicJwks() {
  const { publicJwk } = await signingKey();
  return { keys: [publicJwk] };
}
