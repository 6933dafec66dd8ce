import "server-only";
// Roster sync (NRPS 2.0, issue 15): the LMS course's members are read so its learners who
// never launched Casebook are on the section's roster as "not started". Run after an
// instructor's launch and when an instructor asks. A learner gets an account without a
// password (they sign in through the LMS) and joins the section only if they are in no
// section yet: the sync never moves anyone, and never changes staff.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/boundary/errors";
import { readCourse } from "@/lib/course/structure";
import { retryOnConflict } from "@/lib/db/retry";
import { afterResponse } from "@/lib/http/after-response";
import { enrollInTx } from "@/lib/sections/enrollment";
import { canManageSection } from "@/lib/sections/scope";
import { accountOrClosed } from "./accounts";
import { roleFromLti, SCOPE } from "./claims";
import { platformById } from "./platforms";
import { isPlatformUrl } from "./schemas";
import { serviceCall, ServiceError } from "./services";

const CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
/** A course of 10,000 members in pages of the platform's choosing is read whole; more is a platform gone wrong. */
const MAX_PAGES = 200;
const MAX_MEMBERS = 20_000;
/** Members are written in transactions of this many, so a large course never holds the database long. */
const BATCH = 100;

const memberSchema = z.object({
  user_id: z.string().trim().min(1).max(255),
  status: z.string().optional().catch(undefined),
  roles: z.array(z.string().max(255)).max(100).catch([]),
  name: z.string().trim().max(200).optional().catch(undefined),
  given_name: z.string().trim().max(100).optional().catch(undefined),
  family_name: z.string().trim().max(100).optional().catch(undefined),
  email: z.email().max(254).optional().catch(undefined),
});
const containerSchema = z.object({ members: z.array(z.unknown()).max(MAX_MEMBERS) });

type Member = z.infer<typeof memberSchema>;

/** The next page's URL from a Link header (RFC 8288), if the platform gave one. */
export function nextPage(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    const rel = match && /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(match[2]);
    const relations = rel ? (rel[1] ?? rel[2]).toLowerCase().split(/\s+/) : [];
    if (match && relations.includes("next") && isPlatformUrl(match[1])) return match[1];
  }
  return null;
}

async function readMembers(platform: NonNullable<Awaited<ReturnType<typeof platformById>>>, url: string): Promise<Member[]> {
  const members: Member[] = [];
  let next: string | null = url;
  for (let page = 0; next && page < MAX_PAGES && members.length < MAX_MEMBERS; page++) {
    const response = await serviceCall(platform, [SCOPE.memberships], next, { headers: { accept: CONTAINER } });
    if (!response.ok) throw new ServiceError(response.status, `The platform answered ${response.status} to the membership request.`);
    const parsed = containerSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ServiceError(502, "The platform's membership list was not one Casebook could read.");
    for (const raw of parsed.data.members) {
      const member = memberSchema.safeParse(raw);
      if (member.success) members.push(member.data);
    }
    // Paging stays on the membership service's own origin: the bearer token goes nowhere else.
    const following = nextPage(response.headers.get("link"));
    next = following && new URL(following).origin === new URL(url).origin ? following : null;
  }
  return members;
}

export type SyncResult = { members: number; added: number; error: string | null };

/**
 * Reads the course's members and places its active learners; records when it ran and
 * what went wrong, for the section page. Never throws for the platform's failures.
 */
export async function syncMemberships(key: { platformId: string; contextId: string }, now = new Date()): Promise<SyncResult> {
  const where = { platformId_contextId: key };
  const context = await db.ltiContext.findUnique({ where, select: { sectionId: true, membershipsUrl: true } });
  const platform = await platformById(db, key.platformId);
  if (!context?.membershipsUrl || !platform) return { members: 0, added: 0, error: "The LMS offers no membership list for this course." };
  let members: Member[];
  try {
    members = await readMembers(platform, context.membershipsUrl);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    await db.ltiContext.update({ where, data: { membershipsError: error.message }, select: { sectionId: true } });
    return { members: 0, added: 0, error: error.message };
  }
  const learners = members.filter((m) => (m.status ?? "Active") === "Active" && roleFromLti(m.roles) === "student");
  let added = 0;
  for (let i = 0; i < learners.length; i += BATCH) {
    added += await retryOnConflict(() => placeLearners(platform.id, context.sectionId, learners.slice(i, i + BATCH)));
  }
  await db.ltiContext.update({ where, data: { membershipsSyncedAt: now, membershipsError: null }, select: { sectionId: true } });
  return { members: members.length, added, error: null };
}

async function placeLearners(platformId: string, sectionId: string, learners: Member[]): Promise<number> {
  return db.$transaction(async (tx) => {
    const course = await readCourse(tx);
    let added = 0;
    for (const learner of learners) {
      // Someone who closed their Casebook account stays closed: the LMS listing them is not their act.
      const account = await accountOrClosed(tx, platformId, { ...learner, sub: learner.user_id }, "student", { reopen: false });
      if (!account || account.effective !== "student") continue;
      const active = await tx.enrollment.findFirst({ where: { userId: account.userId, activeCourseId: course.id }, select: { id: true } });
      if (active) continue;
      // Enrolling writes the student's roster row (enrollInTx rebuilds it): "not started".
      await enrollInTx(tx, account.userId, { id: sectionId, courseId: course.id }, "lms roster");
      added++;
    }
    return added;
  }, { maxWait: 15_000, timeout: 60_000 });
}

/** An instructor of the section (or a coordinator) reads its LMS course's members now. */
export async function syncSectionRoster(viewer: CurrentUser, sectionId: string): Promise<SyncResult[]> {
  if (!(await canManageSection(viewer, sectionId))) throw new DomainError(404, "No such section.");
  const contexts = await db.ltiContext.findMany({ where: { sectionId, membershipsUrl: { not: null } }, select: { platformId: true, contextId: true } });
  if (contexts.length === 0) throw new DomainError(409, "This section is not linked to an LMS course that lists its members.");
  const results: SyncResult[] = [];
  for (const context of contexts) results.push(await syncMemberships(context));
  await recordAudit({ actorId: viewer.id, action: "lti.roster_sync", targetType: "Section", targetId: sectionId, detail: { results } });
  return results;
}

/** After an instructor's launch: read the members once the response has gone. */
export function syncMembershipsSoon(key: { platformId: string; contextId: string }) {
  afterResponse("roster sync", async () => {
    const result = await syncMemberships(key);
    if (result.error) console.error(JSON.stringify({ event: "lti.roster_sync.failed", ...key, error: result.error }));
  });
}
