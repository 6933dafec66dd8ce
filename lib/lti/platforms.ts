import "server-only";
// Registered platforms (issue 15). A coordinator registers one; launches are accepted
// only from a registered issuer and client id, for one of its deployments.
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/boundary/errors";
import { isLocalInstance, serverEnv } from "@/lib/env";
import { platformSchema, type PlatformInput } from "./schemas";

export type Platform = { id: string; name: string; issuer: string; clientId: string; authUrl: string; tokenUrl: string; jwksUrl: string; deploymentIds: string[] };

const SELECT = { id: true, name: true, issuer: true, clientId: true, authUrl: true, tokenUrl: true, jwksUrl: true, deploymentIds: true } as const;

function toPlatform(row: { deploymentIds: string } & Omit<Platform, "deploymentIds">): Platform {
  const ids = JSON.parse(row.deploymentIds) as unknown;
  return { ...row, deploymentIds: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [] };
}

/** Registers a platform, or updates the one with this issuer and client id; audited. `actor` null: the CLI. */
export async function registerPlatform(actor: CurrentUser | null, input: PlatformInput): Promise<Platform> {
  if (actor && actor.role !== "coordinator") throw new DomainError(403, "Only a course coordinator registers an LMS.");
  const data = platformSchema.parse(input);
  // Plain http reaches only this machine, and only a Casebook running here may use it (tests,
  // a local LMS): a shared instance must not fetch keys from its own loopback services.
  if (!isLocalInstance(serverEnv())) {
    const plain = (["authUrl", "tokenUrl", "jwksUrl", "issuer"] as const).filter((key) => data[key].startsWith("http:"));
    if (plain.length) throw new DomainError(400, "Use https:// addresses.", Object.fromEntries(plain.map((key) => [key, "Use an https:// address."])));
  }
  return db.$transaction(async (tx) => {
    const row = await tx.ltiPlatform.upsert({
      where: { issuer_clientId: { issuer: data.issuer, clientId: data.clientId } },
      create: { ...data, deploymentIds: JSON.stringify(data.deploymentIds) },
      update: { ...data, deploymentIds: JSON.stringify(data.deploymentIds) },
      select: SELECT,
    });
    await recordAudit({ actorId: actor?.id ?? null, action: "lti.platform.register", targetType: "LtiPlatform", targetId: row.id, detail: data }, tx);
    return toPlatform(row);
  });
}

/**
 * The platform a login or launch names. An issuer with one registration may leave out the
 * client id (LTI allows it in the login request); with several, it must say which.
 */
export async function findPlatform(client: Tx, issuer: string, clientId: string | undefined): Promise<Platform | null> {
  const rows = await client.ltiPlatform.findMany({ where: { issuer, ...(clientId ? { clientId } : {}) }, select: SELECT, take: 2 });
  return rows.length === 1 ? toPlatform(rows[0]) : null;
}

export async function platformById(client: Tx, id: string): Promise<Platform | null> {
  const row = await client.ltiPlatform.findUnique({ where: { id }, select: SELECT });
  return row ? toPlatform(row) : null;
}

/** Every registered platform, for the coordinator's page. */
export async function listPlatforms(viewer: CurrentUser): Promise<(Platform & { launches: number })[]> {
  if (viewer.role !== "coordinator") throw new DomainError(403, "Only a course coordinator manages LMS registrations.");
  const rows = await db.ltiPlatform.findMany({ select: { ...SELECT, _count: { select: { identities: true } } }, orderBy: { createdAt: "asc" } });
  return rows.map(({ _count, ...row }) => ({ ...toPlatform(row), launches: _count.identities }));
}

/** The addresses an LMS administrator pastes into the LMS when adding Casebook. */
export function toolUrls(base: string) {
  return {
    loginUrl: `${base}/api/lti/login`,
    redirectUrl: `${base}/api/lti/launch`,
    jwksUrl: `${base}/api/lti/jwks`,
    targetLinkUrl: `${base}/course`,
    deepLinkingUrl: `${base}/api/lti/deep-link`,
  };
}
