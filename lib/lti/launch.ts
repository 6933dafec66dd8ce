import "server-only";
// The launch (LTI Core 1.3 §5.1.2, Security Framework §5.1.3): the platform posts an id_token
// and the state back. Every check runs before anything is written for the person, and a
// failure signs nobody in (the caller only sets a session for a returned user id).
import { errors, jwtVerify, type JWTPayload } from "jose";
import { z } from "zod";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { getCourse, getStructure } from "@/lib/course/structure";
import { activityOfPath } from "./grades";
import { keepDeepLinkRequest } from "./deep-linking";
import { CLAIM, DEEP_LINKING_REQUEST, launchClaimsSchema, roleFromLti, type LaunchClaims } from "./claims";
import { platformKeys } from "./keys";
import { LaunchError } from "./launch-error";
import { onSite, sha256 } from "./login";
import { platformById, type Platform } from "./platforms";
import { provisionLaunch } from "./provision";
import type { LaunchProblem } from "./problems";

export const launchRequestSchema = z.object({
  id_token: z.string().min(1).max(20_000),
  state: z.string().min(1).max(200),
  // Set by Casebook's own page after the platform's storage gave the state back (lib/lti/client-storage.ts),
  // with the LMS origin that may frame the session, signed by this server.
  storage_checked: z.literal("1").optional(),
  frame: z.string().max(1000).optional(),
});
export type LaunchRequest = z.infer<typeof launchRequestSchema>;

/** Launch tokens are fresh: issued at most this long ago (plus the skew) when they arrive. */
const MAX_TOKEN_AGE = "10m";
const CLOCK_SKEW_SECONDS = 60;

function problemOf(error: unknown): LaunchProblem {
  if (error instanceof errors.JWSSignatureVerificationFailed) return "bad_signature";
  if (error instanceof errors.JOSEAlgNotAllowed) return "bad_algorithm";
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return "unknown_key";
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof errors.JOSENotSupported) return "keys_unreachable";
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "wrong_issuer";
    if (error.claim === "aud") return "wrong_audience";
    if (error.claim === "iat" || error.claim === "nbf" || error.claim === "exp") return "expired";
    return "missing_claims";
  }
  // A JWKS URL that answers with an error or not at all surfaces as a fetch failure.
  if (error instanceof TypeError || (error instanceof Error && /fetch|Expected 200 OK|ECONNREFUSED|JSON Web Key Set/i.test(error.message))) return "keys_unreachable";
  return "malformed";
}

async function verifiedPayload(idToken: string, platform: Platform): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, platformKeys(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ["RS256"],
      clockTolerance: CLOCK_SKEW_SECONDS,
      maxTokenAge: MAX_TOKEN_AGE,
      requiredClaims: ["iss", "aud", "exp", "iat", "sub", "nonce"],
    });
    return payload;
  } catch (error) {
    throw new LaunchError(problemOf(error), error instanceof Error ? error.message : String(error));
  }
}

/** The checked claims and the path on this site they point to, or the reason they fail. */
async function checkedClaims(payload: JWTPayload, platform: Platform, nonce: string): Promise<{ claims: LaunchClaims; path: string }> {
  // With several audiences, azp must name Casebook; when present it must anyway.
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== platform.clientId) throw new LaunchError("wrong_audience");
  if (payload.nonce !== nonce) throw new LaunchError("nonce");
  const parsed = launchClaimsSchema.safeParse(payload);
  if (!parsed.success) throw new LaunchError("missing_claims", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const claims = parsed.data;
  if (!platform.deploymentIds.includes(claims[CLAIM.deploymentId])) throw new LaunchError("unknown_deployment");
  const path = await onSite(claims[CLAIM.targetLinkUri]);
  if (!path) throw new LaunchError("target_off_site");
  return { claims, path };
}

/**
 * Finishes a launch: spends the login (single use, conditional update), verifies the token
 * and its claims, then finds or creates the person, their section and their place in it.
 * Returns whom to sign in, where to send them, and the LMS course whose members to read
 * (an instructor's launch, NRPS); throws LaunchError otherwise.
 */
export async function completeLaunch(input: LaunchRequest, now = new Date()): Promise<{ userId: string; redirectTo: string; syncRoster: { platformId: string; contextId: string } | null }> {
  const stateHash = sha256(input.state);
  const spent = await db.ltiLogin.updateMany({ where: { stateHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count !== 1) throw new LaunchError("state");
  const login = await db.ltiLogin.findUniqueOrThrow({ where: { stateHash }, select: { nonce: true, platformId: true } });
  const platform = await platformById(db, login.platformId);
  if (!platform) throw new LaunchError("unknown_platform");
  const { claims, path } = await checkedClaims(await verifiedPayload(input.id_token, platform), platform, login.nonce);
  const role = roleFromLti(claims[CLAIM.roles]);
  if (!role) throw new LaunchError("no_role");
  if (role !== "coordinator" && !claims[CLAIM.context]) throw new LaunchError("missing_claims", "context");
  const deepLinking = claims[CLAIM.messageType] === DEEP_LINKING_REQUEST;
  // Adding content to the LMS course is the teacher's act.
  if (deepLinking && role === "student") throw new LaunchError("not_teaching");
  const structure = await getStructure((await getCourse()).id);
  const activity = deepLinking ? null : activityOfPath(path, new Set(structure.quizzes.map((q) => q.slug)), new Set(structure.assignments.map((a) => a.slug)));
  const { userId, syncRoster } = await retryOnConflict(() => provisionLaunch(platform, claims, role, activity, now));
  // A deep-linking request goes to its picker, which answers the LMS.
  if (deepLinking) return { userId, redirectTo: `/api/lti/deep-link?token=${await keepDeepLinkRequest(db, platform, claims, userId, now)}`, syncRoster };
  return { userId, redirectTo: path, syncRoster };
}
