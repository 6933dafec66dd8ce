import "server-only";
// Deep Linking 2.0 (issue 15): an instructor adding Casebook in the LMS picks the whole
// course, a lesson, a quiz, the final or a written assignment; Casebook answers with an
// LtiDeepLinkingResponse signed with its tool key, whose graded links carry line items so
// the LMS makes the grade columns. The request is kept server-side behind a single-use
// token (its hash stored).
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { getCourse, getStructure } from "@/lib/course/structure";
import { publicBaseUrl } from "@/lib/http/base-url";
import { CLAIM, DL_CLAIM, type LaunchClaims } from "./claims";
import { assignmentActivity, lineItemFor, quizActivity, READINESS_ACTIVITY } from "./grades";
import { LaunchError } from "./launch-error";
import { sha256 } from "./login";
import { platformById, type Platform } from "./platforms";
import { toolKey } from "./tool-key";

/** An instructor has this long to choose. */
export const DEEP_LINK_LIFETIME_MS = 60 * 60_000;
const RESOURCE_LINK = "ltiResourceLink";

/** `note`: shown beside the title in the picker, not sent to the LMS. */
export type DeepLinkChoice = { key: string; kind: "course" | "lesson" | "quiz" | "final" | "assignment"; title: string; note?: string; path: string; activity: string | null };

type Structure = Awaited<ReturnType<typeof getStructure>>;
const courseStructure = async (): Promise<Structure> => getStructure((await getCourse()).id);

/** What an instructor may add: the course (graded by readiness), each lesson, each quiz and the final, and each written assignment (graded once its grade is released). */
export async function deepLinkChoices(structure?: Structure): Promise<DeepLinkChoice[]> {
  structure ??= await courseStructure();
  const choices: DeepLinkChoice[] = [{ key: "course", kind: "course", title: "The whole course", note: "graded when internship ready", path: "/course", activity: READINESS_ACTIVITY }];
  for (const lesson of structure.lessons) choices.push({ key: `lesson:${lesson.slug}`, kind: "lesson", title: lesson.title, path: `/lessons/${lesson.slug}`, activity: null });
  for (const quiz of structure.quizzes) choices.push({ key: quizActivity(quiz.slug), kind: quiz.kind === "final" ? "final" : "quiz", title: quiz.title, path: `/quizzes/${quiz.slug}`, activity: quizActivity(quiz.slug) });
  for (const assignment of structure.assignments) choices.push({ key: assignmentActivity(assignment.slug), kind: "assignment", title: assignment.title, path: `/assignments/${assignment.slug}`, activity: assignmentActivity(assignment.slug) });
  return choices;
}

/** Keeps a verified deep-linking request for its picker, inside the launch's transaction; returns the picker's token. */
export async function keepDeepLinkRequest(tx: Tx, platform: Platform, claims: LaunchClaims, userId: string, now: Date): Promise<string> {
  const settings = claims[DL_CLAIM.settings];
  if (!settings) throw new LaunchError("missing_claims", "deep_linking_settings");
  if (!settings.accept_types.includes(RESOURCE_LINK)) throw new LaunchError("missing_claims", "accept_types has no ltiResourceLink");
  const token = randomBytes(32).toString("base64url");
  await tx.ltiDeepLink.deleteMany({ where: { expiresAt: { lt: now } } });
  await tx.ltiDeepLink.create({
    data: {
      tokenHash: sha256(token),
      platformId: platform.id,
      deploymentId: claims[CLAIM.deploymentId],
      userId,
      returnUrl: settings.deep_link_return_url,
      data: settings.data ?? null,
      acceptMultiple: settings.accept_multiple ?? false,
      // Deep Linking §4.4.1: line items go with links unless the platform says it takes none.
      acceptLineItems: settings.accept_lineitem ?? true,
      expiresAt: new Date(now.getTime() + DEEP_LINK_LIFETIME_MS),
    },
    select: { id: true },
  });
  return token;
}

export const deepLinkTokenSchema = z.string().regex(/^[\w-]{43}$/);

/** The open request a picker token names, or null (unknown, used or expired). */
export async function openDeepLink(token: string, now = new Date()) {
  if (!deepLinkTokenSchema.safeParse(token).success) return null;
  return db.ltiDeepLink.findFirst({
    where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true, acceptMultiple: true, returnUrl: true, platform: { select: { name: true } } },
  });
}

/** The picker's form: the token, and one checkbox (or the one radio) per chosen item, each named `item-<n>`. */
export const deepLinkAnswerSchema = z
  .object({ token: deepLinkTokenSchema })
  .catchall(z.string().max(200))
  .transform((form) => ({ token: form.token, items: Object.entries(form).filter(([name]) => /^item(-\d{1,3})?$/.test(name)).map(([, key]) => key) }));

/** A content item for one choice: a link to its page, with a grade column for a graded activity. */
function contentItem(choice: DeepLinkChoice, base: string, withLineItem: boolean, titles: Structure) {
  return {
    type: RESOURCE_LINK,
    title: choice.title,
    url: `${base}${choice.path}`,
    ...(withLineItem && choice.activity ? { lineItem: lineItemFor(choice.activity, titles) } : {}),
  };
}

/**
 * Spends the request and signs the response (Deep Linking 2.0 §4.2): iss is Casebook's
 * client id, aud the platform, the deployment and the platform's data returned as they
 * came. Returns where the browser posts it. An empty choice is a valid answer (cancel).
 */
export async function answerDeepLink(token: string, keys: string[], now = new Date()): Promise<{ returnUrl: string; jwt: string; count: number }> {
  const structure = await courseStructure();
  const choices = await deepLinkChoices(structure);
  const chosen = choices.filter((c) => keys.includes(c.key));
  const spent = await db.ltiDeepLink.updateMany({ where: { tokenHash: sha256(token), usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count !== 1) throw new LaunchError("state", "deep link token unknown, used or expired");
  const request = await db.ltiDeepLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) }, select: { platformId: true, deploymentId: true, userId: true, returnUrl: true, data: true, acceptMultiple: true, acceptLineItems: true } });
  const platform = await platformById(db, request.platformId);
  if (!platform) throw new LaunchError("unknown_platform");
  const items = request.acceptMultiple ? chosen : chosen.slice(0, 1);
  const base = await publicBaseUrl();
  const { privateKey, kid } = await toolKey();
  const jwt = await new SignJWT({
    nonce: randomBytes(16).toString("base64url"),
    [CLAIM.messageType]: "LtiDeepLinkingResponse",
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: request.deploymentId,
    [DL_CLAIM.contentItems]: items.map((choice) => contentItem(choice, base, request.acceptLineItems, structure)),
    ...(request.data ? { [DL_CLAIM.data]: request.data } : {}),
    [DL_CLAIM.msg]: items.length ? `Added ${items.length} Casebook item${items.length === 1 ? "" : "s"}.` : "Nothing was added.",
  })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + 300)
    .sign(privateKey);
  await recordAudit({ actorId: request.userId, action: "lti.deep_link", targetType: "LtiPlatform", targetId: platform.id, detail: { items: items.map((i) => i.key) } });
  return { returnUrl: request.returnUrl, jwt, count: items.length };
}
